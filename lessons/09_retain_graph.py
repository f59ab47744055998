# %% [markdown]
# # retain_graph: backward twice
#
# After `backward()` autograd frees the values it saved for the backward pass (here $x$ for
# the derivative of $x^3$). A second `backward()` through the same graph is an error, unless the
# first one was told `retain_graph=True`.

# %%
import torch
from studio import compare

x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
compare("two passes of 3x^2", 2 * 3 * 2.0 ** 2, x.grad)

# %% [markdown]
# The second call added $3x^2 = 12$ again. Without `retain_graph=True` the graph is gone:

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
y.backward()
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__ + ":", str(e)[:60] + "...")

# %% [markdown]
# Building the graph again (a new forward pass) is the normal way: every training step records
# a fresh graph.

# %%
y = x ** 3
y.backward()
print(x.grad)
