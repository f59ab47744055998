# Multi-class outputs, statistics and comparisons a lesson reaches for, as PyTorch 1.13 prints them
import torch
import torch.nn as nn
import torch.nn.functional as F

logits = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.2, -0.3], [0.1, 0.1, 0.1]], requires_grad=True)
labels = torch.tensor([2, 0, 1])
p = F.softmax(logits, dim=1)
print(p)
print(torch.allclose(p.sum(dim=1), torch.ones(3)))
print(torch.log_softmax(logits, dim=-1))
print(logits.softmax(0))
loss = F.cross_entropy(logits, labels)
print(loss, loss.grad_fn.name())
print(loss.grad_fn.next_functions[0][0].name())
loss.backward()
print(logits.grad)
# the manual gradient of cross-entropy: (softmax - one_hot) / N
one_hot = torch.zeros(3, 3)
one_hot[0, 2] = 1.0
one_hot[1, 0] = 1.0
one_hot[2, 1] = 1.0
manual = (p.detach() - one_hot) / 3
print(torch.allclose(manual, logits.grad), torch.isclose(manual, logits.grad).all())
print(F.cross_entropy(logits, labels, reduction='none'))
print(F.cross_entropy(logits, labels, reduction='sum'))
print(F.cross_entropy(logits, torch.tensor([2, -100, 1])))
print(F.cross_entropy(logits, labels, weight=torch.tensor([1.0, 2.0, 3.0])))
print(F.nll_loss(F.log_softmax(logits, dim=1), labels))
print(nn.CrossEntropyLoss()(logits, labels), nn.NLLLoss(reduction='sum')(logits, labels))
print(nn.CrossEntropyLoss(), nn.Softmax(dim=1), nn.LogSoftmax(dim=1))
print(nn.Softmax(dim=1)(logits))
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 3), nn.LogSoftmax(dim=1))
print(model)
try:
    F.cross_entropy(logits, torch.tensor([3, 0, 1]))
except IndexError as e:
    print('IndexError:', e)
try:
    F.cross_entropy(logits, torch.tensor([2.0, 0.0, 1.0]))
except RuntimeError as e:
    print('RuntimeError:', e)

x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.2, -0.3]], requires_grad=True)
print(x.var(), x.std(), x.var(dim=1), x.std(0, keepdim=True))
print(x.var(unbiased=False), torch.std(x, dim=1, unbiased=False), x.var(False))
print(x.norm(), x.norm(dim=1), torch.norm(x, dim=0), x.norm(p=1, dim=1, keepdim=True), x.norm(float('inf'), 1))
x.std(dim=1).sum().backward()
print(x.grad)
c = torch.tensor([1.0, 1.0, 1.0], requires_grad=True)
s = c.std()
s.backward()
print(s, c.grad)
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
m = torch.maximum(a, torch.tensor(2.0))
print(m, torch.minimum(a, torch.tensor(2.0)))
m.sum().backward()
print(a.grad)
print(F.l1_loss(x, torch.zeros(2, 3)), F.l1_loss(x, torch.zeros(2, 3), reduction='sum'))
t = torch.tensor([True, True, False])
f = torch.tensor([False, True, False])
print(t & f, t | f, t ^ f, torch.tensor([6, 3]) & torch.tensor([3, 5]))
print((x > 0) & (x < 1.5))
print(torch.allclose(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.000001])), torch.allclose(torch.tensor([1.0]), torch.tensor([1.1])))
print(torch.isclose(torch.tensor([1.0, float('nan')]), torch.tensor([1.0, float('nan')]), equal_nan=True))
