# Whole-tensor float32 sums and means at full precision: the order of additions decides the last bits
import math
import torch
for n in [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 100, 127, 129, 255, 257, 500, 1000, 2000, 4097, 10000]:
    x = torch.tensor([math.sin(0.37 * i) * 3.7 + 0.1 * math.cos(i) for i in range(n)])
    d = x.double()
    print(n, x.sum().item(), x.mean().item(), (x * x).sum().item(), d.sum().item())
y = torch.linspace(-math.pi, math.pi, 2000)
print(((torch.sin(y) - y) ** 2).sum().item(), torch.nn.functional.mse_loss(torch.sin(y), y).item())
for n, a, b in [(7, -3.0, 3.0), (16, 0.1, 7.3), (40, 5.0, -2.0), (33, -1.0, 1.0)]:
    for dt in [torch.float32, torch.float64]:
        print(torch.linspace(a, b, n, dtype=dt).tolist())
