import torch
def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = torch.tensor([[1., 2.], [3., 4.]])
attempt(lambda: a.add_(1))
attempt(lambda: a + b)
attempt(lambda: b @ a)
attempt(lambda: (a * 2).backward())
attempt(lambda: a.item())
attempt(lambda: torch.tensor([1, 2], requires_grad=True))
attempt(lambda: a.view(2, 2))
attempt(lambda: a[5])
attempt(lambda: b.t().view(4))
attempt(lambda: torch.tensor([[1, 2], [3]]))
attempt(lambda: a.sum().backward() or a.sum().backward() or print(a.grad))
c = a * 2
attempt(lambda: c.requires_grad_(False))
attempt(lambda: torch.tensor(2.0).backward())
d = a.detach()
attempt(lambda: d.sum().backward())
with torch.no_grad():
    e = a * 2
print(e.requires_grad, e.grad_fn, c.is_leaf, a.is_leaf)
attempt(lambda: e.sum().backward())
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
y.backward(retain_graph=True)
y.backward()
print(x.grad)
z = torch.tensor([1.0, 2.0], requires_grad=True)
w = z * z
w.backward(torch.tensor([1.0, 0.5]))
print(z.grad, z.grad.data, torch.zeros_like(z))
print(torch.sigmoid(torch.tensor([-100., 0., 100.])), torch.tensor([0.1, 0.2]) + 0.1, 3 / torch.tensor([2.]))
print(torch.tensor(1.0) / 3, torch.tensor(2) ** 10, torch.tensor([1,2,3]).float().mean())
print(torch.tensor([[1.5, -2.25], [1000.0, 0.001]]))
print(torch.tensor([123456789.0, 1.0]))
print(torch.tensor(0.1, dtype=torch.float64) * 3, torch.tensor([1.0], dtype=torch.float64, requires_grad=True))
print(f"{torch.tensor(2.5):.2f} {torch.tensor(3):d} {float(torch.tensor(1.5))} {int(torch.tensor(2.7))}")
print(round(torch.tensor(2.567).item(), 2), abs(torch.tensor(-2.)), -torch.tensor(1.))
