import math
import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


def names(fn):
    return [None if f is None else f.name() for f, _ in fn.next_functions]


# nn.Linear's initialisation draws from the generator torch.rand uses: weight, then bias
for seed in [0, 1, 42, 2023]:
    torch.manual_seed(seed)
    layer = nn.Linear(3, 2)
    print(seed, layer.weight.tolist(), layer.bias.tolist())
    print(torch.rand(2).tolist())
torch.manual_seed(7)
big = nn.Linear(10, 4, bias=False)
print(big.weight.tolist(), big.weight.abs().max().item() <= 1 / math.sqrt(10))
print(torch.rand(3))
torch.manual_seed(0)
print(torch.empty(5).uniform_(-2, 3))
print(torch.empty(2, dtype=torch.float64).uniform_())

# the layer: printing, its parameters, calling it
torch.manual_seed(0)
lin = nn.Linear(2, 3)
print(lin)
print(lin.weight)
print(lin.bias)
print(type(lin.weight).__name__, isinstance(lin.weight, torch.Tensor), isinstance(lin, nn.Module))
print(lin.in_features, lin.out_features, lin.weight.shape, lin.weight.is_leaf, lin.weight.grad_fn)
print(list(lin.parameters()))
print([name for name, p in lin.named_parameters()])
x2 = torch.tensor([[1., 2.], [3., -1.]])
out2 = lin(x2)
print(out2)
print(out2.grad_fn.name(), names(out2.grad_fn))
x1 = torch.tensor([1., 2.])
out1 = lin(x1)
print(out1)
print(out1.grad_fn.name(), names(out1.grad_fn), names(out1.grad_fn.next_functions[0][0]))
x3 = torch.ones(2, 2, 2)
out3 = lin(x3)
print(out3.shape, out3.grad_fn.name(), names(out3.grad_fn))
print(F.linear(x1, lin.weight, lin.bias))
print(F.linear(x2, lin.weight))
print(torch.addmm(lin.bias, x2, lin.weight.t()))

# gradients through a Linear: addmm's for the bias, the input and the weight
xg = torch.tensor([[0.5, -1.5], [2.0, 0.25], [1.0, 1.0]], requires_grad=True)
loss = (lin(xg) ** 2).sum()
loss.backward()
print(lin.weight.grad)
print(lin.bias.grad)
print(xg.grad)
lin.zero_grad()
print(lin.weight.grad, lin.bias.grad)
lin(x1).sum().backward()
print(lin.weight.grad, lin.bias.grad)
lin.zero_grad(set_to_none=True)
print(lin.weight.grad, lin.bias.grad)

# float64 layers compute in double
torch.manual_seed(3)
lin64 = nn.Linear(2, 2, dtype=torch.float64)
print(lin64.weight)
print(lin64(torch.tensor([[1., 2.]], dtype=torch.float64)))

nobias = nn.Linear(2, 1, bias=False)
print(nobias, nobias.bias, len(list(nobias.parameters())))
print(nobias(x2).grad_fn.name(), nobias(x1).grad_fn.name())

# activations and Sequential
print(nn.ReLU(), nn.Sigmoid(), nn.Tanh(), nn.ReLU(inplace=True))
t = torch.tensor([-1., 0.5, 2.], requires_grad=True)
print(nn.ReLU()(t), nn.Sigmoid()(t), nn.Tanh()(t))
torch.manual_seed(1)
model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1), nn.Sigmoid())
print(model)
print(len(model), model[0], model[-1])
print(model[1:])
print([type(m).__name__ for m in model])
print([n for n, _ in model.named_parameters()])
y = model(x2)
print(y)
print(y.grad_fn.name(), names(y.grad_fn))
print([n for n, _ in model.named_modules()], [n for n, _ in model.named_children()])
print(model.training, model.eval() is model, model.training, model[0].training, model.train().training)

# training a Sequential with SGD on model.parameters()
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1))
X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
Y = torch.tensor([[0.], [1.], [1.], [0.]])
opt = torch.optim.SGD(net.parameters(), lr=0.5)
loss_fn = nn.MSELoss()
for epoch in range(30):
    opt.zero_grad()
    loss = loss_fn(net(X), Y)
    loss.backward()
    opt.step()
    if epoch % 10 == 0:
        print(epoch, round(loss.item(), 6))
print(net(X))
print(opt.param_groups[0]['params'][0] is net[0].weight)


# a Module subclass: registration order, forward, parameters, zero_grad
class Net(nn.Module):
    def __init__(self, hidden=3):
        super().__init__()
        self.scale = nn.Parameter(torch.tensor(2.0))
        self.fc1 = nn.Linear(2, hidden)
        self.act = nn.Sigmoid()
        self.fc2 = nn.Linear(hidden, 1)
        self.note = "plain attribute"
        self.offset = torch.tensor(0.5)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x))) * self.scale + self.offset


torch.manual_seed(5)
net = Net()
print(net)
print([n for n, _ in net.named_parameters()])
print(sum(p.numel() for p in net.parameters()))
print(net.note, net.offset, net.scale)
out = net(x2)
print(out)
out.sum().backward()
print(net.scale.grad, net.fc1.bias.grad)
print(net.fc2.weight.grad)
net.zero_grad()
print(net.scale.grad, net.fc2.weight.grad)
adam = torch.optim.Adam(net.parameters(), lr=0.01)
for step in range(5):
    adam.zero_grad()
    loss = ((net(X) - Y) ** 2).mean()
    loss.backward()
    adam.step()
print(round(loss.item(), 6), net.scale)


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)

    def forward(self, x):
        return self.fc(x)

    def extra_repr(self):
        return "tiny=True"


torch.manual_seed(0)
tiny = Tiny()
print(tiny)
print(tiny(x1), tiny.fc.weight.grad)
shared = nn.Sequential(tiny.fc, tiny.fc)
print(len(list(shared.parameters())), [n for n, _ in shared.named_parameters()])


def init_zero(m):
    if isinstance(m, nn.Linear):
        with torch.no_grad():
            m.weight.zero_()
            m.bias.fill_(0.5)


tiny.apply(init_zero)
print(tiny.fc.weight, tiny.fc.bias)
p = nn.Parameter(torch.ones(2))
print(p, p * 2, nn.Parameter(torch.zeros(1), requires_grad=False))


class NoForward(nn.Module):
    pass


class NoSuper(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(2, 1)


class NoSuperParam(nn.Module):
    def __init__(self):
        self.w = nn.Parameter(torch.ones(1))


attempt(lambda: NoForward()(x1))
attempt(NoSuper)
attempt(NoSuperParam)
attempt(lambda: tiny.missing)
attempt(lambda: setattr(tiny.fc, "weight", torch.ones(1, 2)))
attempt(lambda: setattr(tiny, "fc", 3))
attempt(lambda: nn.Sequential(nn.Linear(2, 3), nn.ReLU))
attempt(lambda: model[7])
attempt(lambda: lin(torch.ones(3)))
attempt(lambda: lin(torch.ones(4, 3)))
attempt(lambda: lin(torch.ones(4, 2, dtype=torch.float64)))
attempt(lambda: lin(torch.ones(2, dtype=torch.float64)))
attempt(lambda: lin(torch.tensor([1, 2])))


# super(Net, self), a Sequential inside a module, ReLU(inplace=True), subclassing nn.Linear,
# and the two ways learners update parameters by hand
class Deep(nn.Module):
    def __init__(self):
        super(Deep, self).__init__()
        self.layers = nn.Sequential(nn.Linear(2, 2), nn.ReLU(inplace=True), nn.Linear(2, 1))

    def forward(self, x):
        return self.layers(x)


class Doubled(nn.Linear):
    def forward(self, x):
        return super().forward(x) * 2


torch.manual_seed(0)
deep = Deep()
print(deep)
xd = torch.tensor([[1., -2.]])
for it in range(3):
    loss = (deep(xd) ** 2).sum()
    deep.zero_grad()
    loss.backward()
    with torch.no_grad():
        for p in deep.parameters():
            p -= 0.1 * p.grad
    print(loss.item())
for p in deep.parameters():
    p.data -= 0.01 * p.grad.data
print(deep.layers[0].weight)
d2 = Doubled(2, 1)
print(d2, d2(xd), isinstance(d2, nn.Linear))
relu_ = nn.ReLU(inplace=True)
v = torch.tensor([-1., 2.])
print(relu_(v), v)
w0 = torch.ones(3, requires_grad=True)
w0.detach()[0] = 5.
w0.data.mul_(2)
print(w0)
