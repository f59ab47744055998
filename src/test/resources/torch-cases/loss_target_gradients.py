import torch
import torch.nn.functional as F
x = torch.tensor(0.0, requires_grad=True)
s = torch.sigmoid(x)
l = F.mse_loss(s * x, s)
l.backward()
print(x.grad, l.grad_fn.name(), [f.name() for f, i in l.grad_fn.next_functions])
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([0.5, -1.0], requires_grad=True)
for f in [F.mse_loss, F.l1_loss]:
    a.grad = None; b.grad = None
    f(a, b, reduction='sum').backward()
    print(a.grad, b.grad)
p = torch.tensor([0.3, 0.8], requires_grad=True)
t = torch.tensor([0.0, 1.0], requires_grad=True)
F.binary_cross_entropy_with_logits(p, t).backward()
print(p.grad, t.grad)
import torch, torch.nn.functional as F
p = torch.tensor([0.3, 0.8], requires_grad=True)
t = torch.tensor([0.0, 1.0], requires_grad=True)
F.binary_cross_entropy(p, t).backward()
print(p.grad, t.grad)
