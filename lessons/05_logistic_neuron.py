# %% [markdown]
# # 5. A logistic neuron: CGPA and placement
#
# | cgpa ($x$) | placed ($y$) |
# | ----- | ----- |
# | 6.7 | 0 |
# | 7.6 | 1 |
# | 8.5 | 1 |
#
# One neuron predicts the probability that a student is placed:
#
# 1. Linear transformation: $z = w \cdot x + b$
# 2. Activation (sigmoid): $\hat{y} = \sigma(z) = \frac{1}{1 + e^{-z}}$
# 3. Loss (binary cross-entropy): $L = -[y \ln(\hat{y}) + (1 - y)\ln(1 - \hat{y})]$
#
# We start with the first student ($x = 6.7$, not placed) and $w = 1$, $b = 0$.

# %%
import torch
from studio import compare, chart

x = torch.tensor(6.7)
y = torch.tensor(0.0)
w = torch.tensor(1.0)
b = torch.tensor(0.0)

def binary_cross_entropy_loss(prediction, target):
    epsilon = 1e-8   # keeps log() away from 0
    prediction = torch.clamp(prediction, epsilon, 1 - epsilon)
    return -(target * torch.log(prediction) + (1 - target) * torch.log(1 - prediction))

z = w * x + b
y_pred = torch.sigmoid(z)
loss = binary_cross_entropy_loss(y_pred, y)
print("z:", z)
print("y_pred:", y_pred)
print("loss:", loss)

# %% [markdown]
# ## Gradients by hand
#
# The chain rule along $w \rightarrow z \rightarrow \hat y \rightarrow L$:
#
# $$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial \hat{y}} \cdot
#   \frac{\partial \hat{y}}{\partial z} \cdot \frac{\partial z}{\partial w}$$
#
# with the local derivatives
#
# - $\frac{\partial L}{\partial \hat{y}} = \frac{\hat{y} - y}{\hat{y}(1 - \hat{y})}$
# - $\frac{\partial \hat{y}}{\partial z} = \hat{y}(1 - \hat{y})$
# - $\frac{\partial z}{\partial w} = x$ and $\frac{\partial z}{\partial b} = 1$

# %%
dloss_dy_pred = (y_pred - y) / (y_pred * (1 - y_pred))
dy_pred_dz = y_pred * (1 - y_pred)
dz_dw = x
dz_db = 1

dL_dw = dloss_dy_pred * dy_pred_dz * dz_dw
dL_db = dloss_dy_pred * dy_pred_dz * dz_db
print(f"Manual gradient of loss w.r.t. weight (dw): {dL_dw.item():.6f}")
print(f"Manual gradient of loss w.r.t. bias (db): {dL_db.item():.6f}")

# %% [markdown]
# ## The same gradients from autograd
#
# Mark the parameters with `requires_grad=True`, run the same forward pass and call
# `loss.backward()`.

# %%
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
print("Initial weight:", w)
print("Initial bias:", b)

z = w * x + b
print("Linear output (z):", z)
y_pred = torch.sigmoid(z)
print("Predicted probability:", y_pred)
loss = binary_cross_entropy_loss(y_pred, y)
print("Loss:", loss)

loss.backward()
print("Gradient of w:", w.grad)
print("Gradient of b:", b.grad)

compare("dL/dw", dL_dw, w.grad)
compare("dL/db", dL_db, b.grad)

# %% [markdown]
# ## The simplification
#
# Two factors cancel: $\frac{\partial L}{\partial \hat{y}}\cdot\frac{\partial \hat{y}}{\partial z} = \hat{y} - y$,
# so
#
# $$\frac{\partial L}{\partial w} = (\hat{y} - y)\, x, \qquad \frac{\partial L}{\partial b} = \hat{y} - y$$

# %%
compare("(y_pred - y) * x", (y_pred - y) * x, w.grad)
compare("(y_pred - y)", y_pred - y, b.grad)

# %% [markdown]
# ## All three students
#
# With several samples the loss is the **mean** of the per-sample losses, and so are the
# gradients: $\frac{\partial L}{\partial w} = \frac{1}{N}\sum_i (\hat{y}_i - y_i)\,x_i$.
# `torch.nn.functional.binary_cross_entropy` computes the same mean loss.

# %%
xs = torch.tensor([6.7, 7.6, 8.5])
ys = torch.tensor([0.0, 1.0, 1.0])
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)

y_pred = torch.sigmoid(w * xs + b)
loss = binary_cross_entropy_loss(y_pred, ys).mean()
builtin = torch.nn.functional.binary_cross_entropy(y_pred, ys)
print(f"mean loss: {loss.item():.4f}   F.binary_cross_entropy: {builtin.item():.4f}")

loss.backward()
p = y_pred.detach()
compare("dL/dw (3 students)", ((p - ys) * xs).mean(), w.grad)
compare("dL/db (3 students)", (p - ys).mean(), b.grad)

# %% [markdown]
# ## A few steps of gradient descent
#
# With the gradients we can improve $w$ and $b$: $w \leftarrow w - \eta \frac{\partial L}{\partial w}$.
# (Lesson 13 explains the loop in detail.) The step size $\eta$ must stay small here: the
# inputs are around 7-8, so a large step overshoots and the loss grows instead of falling.

# %%
lr = 0.03
for step in range(40):
    y_pred = torch.sigmoid(w * xs + b)
    loss = torch.nn.functional.binary_cross_entropy(y_pred, ys)
    w.grad.zero_()
    b.grad.zero_()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    chart("loss", loss)
    if step % 10 == 0:
        print(f"step {step:2d}  loss {loss.item():.4f}  w {w.item():.4f}  b {b.item():.4f}")
print("predictions:", [round(v, 3) for v in torch.sigmoid(w * xs + b).tolist()])
