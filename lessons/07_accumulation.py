# %% [markdown]
# # 7. Gradients accumulate: zero them
#
# Every call to `backward()` **adds** its gradients into `.grad`; it never overwrites them.
# This is deliberate (it lets a gradient collect contributions from many places), but in a
# training loop it means old gradients pile up unless we clear them.

# %%
import torch
from studio import compare, chart

x = torch.tensor(2.0, requires_grad=True)
print(x)

y = x ** 2
print(y)
y.backward()
print("after 1 backward:", x.grad)

# %% [markdown]
# Run the forward and backward pass again, and again. $\frac{dy}{dx} = 2x = 4$ each time,
# but `x.grad` keeps growing: $4 \rightarrow 8 \rightarrow 12$.

# %%
for k in range(2, 4):
    y = x ** 2
    y.backward()
    print(f"after {k} backward passes:", x.grad)
    compare(f"{k} x dy/dx", k * 2 * 2.0, x.grad)

# %% [markdown]
# ## `x.grad.zero_()`
#
# The trailing underscore marks an **in-place** operation: `zero_()` sets the stored gradient
# back to zero, so the next backward pass starts fresh.

# %%
x.grad.zero_()
print("after zero_():", x.grad)

y = x ** 2
y.backward()
print("fresh gradient:", x.grad)
compare("dy/dx after zeroing", 2 * 2.0, x.grad)

# %% [markdown]
# ## Accumulation inside one graph
#
# Accumulation is also what happens when a tensor is used twice in the same expression:
# in $y = x \cdot x + 3x$ the gradient reaching $x$ along each use is added:
# $\frac{dy}{dx} = x + x + 3$.

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x * x + 3 * x
y.backward()
compare("d(x*x + 3x)/dx", 2.0 + 2.0 + 3, x.grad)

# %% [markdown]
# ## The bug this prevents
#
# A training loop that forgets to zero uses the *sum of all past gradients*. Below, the
# same gradient descent on $L = (w - 5)^2$ is run with and without zeroing. Without zeroing
# the steps keep getting bigger and $w$ overshoots the minimum at $5$.

# %%
for zeroing in [True, False]:
    w = torch.tensor(0.0, requires_grad=True)
    for step in range(6):
        loss = (w - 5) ** 2
        loss.backward()
        with torch.no_grad():
            w -= 0.1 * w.grad
            if zeroing:
                w.grad.zero_()
        chart("w (zeroing)" if zeroing else "w (no zeroing)", w)
    print(f"zeroing={zeroing}:  w after 6 steps = {w.item():.4f}")
