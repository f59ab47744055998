# torch.linalg norms, torch.equal, dropout outside training, register_buffer (persistent or not), optimizer.defaults, F.normalize, detach_, as PyTorch 1.13 prints them.
import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.tensor([[3., 4.], [1., 2.]], requires_grad=True)
print(torch.linalg.norm(x), torch.linalg.vector_norm(x), torch.linalg.norm(x, dim=1), torch.linalg.vector_norm(x, ord=1, dim=0), torch.linalg.norm(x, ord=1, dim=1))
print(torch.linalg.norm(x[0]), torch.linalg.norm(x, 'fro'), torch.linalg.vector_norm(x, ord=float('inf')), torch.linalg.norm(x, dim=1, keepdim=True))
n = torch.linalg.norm(x, dim=1).sum()
n.backward()
print(x.grad)
class Norm(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(2))
        self.register_buffer("running_mean", torch.zeros(2))
        self.register_buffer("steps", torch.tensor(0), persistent=False)
    def forward(self, x):
        with torch.no_grad():
            self.running_mean.mul_(0.9).add_(0.1 * x.mean(0))
            self.steps += 1
        return (x - self.running_mean) * self.scale
m = Norm()
y = m(torch.tensor([[1., 2.], [3., 4.]]))
print(y, m.running_mean, m.steps)
print(list(m.state_dict().keys()), [n for n, _ in m.named_buffers()], len(list(m.buffers())), [n for n, _ in m.named_parameters()])
net = nn.Sequential(m, nn.Linear(2, 1))
print([n for n, _ in net.named_buffers()], list(net.state_dict().keys()))
for bad in [("a.b", torch.ones(1)), ("scale", torch.ones(1)), ("x", 3)]:
    try:
        m.register_buffer(*bad)
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
print(torch.equal(torch.ones(2), torch.ones(2)), torch.equal(torch.ones(2), torch.ones(3)), torch.equal(torch.tensor([float('nan')]), torch.tensor([float('nan')])), torch.equal(torch.tensor([-0.0]), torch.tensor([0.0])))
d = torch.ones(3)
print(F.dropout(d, 0.5, training=False) is d, F.dropout(d, p=0.0), torch.dropout(d, 0.3, False))
try:
    F.dropout(d, 1.5)
except ValueError as e:
    print(e)
w = torch.ones(1, requires_grad=True)
for o in [torch.optim.SGD([w], lr=0.1, momentum=0.9), torch.optim.Adam([w], lr=0.01), torch.optim.AdamW([w]), torch.optim.RMSprop([w]), torch.optim.Adagrad([w])]:
    o.param_groups[0]["lr"] = 5
    print(o.defaults)
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
n = F.normalize(x, dim=1)
print(n, n.norm(dim=1))
(n * torch.arange(4.)).sum().backward()
print(x.grad)
print(F.normalize(torch.tensor([[3., 4.], [0., 0.]])), F.normalize(torch.tensor([1., -3.]), p=1, dim=0))
a = torch.ones(2, requires_grad=True)
b = a * 2
r = b.detach_()
print(r is b, b, b.requires_grad, b.grad_fn, b.is_leaf)
v = (a * 2).view(2)
try:
    v.detach_()
except RuntimeError as e:
    print(str(e)[:40])
l = torch.ones(2, requires_grad=True)
l.detach_()
print(l.requires_grad, l.is_leaf)
c = a * 3
d = c * 1
c.detach_()
d.sum().backward()
print(a.grad)
