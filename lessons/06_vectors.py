# %% [markdown]
# # Vectors: the mean of squares
#
# Autograd works on tensors of any shape. For $y = \frac{1}{n}\sum_i x_i^2$ each element gets its
# own partial derivative: $\frac{\partial y}{\partial x_i} = \frac{2x_i}{n}$.

# %%
import torch
from studio import compare

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 2).mean()
print(y)
y.backward()
print(x.grad)
compare("dy/dx", 2 * x.detach() / 3, x.grad)

# %% [markdown]
# `sum` instead of `mean` drops the $\frac{1}{n}$:

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 2).sum()
y.backward()
print(x.grad)
compare("d sum/dx", 2 * x.detach(), x.grad)

# %% [markdown]
# A matrix works the same way: every element of $W$ gets $\frac{\partial L}{\partial W_{ij}}$.
# For $L = \sum_{ij} \sin(W_{ij})$ that is $\cos(W_{ij})$.

# %%
W = torch.tensor([[0.0, 0.5], [1.0, 1.5]], requires_grad=True)
L = torch.sin(W).sum()
L.backward()
print(W.grad)
compare("dL/dW", torch.cos(W.detach()), W.grad)
