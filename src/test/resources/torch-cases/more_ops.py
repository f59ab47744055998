# Elementwise functions, prod/cumsum, masked_fill and tensor factories beyond the basics (PyTorch 1.13)
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([[0.5, -1.5, 2.25], [1.5, 0.2, -0.3]], requires_grad=True)
for name in ['round', 'floor', 'ceil', 'trunc', 'sign', 'frac', 'atan', 'sinh', 'cosh', 'erf', 'expm1']:
    y = getattr(torch, name)(x)
    y.sum().backward()
    print(name, y, x.grad)
    x.grad = None
small = torch.tensor([0.1, -0.4, 0.7], requires_grad=True)
for name in ['log1p', 'asin', 'acos']:
    y = getattr(small, name)()
    y.sum().backward()
    print(name, y, small.grad)
    small.grad = None
print(torch.erf(torch.tensor([-3.0, -0.5, 0.0, 0.5, 2.6, 3.0, 7.0])))
print(torch.tensor([0.5, 1.5, 2.5, -0.5]).round(), torch.tensor([1, -2]).sign(), torch.tensor([3, 4]).floor())
p = x.prod()
p.backward()
print(p, x.grad)
x.grad = None
print(x.prod(1), x.prod(0, keepdim=True))
z = torch.tensor([2.0, 0.0, 3.0], requires_grad=True)
z.prod().backward()
print(z.grad)
c = x.cumsum(1)
c.sum().backward()
print(c, x.grad, torch.cumsum(x, dim=0))
x.grad = None
m = x.masked_fill(x > 1, -1.0)
m.sum().backward()
print(m, x.grad)
x.grad = None
l = F.leaky_relu(x, 0.1)
l.sum().backward()
print(l, x.grad, nn.LeakyReLU(0.2), nn.LeakyReLU()(x))
print(torch.outer(torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0, 5.0])))
print(x.new_zeros(2), x.new_ones((2, 1)), x.new_full((2,), 3.0), x.new_tensor([1, 2]), x.cpu() is x)
torch.manual_seed(3)
print(torch.normal(0.0, 1.0, size=(3,)), torch.normal(2.0, 0.5, (2, 10)))
