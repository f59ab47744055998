# %% [markdown]
# # Three levels deep
#
# Add one more function: $y = x^2$, $z = \sin(y)$, $u = e^z$. The chain rule now has three factors:
#
# $\frac{du}{dx} = \frac{du}{dz} \cdot \frac{dz}{dy} \cdot \frac{dy}{dx} = e^{\sin(x^2)} \cdot \cos(x^2) \cdot 2x$
#
# Every new level makes the hand derivation longer. This is why we want autograd.

# %%
import math

def du_dx(x):
    return math.exp(math.sin(x ** 2)) * math.cos(x ** 2) * 2 * x

print(f"{du_dx(2.0):.6f}")

# %%
import torch
from studio import compare

x = torch.tensor(2.0, requires_grad=True)
y = x ** 2
z = torch.sin(y)
u = torch.exp(z)
print(u)
u.backward()
print(x.grad)
compare("du/dx", du_dx(2.0), x.grad)

# %% [markdown]
# The three local derivatives at $x = 2$, multiplied, give the same number:

# %%
du_dz = math.exp(math.sin(4.0))
dz_dy = math.cos(4.0)
dy_dx = 2 * 2.0
print(f"{du_dz:.4f} * {dz_dy:.4f} * {dy_dx:.4f} = {du_dz * dz_dy * dy_dx:.4f}")
