# torch.autograd.Function (a lesson's own forward and backward) and torch.device, as PyTorch 1.13 runs them
import torch
import math

class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.save_for_backward(x)
        ctx.k = k
        print('needs', ctx.needs_input_grad)
        return k * x * x

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        print('backward sees', g, torch.is_grad_enabled())
        return g * 2 * ctx.k * x, None

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = Square.apply(x, 3.0)
print(y, type(y.grad_fn).__name__, y.grad_fn.name(), len(y.grad_fn.next_functions))
y.sum().backward()
print(x.grad)
print(Square.apply(torch.tensor([1.0]), 2.0).grad_fn)
with torch.no_grad():
    print(Square.apply(x, 1.0))

class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, g):
        return g, g

try:
    Bad.apply(x).sum().backward()
except RuntimeError as e:
    print('RuntimeError:', e)

class Id(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x

    @staticmethod
    def backward(ctx, g):
        return g

i = Id.apply(x)
print(i, i is x)

class NoBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x + 1

try:
    NoBackward.apply(x).sum().backward()
except NotImplementedError as e:
    print('NotImplementedError:', e)

class Legendre3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)

t = torch.tensor([-0.5, 0.25, 0.75], requires_grad=True)
p = Legendre3.apply(t)
p.sum().backward()
print(p, t.grad)
try:
    p.sum().backward()
except RuntimeError as e:
    print('RuntimeError:', str(e)[:60])
s = torch.tensor(0.5, requires_grad=True)
q = Legendre3.apply(s)
with torch.no_grad():
    s.add_(1.0)
try:
    q.backward()
except RuntimeError as e:
    print('RuntimeError:', str(e)[:120])

device = "cuda" if torch.cuda.is_available() else "cpu"
print(f"Using {device} device")
d = torch.ones(2, device=device)
print(repr(d.device), torch.device('cpu'), torch.device('cpu') == d.device, str(torch.device('cpu')))
print(d.to(device), d.to(torch.device('cpu'), torch.float64), torch.arange(3, device=device), torch.device('cuda:1'))
print(torch.nn.Linear(2, 1).to(device))
try:
    torch.ones(2, device='cuda')
except AssertionError as e:
    print('AssertionError:', e)
