# %% [markdown]
# # A small network on two half-moons
#
# Two interleaved half-circles cannot be separated by a line. A network with two hidden layers
# of 16 ReLU units learns a curved boundary. The backward pass is the same chain rule, through
# matrix products: for $h = xW$, $\frac{\partial L}{\partial W} = x^T \frac{\partial L}{\partial h}$.

# %%
import math
import torch
from studio import compare, chart

n = 200
xs, ys = [], []
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

# %% [markdown]
# The last layer by hand: for the mean BCE on logits, $\frac{\partial L}{\partial \text{logits}} = \frac{\sigma(\text{logits}) - Y}{n}$.

# %%
h1 = torch.relu(X @ W1 + b1)
h2 = torch.relu(h1 @ W2 + b2)
logits = (h2 @ W3 + b3).squeeze(1)
loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, Y)
loss.backward()
g = (torch.sigmoid(logits.detach()) - Y) / n
compare("dL/db3", g.sum(), b3.grad)
compare("dL/dW3", h2.detach().t() @ g.reshape(n, 1), W3.grad)
for p in params:
    p.grad.zero_()

# %%
for step in range(150):
    h1 = torch.relu(X @ W1 + b1)
    h2 = torch.relu(h1 @ W2 + b2)
    logits = (h2 @ W3 + b3).squeeze(1)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, Y)
    loss.backward()
    with torch.no_grad():
        for p in params:
            p -= 0.5 * p.grad
            p.grad.zero_()
    if step % 30 == 0:
        print(f"step {step:3d}  loss {loss.item():.4f}")

accuracy = ((logits > 0).float() == Y).float().mean()
print(f"final loss {loss.item():.4f}  accuracy {accuracy.item():.3f}")
