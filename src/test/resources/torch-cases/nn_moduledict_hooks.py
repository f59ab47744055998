# nn.ModuleDict (a model with heads by task) and forward hooks (saving activations, changing outputs and inputs, removing).
import torch
import torch.nn as nn
torch.manual_seed(0)
class Heads(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(3, 4)
        self.heads = nn.ModuleDict({"cls": nn.Linear(4, 2), "reg": nn.Linear(4, 1)})
    def forward(self, x, task):
        return self.heads[task](torch.relu(self.body(x)))
m = Heads()
print(m)
x = torch.randn(2, 3)
print(m(x, "cls").shape, m(x, "reg").shape)
print(len(m.heads), list(m.heads), "cls" in m.heads, list(m.heads.keys()))
m.heads["aux"] = nn.Tanh()
print([n for n, _ in m.named_parameters()], len(list(m.parameters())))
for name, layer in m.heads.items():
    print(name, type(layer).__name__)
d = nn.ModuleDict([("a", nn.ReLU()), ("b", nn.Sigmoid())])
print(d, d.pop("a"), len(d))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
activations = {}
def save(name):
    def hook(module, inputs, output):
        activations[name] = output.detach()
    return hook
handles = [net[0].register_forward_hook(save("fc1")), net[1].register_forward_hook(save("relu"))]
out = net(torch.randn(2, 3))
print(sorted(activations), activations["relu"].shape, (activations["relu"] >= 0).all())
def double(module, inputs, output):
    return output * 2
h = net[2].register_forward_hook(double)
x = torch.randn(1, 3)
y1 = net(x)
h.remove()
y2 = net(x)
print(torch.allclose(y1, 2 * y2))
def scale_input(module, inputs):
    return (inputs[0] * 0,)
p = net[0].register_forward_pre_hook(scale_input)
print(net[0](torch.ones(1, 3)) - net[0].bias)
p.remove()
for handle in handles:
    handle.remove()
activations.clear()
net(x)
print(activations)
