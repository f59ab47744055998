# float32 softmax, log_softmax and cross_entropy along the last dim, forward and backward, to the
# last bit as ATen's row kernels compute them (vector reductions, SLEEF exp and log, fused multiply-adds)
import torch, math
for cols in [1, 3, 8, 9, 17, 33]:
    x = torch.tensor([[math.sin(0.37 * (i * cols + j)) * 4 + 0.01 * j for j in range(cols)] for i in range(5)], requires_grad=True)
    g = torch.tensor([[math.cos(0.11 * (i + 3 * j)) for j in range(cols)] for i in range(5)])
    for f in (torch.softmax, torch.log_softmax):
        y = f(x, dim=1)
        gx, = torch.autograd.grad(y, x, g)
        print(cols, f.__name__, ' '.join(repr(v) for v in y.flatten().tolist()), '|', ' '.join(repr(v) for v in gx.flatten().tolist()))
    for reduction in ('mean', 'sum'):
        x.grad = None
        ce = torch.nn.functional.cross_entropy(x, torch.tensor([(3 * i) % cols for i in range(5)]), reduction=reduction)
        ce.backward()
        print(cols, 'ce', reduction, repr(ce.item()), ' '.join(repr(v) for v in x.grad.flatten().tolist()))
w = torch.tensor([0.5, 2.0, 1.0, 0.25])
z = torch.tensor([[math.sin(i + 0.3 * j) for j in range(4)] for i in range(40)], requires_grad=True)
loss = torch.nn.functional.cross_entropy(z, torch.tensor([i % 4 for i in range(40)]), weight=w)
loss.backward()
print('weighted', repr(loss.item()), ' '.join(repr(v) for v in z.grad.flatten().tolist()))
