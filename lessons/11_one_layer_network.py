# %% [markdown]
# # 11. A one-layer network: `matmul` and BCE with logits
#
# Instead of one input and one weight, a layer takes a **batch** of inputs with several
# features each. With $X$ of shape $(N, d)$, weights $W$ of shape $(d, 1)$ and a bias $b$:
#
# $$z = XW + b, \qquad \hat y = \sigma(z), \qquad
#   L = -\frac{1}{N}\sum_i \left[y_i \ln \hat y_i + (1 - y_i)\ln(1 - \hat y_i)\right]$$
#
# The numbers $z$ before the sigmoid are called **logits**. `X @ W` is the same as
# `torch.matmul(X, W)`: row $i$ of the result is $\sum_j X_{ij} W_{j}$.

# %%
import torch
from studio import compare, chart

torch.manual_seed(0)
X = torch.randn(6, 3)
y = torch.tensor([[1.0], [0.0], [1.0], [0.0], [1.0], [1.0]])
W = torch.randn(3, 1) * 0.5
W.requires_grad_(True)
b = torch.zeros(1, requires_grad=True)

print("X:", X)
print("W:", W)

# %%
z = torch.matmul(X, W) + b
print("logits z:", z.t())
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
print("loss:", loss)
print("loss.grad_fn:", loss.grad_fn.name())
print("z.grad_fn:", z.grad_fn.name(), " inputs:",
      [type(pair[0]).__name__ for pair in z.grad_fn.next_functions])

# %% [markdown]
# ## Three ways to the same loss
#
# `binary_cross_entropy_with_logits` takes the logits directly; `nn.BCEWithLogitsLoss` is
# the same as a callable object; `binary_cross_entropy` wants probabilities, so we apply the
# sigmoid first.

# %%
criterion = torch.nn.BCEWithLogitsLoss()
l1 = criterion(z, y)
l2 = torch.nn.functional.binary_cross_entropy(torch.sigmoid(z), y)
l3 = torch.nn.BCELoss()(torch.sigmoid(z), y)
print(f"{loss.item():.6f} {l1.item():.6f} {l2.item():.6f} {l3.item():.6f}")

# %% [markdown]
# ## Gradients by hand
#
# As in lesson 5, the sigmoid and the cross-entropy combine into a simple derivative with
# respect to the logits, now averaged over the batch:
#
# $$\frac{\partial L}{\partial z} = \frac{1}{N}(\hat y - y)$$
#
# The matrix product passes it on to the weights with a transpose, and the bias (added to
# every row) sums it:
#
# $$\frac{\partial L}{\partial W} = X^T \frac{\partial L}{\partial z}, \qquad
#   \frac{\partial L}{\partial b} = \sum_i \frac{\partial L}{\partial z_i}$$

# %%
loss.backward()

N = X.shape[0]
dL_dz = (torch.sigmoid(z.detach()) - y) / N
dL_dW = X.t() @ dL_dz
dL_db = dL_dz.sum(dim=0)
print("W.grad:", W.grad.t())
compare("dL/dW", dL_dW, W.grad)
compare("dL/db", dL_db, b.grad)

# %% [markdown]
# ## One input, three outputs
#
# The classic PyTorch tutorial version of this example has a single input vector
# $x = (1, 1, 1, 1, 1)$, three outputs that should all be $0$, and random $W$ of shape
# $(5, 3)$. Then $z = xW + b$ has three logits, and since $\frac{\partial L}{\partial W_{jk}} =
# x_j \frac{\partial L}{\partial z_k}$ with every $x_j = 1$, **all five rows of `W.grad` are
# equal**, and each equals `b.grad`.

# %%
torch.manual_seed(42)
x1 = torch.ones(5)
y1 = torch.zeros(3)
W1 = torch.randn(5, 3, requires_grad=True)
b1 = torch.randn(3, requires_grad=True)
z1 = torch.matmul(x1, W1) + b1
loss1 = torch.nn.functional.binary_cross_entropy_with_logits(z1, y1)
print("loss:", loss1)
loss1.backward()
print("W.grad:", W1.grad)
print("b.grad:", b1.grad)

dL_dz1 = (torch.sigmoid(z1.detach()) - y1) / 3
compare("dL/db (1 input, 3 outputs)", dL_dz1, b1.grad)
compare("dL/dW = x^T dL/dz", x1.reshape(5, 1) @ dL_dz1.reshape(1, 3), W1.grad)

# %% [markdown]
# ## Why "with logits"?
#
# For a very confident wrong prediction the sigmoid rounds to exactly $0$ in float32, and
# $\ln 0 = -\infty$. Working from the logits avoids computing $\sigma$ and $\ln$ separately.

# %%
z_far = torch.tensor([-200.0])
target = torch.tensor([1.0])
naive = -torch.log(torch.sigmoid(z_far))
stable = torch.nn.functional.binary_cross_entropy_with_logits(z_far, target)
print("naive:", naive, " with logits:", stable)

# %% [markdown]
# ## Training the layer
#
# Gradient descent on $W$ and $b$, updating inside `torch.no_grad()`.

# %%
for step in range(50):
    z = X @ W + b
    loss = criterion(z, y)
    W.grad.zero_()
    b.grad.zero_()
    loss.backward()
    with torch.no_grad():
        W -= 0.5 * W.grad
        b -= 0.5 * b.grad
    chart("loss", loss)
    if step % 10 == 0:
        print(f"step {step:2d}  loss {loss.item():.4f}")

predicted = (X @ W + b > 0).float()
accuracy = (predicted == y).float().mean()
print(f"accuracy: {accuracy.item():.3f}")
