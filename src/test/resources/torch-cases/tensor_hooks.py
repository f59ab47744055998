# Tensor hooks: register_hook on leaves and intermediates, replacing gradients, handle.remove(), retain_grad's place among hooks (PyTorch 1.13)
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
h1 = y.register_hook(lambda g: print('y hook', g))
h2 = y.register_hook(lambda g: g * 10)
x.register_hook(lambda g: print('x hook', g))
z = (y ** 2).sum()
z.backward()
print(x.grad)
h2.remove()
h2.remove()
x.grad = None
(x * 3).pow(2).sum().backward()
print(x.grad)
a = torch.tensor(2.0, requires_grad=True)
b = a * a
b.retain_grad()
b.register_hook(lambda g: g * 2)
(b * 3).backward()
print(b.grad, a.grad)
a2 = torch.tensor(2.0, requires_grad=True)
b2 = a2 * a2
b2.register_hook(lambda g: g * 2)
b2.retain_grad()
(b2 * 3).backward()
print(b2.grad, a2.grad)
c = torch.tensor(1.0)
try:
    c.register_hook(lambda g: g)
except RuntimeError as e:
    print('RuntimeError:', e)
w = torch.tensor(1.0, requires_grad=True)
w.register_hook(lambda g: g + 1)
(w * 5).backward()
print(w.grad)
print(torch.autograd.grad(w * 5, w))
grads = {}
def save(name):
    def hook(g):
        grads[name] = g
    return hook
p = torch.tensor([0.5, -1.0], requires_grad=True)
q = torch.sigmoid(p)
q.register_hook(save('q'))
r = (q * torch.tensor([2.0, 3.0])).sum()
r.backward()
print(grads['q'], p.grad)
try:
    v = torch.tensor([1.0, 2.0], requires_grad=True)
    u = v * 2
    u.register_hook(lambda g: g.sum())
    u.sum().backward()
except RuntimeError as e:
    print('RuntimeError:', e)
