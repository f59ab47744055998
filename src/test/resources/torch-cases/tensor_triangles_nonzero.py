# tril/triu (an attention mask), nonzero and torch.where(condition), hstack/vstack, unbind, as PyTorch 1.13 prints them.
import torch
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
lo, up = torch.tril(x), x.triu(1)
print(lo, up)
(lo * 2 + up * 3).sum().backward()
print(x.grad)
print(torch.tril(torch.ones(2, 3, 3), diagonal=-1))
mask = torch.tril(torch.ones(4, 4)) == 0
print(torch.zeros(4, 4).masked_fill(mask, float('-inf')))
c = torch.tensor([[0, 1, 0], [2, 0, 3]])
print(torch.nonzero(c), c.nonzero(as_tuple=True), torch.where(c > 1), torch.where(torch.tensor([True, False, True])))
a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.])
print(torch.hstack([a, b]), torch.vstack([a, b]), torch.hstack((torch.ones(2, 1), torch.zeros(2, 2))), torch.vstack([torch.ones(1, 2), b]))
try:
    torch.tril(torch.ones(3))
except IndexError as e:
    print(e)
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
rows = x.unbind(0)
cols = torch.unbind(x, dim=1)
print(rows, cols)
(rows[0] * 2 + cols[1] * 3).sum().backward()
print(x.grad, torch.arange(3).unbind())
try:
    torch.tensor(1.).unbind()
except IndexError as e:
    print(e)
