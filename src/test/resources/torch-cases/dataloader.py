# torch.utils.data: TensorDataset, a Dataset subclass, DataLoader (batches, shuffling on PyTorch's stream, drop_last, a generator), random_split, randperm
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader
torch.manual_seed(0)
X = torch.randn(100, 2)
y = (X[:, 0] * X[:, 1] > 0).long()
ds = TensorDataset(X, y)
dl = DataLoader(ds, batch_size=16, shuffle=True)
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(5):
    total = 0.0
    for xb, yb in dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    acc = (model(X).argmax(dim=1) == y).float().mean()
    print(f"epoch {epoch}: loss {total / len(ds):.4f} acc {acc:.3f}")
print(len(dl), len(ds), ds[0])
print(torch.randperm(5), torch.randperm(10))

torch.manual_seed(0)
X = torch.arange(10.)
ds = TensorDataset(X)
dl = DataLoader(ds, batch_size=4, shuffle=True)
for epoch in range(2):
    print([b[0].tolist() for b in dl])
print(torch.rand(1))
from torch.utils.data import Dataset, DataLoader, TensorDataset, random_split
torch.manual_seed(1)
class Squares(Dataset):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        return torch.tensor([float(i)]), i * i
ds = Squares(7)
for xb, yb in DataLoader(ds, batch_size=3):
    print(xb, yb)
g = torch.Generator()
g.manual_seed(5)
print([b[0].tolist() for b in DataLoader(TensorDataset(torch.arange(6.)), batch_size=2, shuffle=True, generator=g)])
train, test = random_split(TensorDataset(torch.arange(10.)), [7, 3], generator=torch.Generator().manual_seed(42))
print(len(train), len(test), [train[i][0].item() for i in range(len(train))])
dl = DataLoader(ds, batch_size=3, drop_last=True)
print(len(dl), len(DataLoader(ds, batch_size=3)), [len(b[0]) for b in dl])
print(DataLoader(ds, batch_size=None).__len__())
torch.manual_seed(0)
print(torch.randperm(5), torch.randperm(10), torch.randperm(1), torch.randperm(0))
g = torch.Generator()
g.manual_seed(123)
print(torch.randperm(8, generator=g), g.initial_seed())
print(torch.rand(2))
print(torch.empty(3).random_(10), torch.empty(4, dtype=torch.int64).random_(-5, 5), torch.empty(2).random_())
print(torch.manual_seed(3).initial_seed(), torch.initial_seed())
