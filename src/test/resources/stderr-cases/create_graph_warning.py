import torch
w = torch.tensor(1.5, requires_grad=True)
for step in range(3):
    (w ** 3).backward(create_graph=True)
print(w.grad)
g, = torch.autograd.grad(w ** 2, w, create_graph=True)
print(g)
torch.autograd.backward([w * w], create_graph=True)
print(w.grad)
