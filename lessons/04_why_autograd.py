# %% [markdown]
# # 4. Why autograd: the computation graph
#
# A neural network is a nested function far too long to differentiate by hand. Autograd
# solves this by **recording** the computation as it happens, in a *directed acyclic graph*
# (DAG):
#
# - **Leaf nodes** are the inputs we created ourselves (`x`, weights, biases). Their
#   gradients are stored in `.grad` after the backward pass.
# - The **root node** is the output (usually the loss). The backward pass starts there.
# - **Intermediate nodes** are everything in between. Their gradients are computed on the
#   way but not kept (lesson 8 shows how to keep them).
#
# The graph is **dynamic** (*define-by-run*): it is recorded afresh on every forward pass,
# from whatever Python code actually ran, loops and `if`s included.
#
# Training then repeats four steps: **forward pass** (compute the output), **loss**,
# **backward pass** (gradients of the loss with respect to the parameters) and **update**.

# %%
import torch
from studio import compare, chart

x = torch.tensor(3.0, requires_grad=True)   # leaf
y = x ** 2                                   # intermediate
z = torch.sin(y)                             # root

for name, t in [("x", x), ("y", y), ("z", z)]:
    print(f"{name}: is_leaf={t.is_leaf}  requires_grad={t.requires_grad}")

# %% [markdown]
# ## `grad_fn`: the function that made a tensor
#
# Every tensor computed from a tensor that requires grad carries a `grad_fn`: the backward
# function of the operation that produced it. Leaves have none.

# %%
print("x.grad_fn:", x.grad_fn)
print("y.grad_fn:", y.grad_fn.name())
print("z.grad_fn:", z.grad_fn.name())
print("type of z.grad_fn:", type(z.grad_fn).__name__)

# %% [markdown]
# ## `next_functions`: walking the graph backwards
#
# Each backward function lists where its gradients go next: pairs of
# `(function, input index)`. A leaf that requires grad is reached through an
# `AccumulateGrad` node (it *accumulates* into `.grad`); an input that does not need a
# gradient shows up as `None`.
#
# Here is the neuron of the next lesson, $\hat y = \sigma(w \cdot x + b)$:

# %%
x = torch.tensor(6.7)
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
z = w * x + b
y_pred = torch.sigmoid(z)

def walk(fn, depth):
    pad = "    " * depth
    if fn is None:
        print(pad + "None  (no gradient needed)")
        return
    print(pad + type(fn).__name__)
    for pair in fn.next_functions:
        walk(pair[0], depth + 1)

walk(y_pred.grad_fn, 0)

# %% [markdown]
# Read it from the top: the sigmoid came from an addition; the addition's inputs were a
# multiplication and the leaf `b`; the multiplication's inputs were the leaf `w` and the
# constant `x`, which needs no gradient.
#
# The backward pass follows exactly these edges. At every node it multiplies the incoming
# gradient by the local derivative (the chain rule), and the `AccumulateGrad` nodes store
# the result.

# %%
print("w.is_leaf:", w.is_leaf, " z.is_leaf:", z.is_leaf, " y_pred.is_leaf:", y_pred.is_leaf)
print("number of inputs of z.grad_fn:", len(z.grad_fn.next_functions))
first = z.grad_fn.next_functions[0][0]
print("first input of z.grad_fn:", type(first).__name__)

y_pred.backward()
s = torch.sigmoid(torch.tensor(6.7)).item()
compare("dy_pred/dw = s(1-s)x", s * (1 - s) * 6.7, w.grad)
compare("dy_pred/db = s(1-s)", s * (1 - s), b.grad)
