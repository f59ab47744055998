# %% [markdown]
# # 1. The derivative by hand: $y = x^2$
#
# Autograd is PyTorch's **automatic differentiation** engine: it works out derivatives of
# whatever we compute, which is exactly what training a neural network needs.
#
# Before letting a machine do it, let us do it ourselves. For $y = x^2$ calculus gives
#
# $$\frac{dy}{dx} = 2x$$
#
# so at $x = 3$ the slope is $6$, at $x = 2$ it is $4$. Written as code, the derivative is
# just another function.

# %%
def y_of(x):
    return x ** 2

def dy_dx(x):
    return 2 * x

print("dy/dx at x=2:", dy_dx(2))
print("dy/dx at x=3:", dy_dx(3))
print(f"dy/dx at x=55: {dy_dx(55)}")

# %% [markdown]
# ## Checking the formula numerically
#
# A derivative is the limit of a slope: $\frac{dy}{dx} \approx \frac{y(x+h) - y(x-h)}{2h}$
# for a small $h$. This *central finite difference* is a handy way to check any formula you
# derive by hand.

# %%
from studio import compare, chart

h = 1e-5
for x in [1.0, 2.0, 3.0]:
    estimate = (y_of(x + h) - y_of(x - h)) / (2 * h)
    compare(f"dy/dx at x={x}", dy_dx(x), estimate)

# %% [markdown]
# ## The same derivative from autograd
#
# We create `x` as a tensor with `requires_grad=True`: PyTorch then **records** every
# operation done with it. `y.backward()` walks that record backwards and leaves
# $\frac{dy}{dx}$ in `x.grad`.

# %%
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
print("x ->", x)
print("y ->", y)

y.backward()
print("x.grad ->", x.grad)

compare("dy/dx at x=3", dy_dx(3.0), x.grad)

# %% [markdown]
# Note how `y` prints with `grad_fn=<PowBackward0>`: it remembers that it was made by a
# power. That memory is what makes `backward()` possible.
#
# The slope of $x^2$ along a few points, as a chart:

# %%
for i in range(-3, 4):
    x = torch.tensor(float(i), requires_grad=True)
    y = x ** 2
    y.backward()
    chart("dy/dx", x.grad)
    print(f"x = {i:2d}   y = {y.item():4.1f}   dy/dx = {x.grad.item():5.1f}")
