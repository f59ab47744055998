# %% [markdown]
# # 12. Non-scalar outputs and `backward(gradient)`
#
# So far we called `backward()` on a single number, the loss. What if the output is a
# vector? Then there is no single derivative but a whole **Jacobian** matrix
# $J_{ij} = \frac{\partial y_i}{\partial x_j}$, and PyTorch refuses to guess what we want.

# %%
import torch
from studio import compare, chart

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x ** 2
print(y)
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__ + ':', e)

# %% [markdown]
# ## Vector-Jacobian products
#
# Autograd never builds $J$. `y.backward(gradient=v)` computes the **vector-Jacobian
# product** $v^T J$, i.e. the gradient of $\sum_i v_i y_i$. With $v$ all ones, that is the
# gradient of `y.sum()`.
#
# For $y_i = x_i^2$, $J$ is diagonal with $2x_i$ on the diagonal, so
# $v^T J = [2x_1 v_1, 2x_2 v_2, 2x_3 v_3]$.

# %%
y.backward(gradient=torch.ones_like(y))
print("x.grad:", x.grad)
compare("ones^T J", [2.0, 4.0, 6.0], x.grad)

x.grad.zero_()
v = torch.tensor([1.0, 0.1, 0.01])
y = x ** 2
y.backward(v)
compare("v^T J", [2.0 * 1.0, 4.0 * 0.1, 6.0 * 0.01], x.grad)

# %% [markdown]
# ## Same as backward on a sum
#
# `y.backward(torch.ones_like(y))` and `y.sum().backward()` give the same gradient. Here for a
# matrix: $S = \sin(A)$ elementwise.

# %%
A = torch.tensor([[0.0, 1.0], [2.0, 3.0]], requires_grad=True)
S = torch.sin(A)
S.backward(torch.ones_like(S))
g1 = A.grad * 1   # a copy: zero_() below changes A.grad in place
A.grad.zero_()
torch.sin(A).sum().backward()
compare("backward(ones) vs sum().backward()", g1, A.grad)

# %% [markdown]
# ## Building the full Jacobian, row by row
#
# Choosing $v$ as the $i$-th unit vector picks out row $i$ of $J$. For
#
# $$y = Mx + \sin(x) \qquad J = M + \mathrm{diag}(\cos x)$$
#
# we run one backward pass per row, keeping the graph with `retain_graph=True` and zeroing
# `x.grad` in between.

# %%
M = torch.tensor([[1.0, 2.0, 0.0], [0.0, 1.0, -1.0], [3.0, 0.0, 1.0]])
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = M @ x + torch.sin(x)
print("y:", y)

J_manual = M + torch.eye(3) * torch.cos(x.detach())
for i in range(3):
    unit = torch.zeros(3)
    unit[i] = 1.0
    y.backward(unit, retain_graph=True)
    compare(f"row {i} of J", J_manual[i], x.grad)
    x.grad.zero_()
