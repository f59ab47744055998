import torch
try:
    raise NameError("x")
except NameError as e:
    print("NameError:", e)
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("RecursionError:", e)
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
print(x.shape, x.dtype, x.T, x.sum(dim=0), x.mean(1, keepdim=True))
print(torch.arange(5), torch.linspace(0, 1, 5), torch.eye(2), torch.zeros(2, 3, dtype=torch.float64))
print(x[0], x[:, 1], x[x > 2])
m, i = x.max(dim=1)
print(m, i)
print(x.max(dim=0))
print(torch.tensor([True, False]), torch.tensor([1, 2, 3]) / 2, torch.tensor([1, 2]) * 1.5)
print(torch.tensor([1e-5, 1.0]), torch.tensor([1e10, 1.]), torch.tensor(float('nan')), torch.tensor([float('inf'), 1.5]))
print(torch.randn(2, 2).shape, x.tolist(), x.numel(), x.size(1), x.view(-1), x.reshape(4, 1).squeeze())
import torch.nn as nn
import torch.nn.functional as F
l = nn.MSELoss()
print(l, l(x, torch.ones(2, 2)), F.mse_loss(x, torch.zeros(2, 2), reduction='sum'))
opt = torch.optim.SGD([x], lr=0.1, momentum=0.9)
print(opt)
print(torch.tensor(range(1200)).float())
print(torch.arange(30.).reshape(3,10) * 1000)
