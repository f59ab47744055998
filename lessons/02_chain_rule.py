# %% [markdown]
# # Nested functions and the chain rule
#
# Neural networks are nested functions. Take $y = x^2$ and $z = \sin(y)$, so $z = \sin(x^2)$.
# The **chain rule** multiplies the local derivatives along the way:
#
# $\frac{dz}{dx} = \frac{dz}{dy} \cdot \frac{dy}{dx} = \cos(y) \cdot 2x = 2x\cos(x^2)$

# %%
import math

def dz_dx(x):
    return 2 * x * math.cos(x ** 2)

print(dz_dx(2))
print(dz_dx(3))

# %% [markdown]
# ## With autograd
#
# The forward pass records a graph: `x → (pow) → y → (sin) → z`. Calling `z.backward()` walks it
# backwards, multiplying local derivatives exactly as we did by hand.

# %%
import torch
from studio import compare

x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
z = torch.sin(y)
print(x)
print(y)
print(z)

# %%
z.backward()
print(x.grad)
compare("dz/dx", dz_dx(3.0), x.grad)

# %% [markdown]
# Only the leaf `x` keeps a gradient. The intermediate `y` has none unless we ask for it
# (lesson 8 shows how).

# %%
print(y.grad_fn.name(), z.grad_fn.name())
print(y.is_leaf, x.is_leaf)
