# Advanced indexing with several index tensors (NumPy rules), as a manual cross-entropy uses it
import torch
x = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
t = torch.tensor([2, 0])

try:
    y = x[torch.tensor([0, 1]), torch.tensor([2, 0])]
    print('x[torch.tensor([0, 1]), torch.tensor([2, 0])]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[torch.tensor([0, 1]), torch.tensor([2, 0])]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[[0, 1], [2, 0]]
    print('x[[0, 1], [2, 0]]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[[0, 1], [2, 0]]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[range(2), [1, 2]]
    print('x[range(2), [1, 2]]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[range(2), [1, 2]]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[:, [0, 2], [1, 3]]
    print('x[:, [0, 2], [1, 3]]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[:, [0, 2], [1, 3]]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[[1, 0], :, [3, 2]]
    print('x[[1, 0], :, [3, 2]]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[[1, 0], :, [3, 2]]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[[[0], [1]], [[1, 2]]]
    print('x[[[0], [1]], [[1, 2]]]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[[[0], [1]], [[1, 2]]]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[0, [2, 1], 1:3]
    print('x[0, [2, 1], 1:3]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[0, [2, 1], 1:3]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[..., [0, 3]]
    print('x[..., [0, 3]]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[..., [0, 3]]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[:, :, torch.tensor([[0, 1], [2, 3]])]
    print('x[:, :, torch.tensor([[0, 1], [2, 3]])]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[:, :, torch.tensor([[0, 1], [2, 3]])]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[x > 20]
    print('x[x > 20]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[x > 20]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[:, torch.tensor([True, False, True])]
    print('x[:, torch.tensor([True, False, True])]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[:, torch.tensor([True, False, True])]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[torch.tensor([True, False]), 1]
    print('x[torch.tensor([True, False]), 1]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[torch.tensor([True, False]), 1]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[[1, -1], [-1, 0]]
    print('x[[1, -1], [-1, 0]]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[[1, -1], [-1, 0]]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[[0, 0, 1], [1, 1, 2], [3, 3, 0]]
    print('x[[0, 0, 1], [1, 1, 2], [3, 3, 0]]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[[0, 0, 1], [1, 1, 2], [3, 3, 0]]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[None, [0, 1], 1]
    print('x[None, [0, 1], 1]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[None, [0, 1], 1]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    y = x[:, None, [0, 1]]
    print('x[:, None, [0, 1]]', y.shape, y)
    y.sum().backward()
    print(x.grad.sum(dim=2))
    x.grad = None
except Exception as e:
    print('x[:, None, [0, 1]]', '-> ERR', type(e).__name__, str(e)[:100])

try:
    x[[0, 5], [1, 2]]
except IndexError as e:
    print('IndexError:', e)
try:
    x[[0, 1], [1, 2, 0]]
except IndexError as e:
    print('IndexError:', e)
logp = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.2, -0.3]], requires_grad=True).log_softmax(1)
loss = -logp[range(2), t].mean()
print(loss)
z = torch.zeros(3, 4)
z[[0, 2], [1, 3]] = 5.0
print(z)
