# float32 exp, log, sin, cos, tanh and sigmoid as PyTorch 1.13's CPU kernels compute them (SLEEF's
# vector functions: about one result in twenty is not the correctly rounded float), their gradients,
# and the official custom-Function tutorial whose fit feeds sin's last bits back into the loss
import math
import torch

xs = [math.sin(0.7311 * i) * 6 + 0.001 * i for i in range(1000)]
x = torch.tensor(xs)
pos = torch.tensor([abs(v) + 1e-3 for v in xs])
for name, t in [('exp', x), ('log', pos), ('sin', x), ('cos', x), ('tanh', x), ('sigmoid', x)]:
    print(name, ' '.join(repr(v) for v in getattr(torch, name)(t).tolist()))
# one element alone, and the last elements of a tensor that a vector loop leaves over (sigmoid)
print('0-d', [repr(torch.sigmoid(torch.tensor(v)).item()) for v in xs[:40]])
print('tail', [repr(v) for v in torch.sigmoid(x[:21]).tolist()])
# a vector of 8 with one large lane reduces all its lanes the slow way
big = torch.tensor([1000.0] + xs[1:8] + [2.5e5] + xs[9:40])
print('lanes', ' '.join(repr(v) for v in torch.sin(big).tolist()), ' '.join(repr(v) for v in torch.cos(big).tolist()))
# gradients through each function
for name in ['exp', 'log', 'sin', 'cos', 'tanh', 'sigmoid']:
    leaf = (pos if name == 'log' else x)[:64].clone().requires_grad_(True)
    getattr(torch, name)(leaf).sum().backward()
    print('grad', name, ' '.join(repr(v) for v in leaf.grad.tolist()))
    s = (pos if name == 'log' else x)[5].clone().requires_grad_(True)
    getattr(torch, name)(s).backward()
    print('grad0d', name, repr(s.grad.item()))

class LegendrePolynomial3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)

xt = torch.linspace(-math.pi, math.pi, 2000)
yt = torch.sin(xt)
a = torch.full((), 0.0, requires_grad=True)
b = torch.full((), -1.0, requires_grad=True)
c = torch.full((), 0.0, requires_grad=True)
d = torch.full((), 0.3, requires_grad=True)
for t in range(300):
    y_pred = a + b * LegendrePolynomial3.apply(c + d * xt)
    loss = (y_pred - yt).pow(2).sum()
    if t % 30 == 29:
        print(t, loss.item())
    loss.backward()
    with torch.no_grad():
        for p in (a, b, c, d):
            p -= 5e-6 * p.grad
            p.grad = None
print(f'Result: y = {a.item()} + {b.item()} * P3({c.item()} + {d.item()} x)')
