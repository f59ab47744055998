# %% [markdown]
# # Turning gradient tracking off
#
# When we update parameters or just evaluate a model, we do not want autograd to record.
# There are three ways, each with its own consequences.
#
# ## 1. `requires_grad_(False)`
#
# The tensor stops being tracked: later results have no `grad_fn`.

# %%
import torch
from studio import compare

x = torch.tensor(2.0, requires_grad=True)
x.requires_grad_(False)
y = x ** 2
print(x, y)
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__ + ":", e)

# %% [markdown]
# ## 2. `detach()`
#
# A detached tensor shares the values but is cut out of the graph; the original keeps tracking.

# %%
x = torch.tensor(2.0, requires_grad=True)
z = x.detach()
y1 = x ** 2
y2 = z ** 2
print(y1, y2)
y1.backward()
print(x.grad)
compare("dy1/dx = 2x", 2 * z, x.grad)
try:
    y2.backward()
except RuntimeError as e:
    print(type(e).__name__ + ":", e)

# %% [markdown]
# ## 3. `with torch.no_grad():`
#
# Nothing inside the block is recorded. This is how training loops update the weights.

# %%
x = torch.tensor(2.0, requires_grad=True)
with torch.no_grad():
    y = x ** 2
print(y, y.requires_grad)
y_tracked = x ** 2
print(y_tracked)

# %% [markdown]
# ## In-place changes to a leaf
#
# A leaf that requires grad may not be modified in place while tracking, because autograd could
# no longer compute correct gradients. Inside `no_grad` the same update is allowed.

# %%
w = torch.tensor(1.0, requires_grad=True)
try:
    w -= 0.1
except RuntimeError as e:
    print(type(e).__name__ + ":", e)
with torch.no_grad():
    w -= 0.1
print(w)
