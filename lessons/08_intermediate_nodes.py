# %% [markdown]
# # Intermediate nodes and retain_grad
#
# To save memory, autograd keeps `.grad` only for leaves. An intermediate tensor's gradient is
# computed during the backward pass, passed on, and dropped. `retain_grad()` asks to keep it.

# %%
import torch
from studio import compare

x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
z = torch.sin(y)
y.retain_grad()
z.backward()
print("is_leaf:", x.is_leaf, y.is_leaf, z.is_leaf)
print("dz/dy:", y.grad)
print("dz/dx:", x.grad)
print("z keeps no grad:", z.grad)

# %% [markdown]
# The chain rule in pieces: $\frac{dz}{dy} = \cos(y)$ and $\frac{dz}{dx} = \frac{dz}{dy} \cdot 2x$.

# %%
compare("dz/dy", torch.cos(y.detach()), y.grad)
compare("dz/dx", y.grad * 2 * x.detach(), x.grad)
