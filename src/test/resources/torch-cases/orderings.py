# sort, argsort, topk, median, chunk/split, unique and bmm with their gradients (PyTorch 1.13)
import torch
x = torch.tensor([[0.5, -1.0, 2.0, 0.5], [1.5, 2.0, -0.3, 0.0]], requires_grad=True)
print(x.sort(dim=1))
print(x.sort(descending=True))
print(x.argsort(dim=0), torch.sort(x, 1, True).values)
no_ties = torch.tensor([[0.5, -1.0, 2.0, 0.7], [1.5, 2.0, -0.3, 0.0]], requires_grad=True)
print(no_ties.topk(2))
print(x.topk(1, dim=0, largest=False))
print(x.median())
print(x.median(dim=1))
print(x.chunk(3, dim=1))
print(x.split(1, dim=0))
print(x.split([1, 3], dim=1))
print(torch.unique(torch.tensor([3, 1, 3])), torch.unique(torch.tensor([3.0, 1.0, 3.0]), return_counts=True))
print(torch.unique(torch.tensor([[2, 1], [2, 5]]), return_inverse=True))
weights = torch.arange(8.0).reshape(2, 4)
for name in ['sort1', 'sortd', 'topk', 'median', 'mediandim', 'chunk', 'split']:
    x.grad = None
    if name == 'sort1':
        y = x.sort(dim=1).values
    elif name == 'sortd':
        y = x.sort(dim=0, descending=True).values
    elif name == 'topk':
        y = no_ties.topk(3).values * 0 + x.topk(1).values
    elif name == 'median':
        y = x.median()
    elif name == 'mediandim':
        y = x.median(dim=0, keepdim=True).values
    elif name == 'chunk':
        y = x.chunk(2, dim=1)[1]
    else:
        y = torch.cat(x.split([3, 1], dim=1)[::-1], dim=1)
    (y * weights.flatten()[:y.numel()].reshape(y.shape)).sum().backward()
    print(name, x.grad)
a = torch.arange(12.0).reshape(2, 2, 3).requires_grad_()
b = torch.arange(6.0).reshape(2, 3, 1).requires_grad_()
c = torch.bmm(a, b)
c.sum().backward()
print(c, a.grad, b.grad)
try:
    x.split([1, 1], dim=1)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    x.topk(5)
except RuntimeError as e:
    print('RuntimeError:', e)
