# %% [markdown]
# # The same with torch.optim
#
# An optimizer holds the parameters and does the update and the zeroing for us:
# `optimizer.zero_grad()`, `loss.backward()`, `optimizer.step()`. The loss can come from
# `torch.nn` as well.

# %%
import torch
from studio import compare

x = torch.tensor([1.0, 2.0, 3.0, 4.0])
y = torch.tensor([3.0, 5.0, 7.0, 9.0])
loss_fn = torch.nn.MSELoss()

def train(optimizer_name, learning_rate, epochs):
    w = torch.tensor(0.0, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    if optimizer_name == "SGD":
        optimizer = torch.optim.SGD([w, b], lr=learning_rate, momentum=0.9)
    else:
        optimizer = torch.optim.Adam([w, b], lr=learning_rate)
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(w * x + b, y)
        loss.backward()
        optimizer.step()
    print(f"{optimizer_name:4s}  loss {loss.item():.6f}  w {w.item():.4f}  b {b.item():.4f}")
    return w, b

# %% [markdown]
# ## SGD with momentum
#
# $v \leftarrow 0.9 v + g$, $\theta \leftarrow \theta - \eta v$.

# %%
w, b = train("SGD", 0.01, 200)

# %% [markdown]
# ## Adam
#
# Adam keeps running averages of the gradient and of its square and scales each step by them.

# %%
w, b = train("Adam", 0.1, 200)

# %% [markdown]
# ## One SGD step by hand
#
# Without momentum, one step is exactly $\theta - \eta g$:

# %%
w = torch.tensor(0.5, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
loss = loss_fn(w * x, y)
loss.backward()
expected = w.item() - 0.1 * w.grad.item()
optimizer.step()
compare("w after one step", expected, w)
