# %% [markdown]
# # Gradients accumulate
#
# `backward()` **adds** into `.grad`; it never replaces it. Running the same forward and backward
# twice doubles the gradient. That is why training loops zero the gradients every step.

# %%
import torch
from studio import compare

x = torch.tensor(2.0, requires_grad=True)
for step in range(3):
    y = x ** 2
    y.backward()
    print(f"after backward {step + 1}: x.grad = {x.grad}")

compare("three backward passes", 3 * 2 * 2.0, x.grad)

# %% [markdown]
# ## Zeroing
#
# `x.grad.zero_()` resets the gradient in place (optimizers do this in `zero_grad()`).

# %%
x = torch.tensor(2.0, requires_grad=True)
for step in range(3):
    y = x ** 2
    y.backward()
    print(f"step {step + 1}: x.grad = {x.grad}")
    x.grad.zero_()

# %% [markdown]
# ## A variable used twice
#
# Accumulation also happens inside one backward pass: when $x$ is used twice, the gradients
# from both paths meet and are summed. For $y = x \cdot x + x$: $\frac{dy}{dx} = 2x + 1$.

# %%
x = torch.tensor(3.0, requires_grad=True)
y = x * x + x
y.backward()
print(x.grad)
compare("dy/dx = 2x + 1", 2 * 3.0 + 1, x.grad)
