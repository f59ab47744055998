# %% [markdown]
# # 13. Linear regression, trained by hand
#
# Goal: learn $w$ and $b$ in $\hat y = w x + b$ from four points that lie on $y = 2x$.
# The loss is the **mean squared error**
#
# $$L = \frac{1}{N}\sum_i (\hat y_i - y_i)^2$$
#
# and its gradients, by the chain rule, are
#
# $$\frac{\partial L}{\partial w} = \frac{2}{N}\sum_i (\hat y_i - y_i)\,x_i, \qquad
#   \frac{\partial L}{\partial b} = \frac{2}{N}\sum_i (\hat y_i - y_i)$$

# %%
import torch
from studio import compare, chart

x = torch.tensor([1.0, 2.0, 3.0, 4.0])
y_true = torch.tensor([2.0, 4.0, 6.0, 8.0])

w = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)

def forward(x):
    """Model predictions: w * x + b."""
    return w * x + b

def mse(y_pred, y_true):
    """Mean squared error."""
    return ((y_pred - y_true) ** 2).mean()

# %% [markdown]
# ## One step: manual gradients against autograd

# %%
y_pred = forward(x)
loss = mse(y_pred, y_true)
print("loss:", loss)
loss.backward()

error = y_pred.detach() - y_true
compare("dL/dw", (2 * error * x).mean(), w.grad)
compare("dL/db", (2 * error).mean(), b.grad)
compare("F.mse_loss", torch.nn.functional.mse_loss(y_pred, y_true), loss)

# %% [markdown]
# ## The training loop
#
# Repeat: forward pass, loss, backward pass, then step against the gradient
#
# $$w \leftarrow w - \eta \frac{\partial L}{\partial w}, \qquad b \leftarrow b - \eta \frac{\partial L}{\partial b}$$
#
# inside `torch.no_grad()` (lesson 10), and zero the gradients (lesson 7).

# %%
w = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
learning_rate = 0.01
epochs = 100

for epoch in range(epochs):
    y_pred = forward(x)
    l = mse(y_pred, y_true)
    l.backward()
    with torch.no_grad():
        w -= learning_rate * w.grad
        b -= learning_rate * b.grad
        w.grad.zero_()
        b.grad.zero_()
    chart("loss", l)
    if epoch % 10 == 0:
        print(f'Epoch {epoch}: w = {w.item():.3f}, loss = {l.item():.3f}')

print(f'Final prediction: y = {w.item():.3f} * x + {b.item():.3f}')

# %% [markdown]
# ## Without autograd at all
#
# The same loop with plain Python numbers and the gradient formulas from above. Both runs
# should end at the same $w$ and $b$ (up to float32 rounding in the tensor version).

# %%
xs = [1.0, 2.0, 3.0, 4.0]
ys = [2.0, 4.0, 6.0, 8.0]
wm = 0.0
bm = 0.0
for epoch in range(epochs):
    errors = [wm * xi + bm - yi for xi, yi in zip(xs, ys)]
    dw = sum([2 * e * xi for e, xi in zip(errors, xs)]) / len(xs)
    db = sum([2 * e for e in errors]) / len(xs)
    wm -= learning_rate * dw
    bm -= learning_rate * db

compare("final w", wm, w)
compare("final b", bm, b)

# %% [markdown]
# The fit is not exactly $w = 2, b = 0$ yet: $b$ learns slowly because its gradient is small.
# Try more epochs or a larger learning rate (and watch the loss chart).
