import torch
for n in [1, 2, 3, 10, 100, 1000]:
    x = torch.tensor(0.5, requires_grad=True)
    y = x
    for i in range(n):
        y = y + 0.001 * torch.sin(y)
    y.backward()
    print(n, y.item(), x.grad.item())
x = torch.tensor(0.7, requires_grad=True)
print((0.001*x).item(), (x*0.001).item(), torch.sin(x).item(), torch.cos(x).item())
