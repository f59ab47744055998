# float32 sums along dims and the gradients of broadcast biases, added in ATen's order (rows, columns in groups, middle dims)
import torch, math
bad = 0
total = 0
out = []
for r in [1, 2, 3, 5, 8, 9, 17, 31, 64, 100, 257]:
    for c in [1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 32, 33, 40, 70]:
        x = torch.tensor([[math.sin(0.37 * (i * c + j)) * 3.7 + 0.1 * math.cos(i + j * 0.3) for j in range(c)] for i in range(r)])
        s0 = x.sum(dim=0); s1 = x.sum(dim=1); m0 = x.mean(0); m1 = x.mean(1, keepdim=True)
        b = torch.zeros(c, requires_grad=True)
        w = torch.tensor([[math.cos(0.11 * (i + 2 * j)) for j in range(c)] for i in range(r)])
        ((x + b) * w).sum().backward()
        out.append(' '.join(repr(v) for v in s0.tolist() + s1.tolist() + m0.tolist() + m1.flatten().tolist() + b.grad.tolist()))
y = torch.tensor([[[math.sin(0.1 * (i * 35 + j * 7 + k)) for k in range(7)] for j in range(5)] for i in range(3)])
out.append(' '.join(repr(v) for v in y.sum(1).flatten().tolist() + y.sum((1, 2)).tolist() + y.sum((0, 1)).tolist() + y.sum(0).flatten().tolist()))
print('\n'.join(out))
