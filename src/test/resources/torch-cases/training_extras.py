# Optimizers beyond SGD/Adam, learning-rate schedules, gradient clipping, activations and print options (PyTorch 1.13)
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

def fit(make_optimizer, steps=25):
    # elementwise only, so every difference would be the optimizer's own arithmetic
    w = torch.tensor([1.5, -0.5, 2.0], requires_grad=True)
    target = torch.tensor([0.3, 0.7, -1.1])
    scale = torch.tensor([1.0, 3.0, 0.2])
    opt = make_optimizer([w])
    for step in range(steps):
        opt.zero_grad()
        loss = ((w - target) ** 2 * scale).sum()
        loss.backward()
        opt.step()
    return w, loss.item()

for name, make in [('SGD', lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)), ('Adam', lambda p: torch.optim.Adam(p, lr=0.05)),
                   ('AdamW', lambda p: torch.optim.AdamW(p, lr=0.05)),
                   ('AdamW wd', lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=0.1, betas=(0.8, 0.99))),
                   ('RMSprop', lambda p: torch.optim.RMSprop(p, lr=0.01)),
                   ('RMSprop centered momentum', lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.9, centered=True, weight_decay=0.01)),
                   ('Adagrad', lambda p: torch.optim.Adagrad(p, lr=0.3)),
                   ('Adagrad decay', lambda p: torch.optim.Adagrad(p, lr=0.3, lr_decay=0.01, weight_decay=0.05, initial_accumulator_value=0.1))]:
    w, loss = fit(make)
    print(name, w.tolist(), loss)
print(torch.optim.AdamW([torch.zeros(1, requires_grad=True)]))
print(torch.optim.RMSprop([torch.zeros(1, requires_grad=True)], lr=0.01))
print(torch.optim.Adagrad([torch.zeros(1, requires_grad=True)]))

p = torch.zeros(2, requires_grad=True)
for make in [lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5),
             lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5], gamma=0.1),
             lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9),
             lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda epoch: 1.0 / (epoch + 1)),
             lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=4, eta_min=0.01)]:
    opt = torch.optim.SGD([p], lr=0.1)
    sched = make(opt)
    lrs = []
    for epoch in range(10):
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
    print(type(sched).__name__, lrs, opt.param_groups[0]['initial_lr'])

model = nn.Linear(3, 2)
with torch.no_grad():
    model.weight.copy_(torch.tensor([[1.0, -2.0, 0.5], [0.3, 0.2, -1.0]]))
    model.bias.fill_(0.1)
out = model(torch.tensor([[3.0, 1.0, -2.0]])).pow(2).sum()
out.backward()
print(model.weight.grad, model.bias.grad)
total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(total, model.weight.grad, model.bias.grad)
print(torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0), model.weight.grad)
nn.utils.clip_grad_value_(model.parameters(), 0.2)
print(model.weight.grad)
print(nn.utils.clip_grad_norm_([torch.zeros(2, requires_grad=True)], 1.0))

x = torch.tensor([-2.0, -0.5, 0.0, 0.7, 3.0], requires_grad=True)
for f in [F.gelu, lambda t: F.gelu(t, approximate='tanh'), F.elu, lambda t: F.elu(t, alpha=0.5), F.softplus,
          lambda t: F.softplus(t, beta=2, threshold=3), F.silu, nn.GELU(), nn.ELU(), nn.SiLU(), nn.Softplus(beta=2)]:
    x.grad = None
    y = f(x)
    y.sum().backward()
    print(y, x.grad)
print(nn.GELU(), nn.GELU(approximate='tanh'), nn.ELU(alpha=0.5), nn.SiLU(), nn.Softplus(beta=2, threshold=10))
print(F.one_hot(torch.tensor([0, 2, 1])), F.one_hot(torch.tensor([[1], [0]]), num_classes=3))
print(torch.clamp_min(x, 0.5), torch.clamp_max(x, 0.5), x.clamp_min(0.0).grad_fn.name())
print(torch.isfinite(torch.tensor([1.0, float('inf'), float('nan')])), torch.isnan(torch.tensor([1.0, float('nan')])))
m = torch.arange(6.0).reshape(2, 3)
print(m.stride(), m.t().stride(), m.t().is_contiguous(), m[:, 1:].storage_offset(), m.element_size(), m.stride(1))
with torch.inference_mode():
    z = x * 2
print(z.requires_grad, torch.is_inference_mode_enabled(), torch.get_default_dtype())
torch.set_printoptions(precision=2)
print(torch.tensor([1.23456, 2.5, 3.14159]), torch.tensor([1e-5, 1.0]))
torch.set_printoptions(sci_mode=False)
print(torch.tensor([1e-5, 1.0]))
torch.set_printoptions(profile='default')
print(torch.tensor([1.23456, 2.5, 3.14159]))
try:
    torch.optim.RMSprop([p], lr=0.1, alpha=-1)
except ValueError as e:
    print('ValueError:', e)
