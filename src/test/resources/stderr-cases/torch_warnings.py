# PyTorch's UserWarnings, to stderr as Python's warnings module prints them: each once per line, pointing at the script's line or into torch's sources
import torch
import torch.nn.functional as F
x = torch.tensor(2.0, requires_grad=True)
y = x * 3
print(y.grad)
for i in range(3):
    g = y.grad
print(y.grad)
z = x.detach() * 2
print(z.grad)
a = torch.ones(3, 1); b = torch.ones(3)
print(F.mse_loss(a, b))
crit = torch.nn.MSELoss()
print(crit(a, b))
print(crit(a, b))
print(F.l1_loss(a, b))
t = torch.tensor(x)
print(t)
print(F.softmax(torch.ones(2, 3)))
print(torch.nn.Softmax()(torch.ones(3)))
print(F.sigmoid(torch.zeros(1)), F.tanh(torch.zeros(1)))
print(torch.nn.functional.log_softmax(torch.ones(3)))
def inside():
    return y.grad
inside(); inside()
def gen():
    yield y.grad
print(list(gen()))
