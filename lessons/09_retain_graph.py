# %% [markdown]
# # 9. `retain_graph`: calling `backward()` twice
#
# To save memory, `backward()` **frees the graph** as it goes: the values the forward pass
# saved for the backward pass (like $x$ in $y = x^2$, needed for $2x$) are released. A second
# `backward()` through the same graph then fails.

# %%
import torch
from studio import compare, chart

x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
y.backward()
print("first backward, x.grad:", x.grad)

try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__ + ':', e)

# %% [markdown]
# The normal way out is simply a **new forward pass**: every training step records a fresh
# graph, so it never needs the old one. The new pass adds another $2x = 6$ to `x.grad`.

# %%
y = x ** 2
y.backward()
print("after a new forward and backward pass:", x.grad)

# %% [markdown]
# ## Keeping the graph
#
# `backward(retain_graph=True)` keeps the saved values so the graph can be used again.
# Each backward pass adds $2x = 6$ to `x.grad` (lesson 7), so after two passes it is $12$.

# %%
x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
y.backward(retain_graph=True)
print("after 1st backward:", x.grad)
y.backward()
print("after 2nd backward:", x.grad)
compare("two passes of dy/dx", 2 * (2 * 3.0), x.grad)

# %% [markdown]
# ## When is it useful?
#
# When two losses share part of a graph and we call `backward()` on each. Here
# $h = \sin(w x)$ feeds two losses; the first backward must keep the shared part.
#
# - $L_1 = h^2$: $\frac{\partial L_1}{\partial w} = 2h\cos(wx)\,x$
# - $L_2 = 3h$: $\frac{\partial L_2}{\partial w} = 3\cos(wx)\,x$

# %%
import math

w = torch.tensor(0.5, requires_grad=True)
x = torch.tensor(2.0)
h = torch.sin(w * x)
loss1 = h ** 2
loss2 = 3 * h

loss1.backward(retain_graph=True)
g1 = w.grad.item()
loss2.backward()
g_total = w.grad.item()

hv = math.sin(1.0)
compare("dL1/dw", 2 * hv * math.cos(1.0) * 2.0, g1)
compare("dL1/dw + dL2/dw", 2 * hv * math.cos(1.0) * 2.0 + 3 * math.cos(1.0) * 2.0, g_total)

# %% [markdown]
# Usually, though, it is simpler (and cheaper) to add the losses and call `backward()` once:

# %%
w2 = torch.tensor(0.5, requires_grad=True)
h2 = torch.sin(w2 * x)
(h2 ** 2 + 3 * h2).backward()
compare("one backward of L1 + L2", g_total, w2.grad)
