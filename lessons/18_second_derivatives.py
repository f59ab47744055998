# %% [markdown]
# # 18. Second derivatives: differentiating a gradient
#
# A gradient computed by autograd is normally a plain number: the record of how it was
# computed is thrown away. With `create_graph=True` autograd **records the backward pass
# too**, so the gradient is itself a tensor with a `grad_fn`, and we can differentiate it
# again. For $y = x^3$:
#
# $$\frac{dy}{dx} = 3x^2, \qquad \frac{d^2y}{dx^2} = 6x$$
#
# so at $x = 2$ we expect $12$ and then $12$ again.

# %%
import torch
from studio import compare, chart

x = torch.tensor(2.0, requires_grad=True)
y = x ** 3

dy_dx, = torch.autograd.grad(y, x, create_graph=True)
print("dy/dx   ->", dy_dx)

d2y_dx2, = torch.autograd.grad(dy_dx, x)
print("d2y/dx2 ->", d2y_dx2)

compare("dy/dx = 3x^2 at x=2", 3 * 2.0 ** 2, dy_dx)
compare("d2y/dx2 = 6x at x=2", 6 * 2.0, d2y_dx2)

# %% [markdown]
# `dy_dx` prints with `grad_fn=<MulBackward0>`: the backward of the power computed
# $3 x^2$ as a product, and that product was recorded like any forward operation. The
# second `grad` call walks this new graph.
#
# ## Checking against finite differences
#
# The second derivative is the slope of the first: $\frac{y'(x+h) - y'(x-h)}{2h}$. Here
# the first derivative itself comes from autograd at two nearby points.

# %%
def first_derivative(at):
    t = torch.tensor(at, dtype=torch.float64, requires_grad=True)
    g, = torch.autograd.grad(t ** 3, t)
    return g.item()

h = 1e-4
for at in [-1.0, 0.5, 2.0]:
    estimate = (first_derivative(at + h) - first_derivative(at - h)) / (2 * h)
    t = torch.tensor(at, dtype=torch.float64, requires_grad=True)
    g, = torch.autograd.grad(t ** 3, t, create_graph=True)
    g2, = torch.autograd.grad(g, t)
    compare(f"d2y/dx2 at x={at}", g2, estimate)

# %% [markdown]
# ## The derivatives of sine go round in a circle
#
# $\sin \to \cos \to -\sin \to -\cos \to \sin$: each call differentiates the previous
# result, which works because every result keeps its graph.

# %%
import math

x = torch.tensor(0.5, requires_grad=True)
d = torch.sin(x)
expected = [math.cos(0.5), -math.sin(0.5), -math.cos(0.5), math.sin(0.5)]
for k in range(4):
    d, = torch.autograd.grad(d, x, create_graph=True)
    print(f"derivative {k + 1}: {d.item():+.4f}")
    compare(f"derivative {k + 1} of sin at 0.5", expected[k], d)

# %% [markdown]
# ## `backward(create_graph=True)` and a curvature chart
#
# `backward` takes the same flag: `x.grad` then has a `grad_fn` of its own
# (PyTorch warns that the gradient and the tensor now refer to each other; set
# `x.grad = None` when done). For $f(x) = \tanh(x)$ the second derivative
# $-2\tanh(x)(1 - \tanh^2 x)$ shows where the curve bends most.

# %%
for i in range(-6, 7):
    x = torch.tensor(i / 2, requires_grad=True)
    torch.tanh(x).backward(create_graph=True)
    slope = x.grad
    x.grad = None
    slope.backward()
    chart("d2/dx2 tanh(x)", x.grad)
    t = math.tanh(i / 2)
    compare(f"tanh'' at {i / 2}", -2 * t * (1 - t * t), x.grad)
