# %% [markdown]
# # 10. Disabling gradient tracking, three ways
#
# Recording a graph costs memory and time. We don't need it when we only **predict**
# (inference), when we **update** the parameters themselves, or when we **freeze** some
# parameters (say, of a pretrained model we fine-tune) so they stay fixed. There are three ways to
# stop autograd from recording:
#
# 1. `x.requires_grad_(False)`: the tensor itself stops requiring grad
# 2. `x.detach()`: a new tensor with the same values, cut off from the graph
# 3. `with torch.no_grad():`: nothing computed inside the block is recorded
#
# In each case `backward()` on the result fails, with the same error. We catch it with
# `try`/`except` so the lesson runs on.

# %%
import torch
from studio import compare, chart

x = torch.tensor(2.0, requires_grad=True)
y = x ** 2
print(y)
y.backward()
print("x.grad:", x.grad)
compare("dy/dx", 2 * 2.0, x.grad)

# %% [markdown]
# ## Option 1: `requires_grad_(False)`

# %%
x.requires_grad_(False)
print(x)
y = x ** 2
print(y)
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__ + ':', e)

# %% [markdown]
# The gradient computed before is still there: `requires_grad_(False)` does not clear
# `.grad`. And now that `x` no longer requires grad, it may be changed in place.

# %%
print("x.grad is still:", x.grad)
x.zero_()
print("x after zero_():", x)

# %% [markdown]
# ## Option 2: `detach()`
#
# `z = x.detach()` shares the values of `x` but has no history. `x` keeps requiring grad;
# only what is computed from `z` is untracked.

# %%
x = torch.tensor(2.0, requires_grad=True)
z = x.detach()
print("x:", x)
print("z:", z)
print("x.requires_grad:", x.requires_grad, " z.requires_grad:", z.requires_grad, " z.is_leaf:", z.is_leaf)

y = x ** 2
y1 = z ** 2
print("y:", y)
print("y1:", y1)
y.backward()
print("x.grad:", x.grad)
try:
    y1.backward()
except RuntimeError as e:
    print(type(e).__name__ + ':', e)

# %% [markdown]
# `detach()` is also how we take a *value* out of a graph, for example to use a prediction
# as a constant. Here $y = x \cdot \mathrm{detach}(x)$: autograd sees the second factor as a
# constant, so $\frac{dy}{dx} = 2$ instead of $2x = 4$.

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x * x.detach()
y.backward()
compare("d(x * const)/dx", 2.0, x.grad)

# %% [markdown]
# ## Option 3: `with torch.no_grad():`

# %%
x = torch.tensor(4.0, requires_grad=True)
with torch.no_grad():
    y = x ** 2
print("y:", y, " requires_grad:", y.requires_grad)
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__ + ':', e)

# %% [markdown]
# `torch.enable_grad()` switches recording back on inside a `no_grad` block.

# %%
with torch.no_grad():
    with torch.enable_grad():
        y = x ** 2
print("y:", y)

# %% [markdown]
# ## Why parameter updates need `no_grad`
#
# A leaf that requires grad may not be changed in place while autograd is recording: the
# change would silently corrupt the graph. That is why training loops update parameters
# inside `with torch.no_grad():`.

# %%
w = torch.tensor(1.0, requires_grad=True)
loss = (3 * w - 6) ** 2
loss.backward()
compare("dL/dw = 6(3w - 6)", 6 * (3 * 1.0 - 6), w.grad)

try:
    w -= 0.01 * w.grad
except RuntimeError as e:
    print(type(e).__name__ + ':', e)

with torch.no_grad():
    w -= 0.01 * w.grad
print("updated w:", w)
