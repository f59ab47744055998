# %% [markdown]
# # Why autograd: the computation graph
#
# While the forward pass runs, autograd records a **computation graph**:
#
# - **leaves** are tensors we created (inputs and parameters);
# - **intermediate** nodes are results of operations;
# - the **root** is the final output (usually the loss).
#
# Each result remembers the function that made it in `grad_fn`; each `grad_fn` points to the
# functions of its inputs through `next_functions`. `backward()` walks this graph from the root.

# %%
import torch
from studio import compare

w = torch.tensor(2.0, requires_grad=True)
x = torch.tensor(3.0)
b = torch.tensor(1.0, requires_grad=True)
z = w * x + b
y = torch.sigmoid(z)
print(y)

# %%
print("leaf?", w.is_leaf, x.is_leaf, b.is_leaf, z.is_leaf, y.is_leaf)
print("requires grad?", w.requires_grad, x.requires_grad, z.requires_grad)
print(type(y.grad_fn).__name__)
print(type(z.grad_fn).__name__)

# %% [markdown]
# Walking the graph by hand, from the root to the leaves:

# %%
def walk(fn, depth):
    if fn is None:
        return
    print("  " * depth + fn.name())
    for next_fn, index in fn.next_functions:
        walk(next_fn, depth + 1)

walk(y.grad_fn, 0)

# %% [markdown]
# `AccumulateGrad` nodes are where gradients are stored into the leaves' `.grad`. The constant
# `x` has no node at all: nothing needs its gradient.

# %%
y.backward()
print(w.grad, b.grad, x.grad)

# %% [markdown]
# By hand: $\frac{dy}{dw} = \sigma(z)(1 - \sigma(z)) \cdot x$ and $\frac{dy}{db} = \sigma(z)(1 - \sigma(z))$.

# %%
s = torch.sigmoid(z.detach())
compare("dy/dw", s * (1 - s) * x, w.grad)
compare("dy/db", s * (1 - s), b.grad)
