# %% [markdown]
# # 3. Three levels deep: $u = e^{\sin(x^2)}$
#
# One more layer of nesting:
#
# $$y = x^2, \qquad z = \sin(y), \qquad u = e^{z}$$
#
# The chain rule just gets one more factor:
#
# $$\frac{du}{dx} = \frac{du}{dz}\cdot\frac{dz}{dy}\cdot\frac{dy}{dx}
#   = e^{z}\cdot\cos(y)\cdot 2x = 2x\cos(x^2)\,e^{\sin(x^2)}$$
#
# Every new level makes the hand-written derivative longer. A neural network is a nested
# function with thousands of levels: this is why we want a machine to do it.

# %%
import math
import torch
from studio import compare, chart

def du_dx(x):
    return 2 * x * math.cos(x ** 2) * math.exp(math.sin(x ** 2))

x = torch.tensor(2.0, requires_grad=True)
y = x ** 2
z = torch.sin(y)
u = torch.exp(z)
print("y:", y)
print("z:", z)
print("u:", u)

u.backward()
print("x.grad:", x.grad)
compare("du/dx at x=2", du_dx(2.0), x.grad)

# %% [markdown]
# ## The factors one at a time
#
# Each function in the chain contributes its own *local* derivative. Autograd stores what it
# needs for each of them during the forward pass and multiplies them during the backward
# pass, from the output back to the input.

# %%
xv = 2.0
yv = xv ** 2
zv = math.sin(yv)
du_dz = math.exp(zv)
dz_dy = math.cos(yv)
dy_dx = 2 * xv
print(f"du/dz = e^z    = {du_dz:.4f}")
print(f"dz/dy = cos(y) = {dz_dy:.4f}")
print(f"dy/dx = 2x     = {dy_dx:.4f}")
print(f"product        = {du_dz * dz_dy * dy_dx:.4f}")

# %% [markdown]
# ## A finite-difference check
#
# When in doubt, nudge the input: $\frac{u(x+h) - u(x-h)}{2h}$. We use plain Python floats
# (double precision) for the estimate.

# %%
def u_of(x):
    return math.exp(math.sin(x ** 2))

h = 1e-6
for xv in [0.5, 1.0, 1.5, 2.0]:
    x = torch.tensor(xv, requires_grad=True)
    u = torch.exp(torch.sin(x ** 2))
    u.backward()
    estimate = (u_of(xv + h) - u_of(xv - h)) / (2 * h)
    chart("du/dx", x.grad)
    compare(f"x={xv}  finite difference vs autograd", estimate, x.grad)
