# %% [markdown]
# # 17. Writing your own backward: `torch.autograd.Function`
#
# Autograd knows the derivative of every built-in operation. When we want an operation it
# does not have, or a cheaper or more stable backward than the one it would derive, we write
# both passes ourselves: a class with a static `forward` and a static `backward`.
#
# - `forward(ctx, ...)` computes the output and saves what the backward will need with
#   `ctx.save_for_backward(...)`;
# - `backward(ctx, grad_output)` receives $\frac{\partial L}{\partial \text{output}}$ and
#   returns $\frac{\partial L}{\partial \text{input}}$ for each input: the chain rule's
#   *upstream × local* step, written by hand.

# %%
import torch
from studio import compare, chart

class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad_output):
        x, = ctx.saved_tensors
        return grad_output * 3 * x ** 2

x = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
y = Cube.apply(x)
print(y)
print(y.grad_fn.name())

# %% [markdown]
# ## Upstream × local
#
# The node `CubeBackward` sits in the graph like any other. Here the loss is
# $L = \sum_i w_i\, y_i$, so the gradient arriving from upstream is $w$, and our backward
# multiplies it by the local derivative $3x^2$.

# %%
w = torch.tensor([1.0, 10.0, 100.0])
L = (w * y).sum()
L.backward()
compare("dL/dx", [1.0 * 3 * 1.0, 10.0 * 3 * 4.0, 100.0 * 3 * 0.25], x.grad)

# %% [markdown]
# ## Checking a hand-written backward
#
# A wrong backward is silent: autograd trusts it. So compare it with the gradient autograd
# derives for the same formula written with built-in operations, and with a finite difference
# $\frac{f(x+h) - f(x-h)}{2h}$.

# %%
x2 = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
(w * x2 ** 3).sum().backward()
compare("custom vs built-in", x2.grad, x.grad)

h = 1e-3
xd = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64)
numeric = []
for i in range(3):
    e = torch.zeros(3, dtype=torch.float64)
    e[i] = h
    numeric.append(((w.double() * (xd + e) ** 3).sum() - (w.double() * (xd - e) ** 3).sum()).item() / (2 * h))
compare("custom vs finite difference", numeric, x.grad, tol=1e-3)

# %% [markdown]
# ## Several inputs, and inputs that are not tensors
#
# `backward` returns one gradient per argument of `forward`, `None` for those that are not
# tensors. `ctx` can also keep plain Python values. Here a scaled, clipped ReLU:
# $f(x) = \min(\max(x, 0), c)\cdot s$ with derivative $s$ inside $(0, c)$ and $0$ outside.

# %%
class ClippedRelu(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, scale, ceiling):
        ctx.save_for_backward(x)
        ctx.scale = scale
        ctx.ceiling = ceiling
        return x.clamp(0.0, ceiling) * scale

    @staticmethod
    def backward(ctx, grad_output):
        x, = ctx.saved_tensors
        inside = ((x > 0) & (x < ctx.ceiling)).float()
        return grad_output * inside * ctx.scale, None, None

v = torch.tensor([-1.0, 0.5, 1.5, 3.0], requires_grad=True)
out = ClippedRelu.apply(v, 2.0, 2.0)
out.sum().backward()
print(out)
compare("d sum / dv", [0.0, 2.0, 2.0, 0.0], v.grad)

# %% [markdown]
# ## What PyTorch checks for you
#
# Returning the wrong number of gradients, or using a saved tensor that was changed in place
# after `forward`, are errors, exactly as with built-in operations. And the saved tensors are
# freed by the backward pass unless `retain_graph=True`.

# %%
class Forgetful(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * 2, grad_output

try:
    Forgetful.apply(x).sum().backward()
except RuntimeError as e:
    print(type(e).__name__ + ':', e)

s = torch.tensor(0.5, requires_grad=True)
c = Cube.apply(s)
with torch.no_grad():
    s.add_(1.0)
try:
    c.backward()
except RuntimeError as e:
    print(type(e).__name__ + ':', str(e)[:95] + " ...")

c = Cube.apply(torch.tensor(2.0, requires_grad=True))
c.backward()
try:
    c.backward()
except RuntimeError as e:
    print(type(e).__name__ + ':', str(e)[:60] + " ...")
