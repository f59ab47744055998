# seeded float32 randn as ATen's normal_fill_16_AVX2 draws it: Box-Muller pairs with avx_mathfun's log and sincos
import torch
for seed in range(3):
    torch.manual_seed(seed)
    a = torch.randn(64, 5); b = torch.randn(5, 16); c = torch.randn(40); d = torch.empty(24).normal_(1.5, 0.25)
    print(seed, ' '.join(repr(v) for v in a.flatten().tolist() + b.flatten().tolist() + c.tolist() + d.tolist()))
