# Containers, state_dict and torch.nn.init as a model-building lesson uses them (PyTorch 1.13)
import torch
import torch.nn as nn

torch.manual_seed(0)

class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:])])
        self.flat = nn.Flatten()
        self.keep = nn.Identity()

    def forward(self, x):
        x = self.keep(self.flat(x))
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = torch.relu(x)
        return x

model = MLP([4, 3, 2])
print(model)
print(len(model.layers), model.layers[0], model.layers[-1].weight.shape)
sd = model.state_dict()
print(list(sd.keys()))
print(sd['layers.0.bias'])
print(sd.keys())
x = torch.randn(5, 2, 2)
print(model(x))

for p in model.parameters():
    nn.init.zeros_(p)
print(model(x))
print(model.load_state_dict(sd))
print(model(x))

w = torch.empty(3, 5)
nn.init.xavier_uniform_(w)
print(w)
nn.init.kaiming_normal_(w, nonlinearity='relu')
print(w)
nn.init.normal_(w, mean=1.0, std=0.1)
print(w)
big = torch.empty(4, 5)
nn.init.normal_(big, 2.0, 0.5)
print(big)
nn.init.constant_(w, 0.25)
print(w)
nn.init.ones_(w)
print(w.sum())
nn.init.uniform_(w, -1, 1)
print(w)
print(nn.init.calculate_gain('relu'), nn.init.calculate_gain('tanh'), nn.init.calculate_gain('leaky_relu', 0.2))
lin = nn.Linear(2, 2)
nn.init.kaiming_uniform_(lin.weight)
print(lin.weight)
print(lin.weight.requires_grad, lin.weight.grad_fn)
print(nn.Sequential(nn.Linear(2, 3), nn.Dropout(0.2), nn.Flatten(0)))
net = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5))
net.eval()
print(net(torch.ones(1, 2)))
try:
    nn.Linear(2, 3).load_state_dict(nn.Linear(3, 3).state_dict())
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    nn.Linear(2, 3).load_state_dict({'weight': torch.zeros(3, 2)})
except RuntimeError as e:
    print('RuntimeError:', e)
r = nn.Linear(2, 3).load_state_dict({'weight': torch.zeros(3, 2)}, strict=False)
print(r.missing_keys, r.unexpected_keys)
print(torch.ones(2, 3, 4).flatten(1).shape, torch.flatten(torch.ones(2, 3, 4), 0, 1).shape, torch.ones(3).flatten().shape)
ml = nn.ModuleList()
ml.append(nn.Tanh())
ml.extend([nn.ReLU(), nn.Sigmoid()])
print(ml, ml[1:])
for m in ml:
    print(m(torch.tensor([-1.0, 1.0])))
