# %% [markdown]
# # The logistic neuron
#
# A student's CGPA decides whether they get placed:
#
# | cgpa ($x$) | placed ($y$) |
# | --- | --- |
# | 6.7 | 0 |
# | 7.6 | 1 |
# | 8.5 | 1 |
#
# One neuron with weight $w$ and bias $b$ predicts the probability of placement:
#
# 1. linear part: $z = w \cdot x + b$
# 2. activation: $\hat{y} = \sigma(z) = \frac{1}{1 + e^{-z}}$
# 3. loss (binary cross-entropy): $L = -[y \ln(\hat{y}) + (1 - y)\ln(1 - \hat{y})]$

# %%
import torch
from studio import compare

x = torch.tensor(6.7)
y = torch.tensor(0.0)
w = torch.tensor(1.0)
b = torch.tensor(0.0)

def binary_cross_entropy_loss(prediction, target):
    epsilon = 1e-8
    prediction = torch.clamp(prediction, epsilon, 1 - epsilon)
    return -(target * torch.log(prediction) + (1 - target) * torch.log(1 - prediction))

z = w * x + b
y_pred = torch.sigmoid(z)
loss = binary_cross_entropy_loss(y_pred, y)
print("prediction:", y_pred)
print("loss:", loss)

# %% [markdown]
# ## Gradients by hand
#
# $\frac{\partial L}{\partial w} = \frac{\partial L}{\partial \hat{y}} \cdot \frac{\partial \hat{y}}{\partial z} \cdot \frac{\partial z}{\partial w}$
# with $\frac{\partial L}{\partial \hat{y}} = \frac{\hat{y} - y}{\hat{y}(1 - \hat{y})}$,
# $\frac{\partial \hat{y}}{\partial z} = \hat{y}(1 - \hat{y})$ and $\frac{\partial z}{\partial w} = x$.
# The product simplifies to $(\hat{y} - y) \cdot x$; for the bias, $(\hat{y} - y)$.

# %%
dloss_dy_pred = (y_pred - y) / (y_pred * (1 - y_pred))
dy_pred_dz = y_pred * (1 - y_pred)
dz_dw = x
dz_db = 1
dL_dw = dloss_dy_pred * dy_pred_dz * dz_dw
dL_db = dloss_dy_pred * dy_pred_dz * dz_db
print(f"manual dL/dw: {dL_dw.item():.4f}")
print(f"manual dL/db: {dL_db.item():.4f}")

# %% [markdown]
# ## Gradients by autograd
#
# The same computation with `requires_grad=True` on the parameters, then one `backward()`.

# %%
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
z = w * x + b
y_pred = torch.sigmoid(z)
loss = binary_cross_entropy_loss(y_pred, y)
loss.backward()
print(w.grad)
print(b.grad)
compare("dL/dw", dL_dw, w.grad)
compare("dL/db", dL_db, b.grad)
compare("dL/dw simplified", (y_pred - y) * x, w.grad)

# %% [markdown]
# ## All three students
#
# The loss of the data set is the mean over the students; autograd handles the vectors the same way.

# %%
xs = torch.tensor([6.7, 7.6, 8.5])
ys = torch.tensor([0.0, 1.0, 1.0])
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
preds = torch.sigmoid(w * xs + b)
loss = binary_cross_entropy_loss(preds, ys).mean()
loss.backward()
print(f"mean loss {loss.item():.4f}")
compare("dL/dw", ((preds - ys) * xs).mean(), w.grad)
compare("dL/db", (preds - ys).mean(), b.grad)
