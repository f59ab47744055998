# %% [markdown]
# # 14. The same regression with `torch.optim`
#
# The update step of lesson 13 is what an **optimizer** does. `torch.optim.SGD(params, lr)`
# keeps the list of parameters; `optimizer.zero_grad()` clears their gradients and
# `optimizer.step()` applies $p \leftarrow p - \eta\,\nabla p$ to each of them.
# `torch.nn.MSELoss()` is the mean squared error as a ready-made loss.

# %%
import math
import torch
from studio import compare, chart

x = torch.tensor([1.0, 2.0, 3.0, 4.0])
y_true = torch.tensor([2.0, 4.0, 6.0, 8.0])
loss_fn = torch.nn.MSELoss()

learning_rate = 0.01   # SGD's step size; Adam, which normalises its steps, takes ten times it
epochs = 100

def train(optimizer_name, epochs):
    w = torch.tensor(0.0, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    if optimizer_name == "SGD":
        optimizer = torch.optim.SGD([w, b], lr=learning_rate)
    elif optimizer_name == "SGD+momentum":
        optimizer = torch.optim.SGD([w, b], lr=learning_rate, momentum=0.9)
    else:
        optimizer = torch.optim.Adam([w, b], lr=10 * learning_rate)
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(w * x + b, y_true)
        loss.backward()
        optimizer.step()
        chart("loss " + optimizer_name, loss)
    return w, b, loss.item()

w, b, last = train("SGD", epochs)
print(f"SGD: y = {w.item():.3f} * x + {b.item():.3f}   last loss {last:.4f}")

# %% [markdown]
# Plain SGD with the same learning rate and epochs reproduces lesson 13 exactly:
# $w = 1.846$, $b = 0.452$.

# %%
compare("SGD final w vs lesson 13", 1.846, w, tol=1e-3)

# %% [markdown]
# ## What one step does
#
# Let us check the very first step of each optimizer by hand. At $w = b = 0$ the gradients
# are $\frac{\partial L}{\partial w} = -30$ and $\frac{\partial L}{\partial b} = -10$.
#
# - **SGD**: $w_1 = w_0 - \eta g$.
# - **SGD with momentum** $\mu$: keeps a velocity $v \leftarrow \mu v + g$ and steps
#   $w \leftarrow w - \eta v$. On the first step $v = g$; on the second $v = \mu g_1 + g_2$.
# - **Adam**: keeps running averages $m \leftarrow \beta_1 m + (1-\beta_1) g$ and
#   $v \leftarrow \beta_2 v + (1-\beta_2) g^2$, corrects their bias,
#   $\hat m = m / (1 - \beta_1^t)$, $\hat v = v / (1 - \beta_2^t)$, and steps
#   $w \leftarrow w - \eta\, \hat m / (\sqrt{\hat v} + \epsilon)$. On the first step that is
#   almost exactly $\eta \cdot \mathrm{sign}(g)$.

# %%
def one_step(optimizer_name, steps):
    w = torch.tensor(0.0, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    if optimizer_name == "SGD":
        optimizer = torch.optim.SGD([w, b], lr=0.01)
    elif optimizer_name == "SGD+momentum":
        optimizer = torch.optim.SGD([w, b], lr=0.01, momentum=0.9)
    else:
        optimizer = torch.optim.Adam([w, b], lr=0.1)
    grads = []
    for s in range(steps):
        optimizer.zero_grad()
        loss = loss_fn(w * x + b, y_true)
        loss.backward()
        grads.append(w.grad.item())
        optimizer.step()
    return w, grads

w, g = one_step("SGD", 1)
compare("SGD step 1: w", 0.0 - 0.01 * g[0], w)

w, g = one_step("SGD+momentum", 2)
v1 = g[0]
w1 = 0.0 - 0.01 * v1
v2 = 0.9 * v1 + g[1]
compare("momentum step 2: w", w1 - 0.01 * v2, w)

w, g = one_step("Adam", 1)
m = (1 - 0.9) * g[0]
v = (1 - 0.999) * g[0] ** 2
m_hat = m / (1 - 0.9)
v_hat = v / (1 - 0.999)
compare("Adam step 1: w", 0.0 - 0.1 * m_hat / (math.sqrt(v_hat) + 1e-8), w)

# %% [markdown]
# ## Comparing the optimizers
#
# Same problem, the same 100 steps. Watch the three loss curves in the chart panel.

# %%
for name in ["SGD", "SGD+momentum", "Adam"]:
    w, b, last = train(name, epochs)
    print(f"{name:13s} w = {w.item():.4f}  b = {b.item():.4f}  loss = {last:.6f}")

# %% [markdown]
# Momentum wins here: the gradient keeps pointing the same way, so the velocity builds up.
# Adam's steps are about $\eta$ in size whatever the gradient, which makes it robust to badly
# scaled problems but not automatically the fastest: try `lr=0.3` for Adam, or more epochs.
