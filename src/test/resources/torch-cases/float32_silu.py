# float32 silu and its gradient to the last bit: SLEEF exp in the kernel's vector loop, the C library's in its tail
import torch, math
for n in [1, 5, 16, 21, 200]:
    x = torch.tensor([math.sin(0.73 * i) * 5 for i in range(n)], requires_grad=True)
    y = torch.nn.functional.silu(x)
    g = torch.tensor([math.cos(0.3 * i) for i in range(n)])
    y.backward(g)
    print(n, ' '.join(repr(v) for v in y.tolist()), '|', ' '.join(repr(v) for v in x.grad.tolist()), type(y.grad_fn).__name__)
print(torch.nn.SiLU()(torch.tensor([1.0, -2.0])))
