# The constructors older tutorials use: torch.Tensor(data), torch.Tensor(sizes), FloatTensor, LongTensor ... (sizes only: PyTorch leaves the values uninitialised).
import torch
print(torch.Tensor([1,2]), torch.Tensor([[1,2],[3,4]]).dtype, torch.Tensor(2,3).shape, torch.Tensor(), torch.FloatTensor([1,2]), torch.LongTensor([1.7, 2]), torch.DoubleTensor([1]), torch.BoolTensor([1,0]))
print(torch.Tensor(torch.tensor([1.,2.])), torch.Tensor(3).shape, torch.Tensor((1,2)))
x = torch.Tensor([[0.5, -1.0]])
x.requires_grad_()
(x * x).sum().backward()
print(x.grad, isinstance(x, torch.Tensor), isinstance(x, torch.FloatTensor), isinstance(torch.ones(1, dtype=torch.int64), torch.FloatTensor), torch.FloatTensor)
try:
    torch.Tensor('a')
except TypeError as e:
    print(e)
print(torch.LongTensor(2, 2).shape, torch.LongTensor([3]).dtype)
