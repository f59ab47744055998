# %% [markdown]
# # 15. A small MLP on two half-moons
#
# Everything together: a network with two hidden layers learns to separate two interleaved
# half-circles, a problem no single straight line can solve.
#
# $$h_1 = \mathrm{relu}(X W_1 + b_1), \quad h_2 = \mathrm{relu}(h_1 W_2 + b_2), \quad
#   z = h_2 W_3 + b_3$$
#
# with BCE-with-logits as the loss (lesson 11). Sizes: 2 inputs, 16 and 16 hidden units,
# 1 output.

# %%
import math
import torch
from studio import compare, chart

n = 200
xs = []
ys = []
for i in range(n):
    t = math.pi * (i % 100) / 99
    if i < 100:
        xs.append([math.cos(t), math.sin(t)])
        ys.append(0.0)
    else:
        xs.append([1 - math.cos(t), 0.5 - math.sin(t)])
        ys.append(1.0)
X = torch.tensor(xs)
Y = torch.tensor(ys)
print("X:", X.shape, " Y:", Y.shape)

# %% [markdown]
# ## Parameters
#
# Weights start at small, fixed, varied values (a deterministic stand-in for random
# initialisation), biases at zero.

# %%
def init(rows, cols, seed):
    vals = [[math.sin(seed + 1.7 * r + 0.37 * c) * 0.5 for c in range(cols)] for r in range(rows)]
    return torch.tensor(vals, requires_grad=True)

W1 = init(2, 16, 1)
b1 = torch.zeros(16, requires_grad=True)
W2 = init(16, 16, 2)
b2 = torch.zeros(16, requires_grad=True)
W3 = init(16, 1, 3)
b3 = torch.zeros(1, requires_grad=True)
params = [W1, b1, W2, b2, W3, b3]
print("number of parameters:", sum([p.numel() for p in params]))

def forward(X):
    h1 = torch.relu(X @ W1 + b1)
    h2 = torch.relu(h1 @ W2 + b2)
    return h2, (h2 @ W3 + b3).squeeze(1)

# %% [markdown]
# ## Checking the last layer by hand
#
# For the output layer the gradients have the same form as in lesson 11:
# $\frac{\partial L}{\partial z} = \frac{1}{N}(\sigma(z) - y)$,
# $\frac{\partial L}{\partial W_3} = h_2^T \frac{\partial L}{\partial z}$ and
# $\frac{\partial L}{\partial b_3} = \sum_i \frac{\partial L}{\partial z_i}$.

# %%
h2, logits = forward(X)
loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, Y)
print(f"initial loss: {loss.item():.4f}")
loss.backward()

dL_dz = (torch.sigmoid(logits.detach()) - Y) / n
compare("dL/db3", dL_dz.sum(dim=0, keepdim=True), b3.grad)
compare("dL/dW3", h2.detach().t() @ dL_dz.unsqueeze(1), W3.grad)
for p in params:
    p.grad.zero_()

# %% [markdown]
# ## Training
#
# Full-batch gradient descent, 150 steps. The loss and the accuracy go to the charts.

# %%
for step in range(150):
    h2, logits = forward(X)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, Y)
    loss.backward()
    with torch.no_grad():
        for p in params:
            p -= 0.5 * p.grad
            p.grad.zero_()
    acc = ((logits > 0).float() == Y).float().mean()
    chart("loss", loss)
    chart("accuracy", acc)
    if step % 25 == 0:
        print(f"step {step:3d}  loss {loss.item():.4f}  accuracy {acc.item():.3f}")

h2, logits = forward(X)
acc = ((logits > 0).float() == Y).float().mean()
print(f"final accuracy: {acc.item():.3f}")

# %% [markdown]
# ## Predicting without a graph
#
# For predictions we need no gradients, so we run the forward pass under `torch.no_grad()`
# (lesson 10). Two points, one from the middle of each moon:

# %%
with torch.no_grad():
    _, z = forward(torch.tensor([[0.0, 1.0], [1.0, -0.5]]))
    print("probabilities:", [round(v, 3) for v in torch.sigmoid(z).tolist()])
    print("requires_grad:", z.requires_grad)
