# optimizer.step(closure): the closure runs with grad enabled (even under no_grad) and step returns its loss
import torch
w = torch.tensor(1.0, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
def closure():
    opt.zero_grad()
    l = (w * 3) ** 2
    l.backward()
    return l
with torch.no_grad():
    print(opt.step(closure))
print(w, opt.step())
try:
    torch.nn.MSELoss()(w)
except TypeError as e:
    print(e)
