# %% [markdown]
# # 2. Nested functions and the chain rule: $z = \sin(x^2)$
#
# Now put one function inside another:
#
# $$y = x^2, \qquad z = \sin(y)$$
#
# The **chain rule** says the derivative of the whole is the product of the derivatives of
# the parts, each taken where it is evaluated:
#
# $$\frac{dz}{dx} = \frac{dz}{dy} \cdot \frac{dy}{dx} = \cos(y) \cdot 2x = 2x\cos(x^2)$$

# %%
import math
from studio import compare, chart

def dz_dx(x):
    return 2 * x * math.cos(x ** 2)

print("dz/dx at x=2:", dz_dx(2))
print("dz/dx at x=4:", dz_dx(4))

# %% [markdown]
# ## Autograd does the chain rule for us
#
# Forward direction: $x \rightarrow (\cdot)^2 \rightarrow y \rightarrow \sin \rightarrow z$.
# `z.backward()` travels the same path in the backward direction, multiplying the local
# derivatives as it goes.

# %%
import torch

x = torch.tensor(4.0, requires_grad=True)
y = x ** 2
z = torch.sin(y)

print("x:", x)
print("y:", y)
print("z:", z)

z.backward()
print("x.grad:", x.grad)

compare("dz/dx at x=4", dz_dx(4.0), x.grad)

# %% [markdown]
# The two factors of the chain rule, one by one, at $x = 4$:
#
# - $\frac{dy}{dx} = 2x = 8$
# - $\frac{dz}{dy} = \cos(16) \approx -0.9577$
#
# and their product is the gradient above.

# %%
dy_dx = 2 * 4.0
dz_dy = math.cos(16.0)
print(f"dy/dx = {dy_dx:.4f}   dz/dy = {dz_dy:.4f}   product = {dz_dy * dy_dx:.4f}")

# %% [markdown]
# ## Many points at once
#
# The derivative oscillates faster and faster as $x$ grows, because $x^2$ grows. Let's
# compare manual and automatic gradients along a range of $x$ and chart them.

# %%
for i in range(0, 9):
    xv = i * 0.25
    x = torch.tensor(xv, requires_grad=True)
    z = torch.sin(x ** 2)
    z.backward()
    chart("dz/dx", x.grad)
    compare(f"x={xv:.2f}", dz_dx(xv), x.grad)
