# Small things a learner tries: floor division and remainder on tensors, broadcasting errors,
# in-place changes to a tensor that backward still needs.
import torch
def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
x = torch.tensor([1.5, -2.5, 7.], requires_grad=True)
print(x // 2, x % 2)
print(7 // x, 7 % x)
a = torch.tensor([5, -7, 9])
print(a // 2, a % 3, a // torch.tensor([2, 2, -4]), -7 % a, a // 2.0)
print(torch.tensor([5., -7.]) // 0, torch.tensor([5., -7.]) % 0)
print(torch.tensor([7.5, -7.5, 0.3]) // torch.tensor([2.5, 2.5, 0.1]))
print(torch.tensor([7.5, -7.5, 0.3]) % torch.tensor([2.5, -2.5, 0.1]))
d = torch.tensor([2., -3., 4.], requires_grad=True)
y = x % d
print(y)
y.sum().backward()
print(x.grad, d.grad)
attempt(lambda: a // 0)
attempt(lambda: a % 0)
attempt(lambda: (x // 2).sum().backward())
attempt(lambda: (7 % x).sum().backward())
attempt(lambda: torch.ones(2, 3) + torch.ones(3, 2))
attempt(lambda: torch.ones(4, 3) * torch.ones(2, 4, 2))
print(torch.ones(2, 3) + torch.ones(4, 1, 3))
e = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
f = e.exp()
f.add_(1)
attempt(lambda: f.sum().backward())
g = e * 1
h = g.sin()
g.mul_(2)
attempt(lambda: h.sum().backward())
k = e.sigmoid()
k[0] = 5
attempt(lambda: k.sum().backward())
