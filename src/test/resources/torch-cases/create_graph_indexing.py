import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
for name, f in [('select', lambda t: t[0]), ('slice', lambda t: t[:, 1:]), ('index', lambda t: t[[0, 1, 1]]),
                ('bool', lambda t: t[t > 2]), ('gather', lambda t: t.gather(1, torch.tensor([[0], [2]]))),
                ('isel', lambda t: t.index_select(1, torch.tensor([2, 0]))), ('flip', lambda t: t.flip(0)),
                ('repeat', lambda t: t.repeat(2, 1))]:
    g, = torch.autograd.grad((f(x) ** 3).sum(), x, create_graph=True)
    h, = torch.autograd.grad((g * g).sum(), x, create_graph=True)
    k, = torch.autograd.grad(h[1].sum(), x)
    print(name, g, h, k, sep='\n')
# a PINN-style input column
torch.manual_seed(3)
net = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
pts = torch.tensor([[0.1, 0.2], [0.5, -0.3], [0.9, 0.4]], requires_grad=True)
u = net(pts)
grads, = torch.autograd.grad(u.sum(), pts, create_graph=True)
u_t = grads[:, 0]
u_xx, = torch.autograd.grad(grads[:, 1].sum(), pts, create_graph=True)
res = (u_t - u_xx[:, 1]).pow(2).mean()
res.backward()
print(f'{res.item():.6f}', net[0].weight.grad)
