# gather, index_select, flip, repeat, narrow, diag, logsumexp, amax/amin with their gradients (PyTorch 1.13)
import torch
x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 2.0, -0.3]], requires_grad=True)
w = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
outs = [
    x.gather(1, torch.tensor([[2], [0]])), x.gather(0, torch.tensor([[1, 0, 1]])),
    torch.gather(x, 1, torch.tensor([[0, 0], [1, 2]])), x.index_select(1, torch.tensor([2, 0, 2])),
    x.flip(0), x.flip([0, 1]), torch.flip(x, [1]), x.repeat(2, 1), x.repeat(1, 2, 2), x.narrow(1, 1, 2),
    torch.narrow(x, 0, 1, 1), torch.logsumexp(x, dim=1), x.logsumexp(0, keepdim=True), x.amax(1), x.amin(0),
    x.amax(), torch.amax(x, dim=(0, 1)), torch.diag(x), torch.diag(x[0]),
]
for y in outs:
    x.grad = None
    (y * torch.arange(1.0, y.numel() + 1).reshape(y.shape)).sum().backward()
    print(y)
    print(x.grad)
logits = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]], requires_grad=True)
labels = torch.tensor([1, 2])
manual = (torch.logsumexp(logits, dim=1) - logits.gather(1, labels.unsqueeze(1)).squeeze(1)).mean()
print(manual, torch.nn.functional.cross_entropy(logits, labels))
manual.backward()
print(logits.grad)
for bad in ['gather', 'index_select', 'narrow']:
    try:
        if bad == 'gather':
            x.gather(1, torch.tensor([[3], [0]]))
        elif bad == 'index_select':
            x.index_select(0, torch.tensor([5]))
        else:
            x.narrow(1, 2, 2)
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__ + ':', e)
