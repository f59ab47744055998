# %% [markdown]
# # 8. Intermediate nodes and `retain_grad()`
#
# In $x \rightarrow y = x^2 \rightarrow z = \sin(y)$, the backward pass computes
# $\frac{dz}{dy}$ on its way to $x$, but it only **stores** gradients in the leaves. For
# an intermediate tensor, `.grad` stays `None` (PyTorch also prints a warning if you read it).

# %%
import math
import torch
from studio import compare, chart

x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
z = torch.sin(y)
z.backward()

print("x.is_leaf:", x.is_leaf, " y.is_leaf:", y.is_leaf)
print("x.grad:", x.grad)
print("y.grad is None:", y.grad is None)

# %% [markdown]
# ## Keeping an intermediate gradient
#
# Call `retain_grad()` on the intermediate tensor **before** the backward pass. Then
# `y.grad` holds $\frac{dz}{dy} = \cos(y)$.

# %%
x = torch.tensor(3.0, requires_grad=True)
y = x ** 2
y.retain_grad()
z = torch.sin(y)
z.backward()

print("y.grad:", y.grad)
compare("dz/dy = cos(x^2)", math.cos(9.0), y.grad)
compare("dz/dx = dz/dy * 2x", y.grad * 2 * 3.0, x.grad)

# %% [markdown]
# ## Every stage of the neuron
#
# Keeping the intermediate gradients lets us check each factor of the chain rule from
# lesson 5 separately:
#
# - $\frac{\partial L}{\partial \hat y} = \frac{\hat{y} - y}{\hat{y}(1 - \hat{y})}$
# - $\frac{\partial L}{\partial z} = \hat y - y$

# %%
x = torch.tensor(6.7)
y = torch.tensor(0.0)
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)

z = w * x + b
z.retain_grad()
y_pred = torch.sigmoid(z)
y_pred.retain_grad()
loss = -(y * torch.log(y_pred) + (1 - y) * torch.log(1 - y_pred))
loss.backward()

p = y_pred.item()
compare("dL/dy_pred", (p - 0.0) / (p * (1 - p)), y_pred.grad, tol=1e-3)
compare("dL/dz", p - 0.0, z.grad)
compare("dL/dw", (p - 0.0) * 6.7, w.grad)

# %% [markdown]
# `dL/dy_pred` is large (about 813) because $\hat y$ is close to $1$ while the label is $0$;
# float32 has only about 7 significant digits, so that comparison uses a looser tolerance.
#
# Also worth knowing: a tensor that does not require grad has no gradient at all, leaf or not.

# %%
print("x.requires_grad:", x.requires_grad, " x.grad:", x.grad)
