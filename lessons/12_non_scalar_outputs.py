# %% [markdown]
# # Non-scalar outputs and backward(gradient)
#
# `backward()` without arguments needs a scalar output. For a vector $y$, autograd computes a
# **vector-Jacobian product**: we pass the vector $v$ and get $v^T \frac{\partial y}{\partial x}$.

# %%
import torch
from studio import compare

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x ** 2
try:
    y.backward()
except RuntimeError as e:
    print(type(e).__name__ + ":", e)

# %% [markdown]
# With $v$ all ones this is the gradient of `y.sum()`. Here $\frac{\partial y_i}{\partial x_i} = 2x_i$.

# %%
y.backward(torch.ones(3))
print(x.grad)
compare("ones", 2 * x.detach(), x.grad)

# %%
x.grad.zero_()
y = x ** 2
v = torch.tensor([1.0, 0.5, 0.0])
y.backward(v)
print(x.grad)
compare("weighted", v * 2 * x.detach(), x.grad)
