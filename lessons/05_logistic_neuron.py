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
print(f"as Python numbers: w.grad = {w.grad}, b.grad = {b.grad}")

# the factors too: in the studio, a wrong factor would be named where it parts from autograd's chain
compare("dL/dw", dL_dw, w.grad,
        factors={"dL/dy_pred": dloss_dy_pred, "dy_pred/dz": dy_pred_dz, "dz/dw": dz_dw})
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
# ## Forward and backward directions
#
# Moving **forward** along the graph, $w, x \rightarrow z \rightarrow \hat y \rightarrow L$
# (with $b$ joining at the addition and the label $y$ at the loss), gives the value of $L$.
# Moving **backward**, $L \rightarrow \hat y \rightarrow z \rightarrow w$, gives
# $\frac{\partial L}{\partial w}$: every step back multiplies by one local derivative, which is
# exactly the product we wrote by hand. Each factor, at $x = 6.7$, $w = 1$, $b = 0$:

# %%
p = y_pred.item()
factors = [("dL/dy_pred = (y_pred - y) / (y_pred (1 - y_pred))", (p - 0.0) / (p * (1 - p))),
           ("dy_pred/dz = y_pred (1 - y_pred)", p * (1 - p)),
           ("dz/dw = x", 6.7)]
product = 1.0
for label, value in factors:
    product = product * value
    print(f"{label:50s} {value:10.4f}   product so far {product:.4f}")
compare("product of the factors", product, w.grad, tol=1e-3)

# %% [markdown]
# The first factor is large (about 813) because $\hat y \approx 0.9988$ while the label is $0$:
# a confident wrong prediction. The product of float32 factors differs from autograd's in the
# last digits, so this comparison uses a looser tolerance.
#
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

# %% [markdown]
# ## Another class: five students
#
# | cgpa ($x$) | placed ($y$) |
# | ----- | ----- |
# | 9.11 | 1 |
# | 8.9 | 1 |
# | 7.0 | 0 |
# | 6.56 | 1 |
# | 4.56 | 0 |
#
# The simplification $\frac{\partial \ell_i}{\partial z_i} = \hat y_i - y_i$ holds for each
# student, so for the mean loss $L = \frac{1}{N}\sum_i \ell_i$
#
# $$\frac{\partial L}{\partial w} = \frac{1}{N}\sum_{i=1}^{N} (\hat y_i - y_i)\,x_i, \qquad
#   \frac{\partial L}{\partial b} = \frac{1}{N}\sum_{i=1}^{N} (\hat y_i - y_i)$$
#
# This time the manual gradient uses no tensors at all: plain Python floats and `math.exp`
# (double precision), starting from $w = 0.5$, $b = -3$.

# %%
import math

cgpa = [9.11, 8.9, 7.0, 6.56, 4.56]
placed = [1.0, 1.0, 0.0, 1.0, 0.0]
w = torch.tensor(0.5, requires_grad=True)
b = torch.tensor(-3.0, requires_grad=True)
y_pred = torch.sigmoid(w * torch.tensor(cgpa) + b)
loss = torch.nn.functional.binary_cross_entropy(y_pred, torch.tensor(placed))
loss.backward()
print(f"mean loss over 5 students: {loss.item():.4f}")

N = len(cgpa)
dw = 0.0
db = 0.0
for xi, yi in zip(cgpa, placed):
    pi = 1 / (1 + math.exp(-(0.5 * xi - 3.0)))
    dw += (pi - yi) * xi / N
    db += (pi - yi) / N
compare("dL/dw (5 students, by hand)", dw, w.grad)
compare("dL/db (5 students, by hand)", db, b.grad)

# %% [markdown]
# Each student contributes $\frac{1}{N}(\hat y_i - y_i)\,x_i$ to $\frac{\partial L}{\partial w}$.
# A positive contribution asks for a smaller $w$, a negative one for a larger $w$. The
# student with cgpa 6.56 who *was* placed goes against the trend of the others and pulls the
# hardest towards a larger $w$.

# %%
for xi, yi, pi in zip(cgpa, placed, y_pred.tolist()):
    print(f"cgpa {xi:5.2f}  placed {yi:.0f}  y_pred {pi:.4f}  contribution {(pi - yi) * xi / N:+.4f}")
print(f"sum of the contributions {w.grad.item():+.4f} = w.grad")
