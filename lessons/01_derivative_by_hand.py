# %% [markdown]
# # The derivative by hand
#
# Training a neural network means nudging its parameters in the direction that lowers the loss,
# and that direction is given by **derivatives**. We start with the simplest one.
#
# For $y = x^2$ the derivative is $\frac{dy}{dx} = 2x$: at $x = 3$ the slope is $6$.
# Written as code, the derivative is just another function.

# %%
def dy_dx(x):
    return 2 * x

for x in [2, 3, 55]:
    print(f"dy/dx at x={x}: {dy_dx(x)}")

# %% [markdown]
# A derivative is the limit of a difference quotient. A *central finite difference*
# $\frac{f(x+h) - f(x-h)}{2h}$ with a small $h$ approximates it numerically, which is how we can
# check any hand-written derivative.

# %%
def f(x):
    return x ** 2

h = 1e-5
x = 3.0
numeric = (f(x + h) - f(x - h)) / (2 * h)
print(f"finite difference: {numeric:.6f}   by hand: {dy_dx(x):.6f}")

# %% [markdown]
# ## The same with autograd
#
# PyTorch can compute the derivative for us. We mark $x$ with `requires_grad=True`, compute
# $y$, and call `y.backward()`: the derivative lands in `x.grad`.

# %%
import torch
from studio import compare

x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
print(x)
print(y)
y.backward()
print(x.grad)
compare("dy/dx", dy_dx(3.0), x.grad)
