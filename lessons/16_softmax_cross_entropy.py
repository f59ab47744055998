# %% [markdown]
# # 16. Softmax and cross-entropy
#
# With more than two classes a network outputs one score (a *logit*) per class. **Softmax**
# turns the scores $z$ of one example into probabilities
#
# $$p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$$
#
# and the **cross-entropy** of the true class $y$ is $L = -\ln p_y$. Over a batch of $N$
# examples PyTorch takes the mean.

# %%
import torch
import torch.nn.functional as F
from studio import compare, chart

z = torch.tensor([[2.0, 1.0, 0.1],
                  [0.5, 2.5, -1.0],
                  [0.3, 0.2, 3.0],
                  [1.2, -0.4, 0.0]], requires_grad=True)
y = torch.tensor([0, 1, 2, 2])
p = F.softmax(z, dim=1)
print(p)
print("each row sums to 1:", torch.allclose(p.sum(dim=1), torch.ones(4)))

# %% [markdown]
# ## The loss, three ways
#
# By hand: pick each row's probability of its true class and average $-\ln p_y$.
# `F.cross_entropy` does the same from the logits directly: it is `nll_loss` of
# `log_softmax`, which is what its graph shows.

# %%
N = z.shape[0]
manual_loss = 0.0
for i in range(N):
    manual_loss += -torch.log(p[i, y[i]]).item()
manual_loss /= N
loss = F.cross_entropy(z, y)
print(f"by hand {manual_loss:.4f}   F.cross_entropy {loss.item():.4f}")
print("-log_softmax picked by index:", (-F.log_softmax(z, dim=1)[range(N), y]).mean())
print(loss.grad_fn.name(), "<-", loss.grad_fn.next_functions[0][0].name())
compare("loss", manual_loss, loss)

# %% [markdown]
# ## The gradient: $p - \text{onehot}(y)$
#
# Differentiate $L_i = -z_{y} + \ln \sum_j e^{z_j}$ with respect to $z_k$:
#
# $$\frac{\partial L_i}{\partial z_k} = -[k = y] + \frac{e^{z_k}}{\sum_j e^{z_j}} = p_k - [k = y]$$
#
# and the mean over the batch divides by $N$. So the gradient of the logits is the
# probabilities minus the one-hot labels, over $N$: too much probability on a wrong class is
# pushed down, too little on the right one is pushed up.

# %%
loss.backward()
one_hot = torch.zeros(N, 3)
one_hot[range(N), y] = 1.0
manual_grad = (p.detach() - one_hot) / N
print(z.grad)
compare("dL/dz", manual_grad, z.grad)

# %% [markdown]
# ## Softmax on its own: a Jacobian, not one number per element
#
# Every $p_k$ depends on every $z_j$:
# $\frac{\partial p_k}{\partial z_j} = p_k([k = j] - p_j)$. For a weighted sum
# $s = \sum_k w_k p_k$ the chain rule gives $\frac{\partial s}{\partial z_j} = p_j (w_j - \sum_k w_k p_k)$.

# %%
z1 = torch.tensor([1.0, 2.0, 0.5], requires_grad=True)
w = torch.tensor([1.0, -2.0, 3.0])
p1 = torch.softmax(z1, dim=0)
s = (w * p1).sum()
s.backward()
pd = p1.detach()
manual = pd * (w - (w * pd).sum())
compare("ds/dz", manual, z1.grad)

# %% [markdown]
# ## Large logits: why PyTorch subtracts the maximum
#
# $e^{1000}$ overflows, yet softmax only depends on differences of the logits:
# $p_k = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}}$ for any $m$. PyTorch uses the row maximum,
# so huge logits are no problem, while the naive formula gives `nan`.

# %%
big = torch.tensor([1000.0, 999.0, 0.0])
naive = torch.exp(big) / torch.exp(big).sum()
print("naive:", naive)
print("softmax:", torch.softmax(big, dim=0))
print("log_softmax:", torch.log_softmax(big, dim=0))

# %% [markdown]
# ## Training a linear classifier
#
# Three clusters of points, one linear layer, cross-entropy and plain gradient descent.

# %%
torch.manual_seed(0)
centers = torch.tensor([[0.0, 2.0], [2.0, -1.0], [-2.0, -1.0]])
labels = torch.arange(3).repeat(20)
X = centers[labels] + 0.6 * torch.randn(60, 2)
W = torch.zeros(2, 3, requires_grad=True)
b = torch.zeros(3, requires_grad=True)
for step in range(100):
    logits = X @ W + b
    loss = F.cross_entropy(logits, labels)
    chart("loss", loss.item())
    loss.backward()
    with torch.no_grad():
        W -= 0.5 * W.grad
        b -= 0.5 * b.grad
        W.grad.zero_()
        b.grad.zero_()
accuracy = (logits.argmax(dim=1) == labels).float().mean()
print(f"loss {loss.item():.4f}  accuracy {accuracy.item():.3f}")
