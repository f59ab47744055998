# %% [markdown]
# # A one-layer network
#
# Five inputs, three outputs: $z = x W + b$, and the loss is binary cross-entropy on the
# logits $z$ (`binary_cross_entropy_with_logits` applies the sigmoid itself, more stably).
#
# For the mean loss over the three outputs, $\frac{\partial L}{\partial z} = \frac{\sigma(z) - y}{3}$,
# so $\frac{\partial L}{\partial b} = \frac{\sigma(z) - y}{3}$ and
# $\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial z}$.

# %%
import torch
from studio import compare

x = torch.ones(5)
y = torch.zeros(3)
W = torch.tensor([[0.1, -0.2, 0.3],
                  [0.4, 0.5, -0.6],
                  [-0.7, 0.8, 0.9],
                  [1.0, -1.1, 1.2],
                  [0.3, 0.2, 0.1]], requires_grad=True)
b = torch.tensor([0.1, 0.0, -0.1], requires_grad=True)
z = torch.matmul(x, W) + b
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
print(z)
print(loss)
print(type(z.grad_fn).__name__, type(loss.grad_fn).__name__)

# %%
loss.backward()
print(W.grad)
print(b.grad)

# %%
dL_dz = (torch.sigmoid(z.detach()) - y) / 3
compare("dL/db", dL_dz, b.grad)
compare("dL/dW", x.reshape(5, 1) @ dL_dz.reshape(1, 3), W.grad)
