# float32 binary_cross_entropy to the last bit: ATen's kernel (y - 1) * max(log(1 - p), -100) - y * max(log(p), -100)
# with the C library's logf, its gradient kernel, and the reductions
import torch, math
p = torch.tensor([[1 / (1 + math.exp(-math.sin(0.37 * (i * 10 + j)) * 4)) for j in range(10)] for i in range(20)], requires_grad=True)
y = torch.tensor([[((i * 7 + j * 3) % 10) / 9 for j in range(10)] for i in range(20)])
for red in ['none', 'mean', 'sum']:
    p.grad = None
    l = torch.nn.functional.binary_cross_entropy(p, y, reduction=red)
    (l.sum() if red == 'none' else l).backward()
    print(red, ' '.join(repr(v) for v in l.flatten().tolist()), '|', ' '.join(repr(v) for v in p.grad.flatten().tolist()))
