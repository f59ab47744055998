# %% [markdown]
# # Linear regression, trained by hand
#
# Fit $\hat{y} = w x + b$ to points on the line $y = 2x + 1$ by gradient descent on the mean
# squared error $L = \frac{1}{n}\sum (\hat{y} - y)^2$:
#
# 1. forward pass and loss, 2. `loss.backward()`, 3. update inside `torch.no_grad()`,
# 4. zero the gradients.
#
# By hand: $\frac{\partial L}{\partial w} = \frac{2}{n}\sum (\hat{y} - y) x$ and
# $\frac{\partial L}{\partial b} = \frac{2}{n}\sum (\hat{y} - y)$.

# %%
import torch
from studio import compare, chart

x = torch.tensor([1.0, 2.0, 3.0, 4.0])
y = torch.tensor([3.0, 5.0, 7.0, 9.0])
w = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
learning_rate = 0.05
epochs = 200

# %% [markdown]
# One step, checked against the hand formulas:

# %%
y_hat = w * x + b
loss = ((y_hat - y) ** 2).mean()
loss.backward()
compare("dL/dw", (2 * (y_hat - y) * x).mean(), w.grad)
compare("dL/db", (2 * (y_hat - y)).mean(), b.grad)
w.grad.zero_()
b.grad.zero_()

# %% [markdown]
# The training loop. The studio charts `loss` as it falls.

# %%
for epoch in range(epochs):
    y_hat = w * x + b
    loss = ((y_hat - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= learning_rate * w.grad
        b -= learning_rate * b.grad
    w.grad.zero_()
    b.grad.zero_()
    chart("w", w)
    chart("b", b)
    if epoch % 40 == 0:
        print(f"epoch {epoch:3d}  loss {loss.item():.6f}  w {w.item():.4f}  b {b.item():.4f}")

print(f"final  loss {loss.item():.6f}  w {w.item():.4f}  b {b.item():.4f}")
