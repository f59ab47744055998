# copy.copy and copy.deepcopy: containers, a model kept as the best one, its state_dict, tensors with grads.
import copy
import torch
import torch.nn as nn
torch.manual_seed(0)
a = [[1, 2], {"k": [3]}]
b, c = copy.copy(a), copy.deepcopy(a)
b[0].append(9); c[1]["k"].append(4)
print(a, b, c, b[0] is a[0], c[0] is a[0])
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)
        self.loss_fn = nn.MSELoss()
    def forward(self, x):
        return self.fc(x)
net = Net()
best = copy.deepcopy(net)
state = copy.deepcopy(net.state_dict())
opt = torch.optim.SGD(net.parameters(), lr=0.5)
x, y = torch.randn(8, 2), torch.randn(8, 1)
for _ in range(3):
    opt.zero_grad()
    loss = net.loss_fn(net(x), y)
    loss.backward()
    opt.step()
print(net.fc.weight, best.fc.weight, state["fc.weight"])
print(best.fc.weight is net.fc.weight, type(best.fc.weight), best.fc.weight.requires_grad, best.fc.weight.grad)
print(best(x)[:2])
net.load_state_dict(state)
print(net.fc.weight)
w = torch.ones(2, requires_grad=True)
(w * 3).sum().backward()
w2 = copy.deepcopy(w)
print(w2, w2.grad, w2.is_leaf, w2.grad is w.grad)
try:
    copy.deepcopy(w * 2)
except RuntimeError as e:
    print(e)
shared = torch.zeros(2)
pair = copy.deepcopy([shared, shared])
print(pair[0] is pair[1], pair[0] is shared)
try:
    copy.deepcopy(v for v in [1])
except TypeError as e:
    print(e)
