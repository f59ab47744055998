# %% [markdown]
# # 6. Vectors: the gradient of $\mathrm{mean}(x^2)$
#
# Gradients are not only for single numbers. Take a vector $x = [x_1, x_2, x_3]$ and
#
# $$y = \frac{x_1^2 + x_2^2 + x_3^2}{3}$$
#
# $y$ is a function of three variables, so it has three **partial derivatives**:
#
# $$\frac{\partial y}{\partial x_i} = \frac{2 x_i}{3}$$
#
# `x.grad` has the same shape as `x` and holds all of them.

# %%
import torch
from studio import compare, chart

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(x)

y = (x ** 2).mean()
print(y)

y.backward()
print(x.grad)

manual = [2 * v / 3 for v in [1.0, 2.0, 3.0]]
compare("dy/dx", manual, x.grad)

# %% [markdown]
# ## Sum instead of mean
#
# With `sum()` there is no division: $\frac{\partial}{\partial x_i}\sum_j x_j^2 = 2x_i$.

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
s = (x ** 2).sum()
print(s)
s.backward()
compare("d sum(x^2)/dx", 2 * x.detach(), x.grad)

# %% [markdown]
# ## A matrix
#
# The same works for any shape. For $s = \sum_{ij} \sin(A_{ij})$ each entry's partial
# derivative is $\cos(A_{ij})$.

# %%
A = torch.tensor([[0.0, 0.5], [1.0, 1.5]], requires_grad=True)
s = torch.sin(A).sum()
s.backward()
print(A.grad)
compare("ds/dA", torch.cos(A.detach()), A.grad)

# %% [markdown]
# A few more operations on top change nothing in principle: for
# $d = 2\sin(a) + 1$ and $\text{out} = \sum_{ij} d_{ij}$, the chain rule gives
# $\frac{\partial\,\text{out}}{\partial a_{ij}} = 2\cos(a_{ij})$ (the $+1$ has derivative $0$).

# %%
torch.manual_seed(0)
a = torch.randn(3, 4, requires_grad=True)
b = torch.sin(a)
c = 2 * b
d = c + 1
out = d.sum()
print("out:", out)
out.backward()
compare("d out/da = 2 cos(a)", 2 * torch.cos(a.detach()), a.grad)

# %% [markdown]
# ## Mean over one dimension
#
# `mean(dim=0)` averages each column; summing the result gives a scalar again. Each entry
# of a column of $n$ rows then gets $\frac{1}{n}$ of the derivative.

# %%
M = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], requires_grad=True)
col = (M ** 2).mean(dim=0)
print("column means of M^2:", col)
col.sum().backward()
compare("d/dM sum(mean(M^2, dim=0))", 2 * M.detach() / 3, M.grad)
for v in M.grad.reshape(-1).tolist():
    chart("gradient entries", v)
