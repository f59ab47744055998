# float32 training to the last bit: nn.Linear MLPs (tanh, relu, sigmoid) with mse_loss and cross_entropy under SGD, momentum and Adam,
# and addmm's BLAS order (a bias is where a gemm with w in rows starts each sum; nn.Linear's x @ w.T adds it after)
import torch, math
X = torch.tensor([[math.sin(0.37 * (i * 5 + j)) * 2 for j in range(5)] for i in range(64)])
Y = torch.tensor([[math.cos(0.11 * i) * 3] for i in range(64)])
for opt_name in ['sgd', 'adam', 'momentum']:
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(5, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
    opt = torch.optim.Adam(net.parameters(), lr=0.01) if opt_name == 'adam' else torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9 if opt_name == 'momentum' else 0)
    for step in range(100):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(net(X), Y)
        loss.backward()
        opt.step()
        if step % 20 == 0:
            print(opt_name, step, repr(loss.item()))
    print(opt_name, ' '.join(repr(v) for v in net[0].weight.flatten().tolist()[:20]))
one = torch.nn.Linear(5, 3)
print('row', [repr(v) for v in one(X[:1]).flatten().tolist()], [repr(v) for v in one(X[0]).tolist()])
torch.manual_seed(2)
net = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Sigmoid(), torch.nn.Linear(8, 3))
Xc = torch.tensor([[math.sin(i * 0.3), math.cos(i * 0.7)] for i in range(50)]); yc = torch.tensor([i % 3 for i in range(50)])
opt = torch.optim.SGD(net.parameters(), lr=0.5)
for step in range(100):
    opt.zero_grad(); l = torch.nn.functional.cross_entropy(net(Xc), yc); l.backward(); opt.step()
    if step % 25 == 0: print('ce', step, repr(l.item()))
for (n, k, m) in [(8, 3, 4), (6, 17, 9), (5, 4, 1)]:
    A = torch.tensor([[math.sin(0.37 * (i * k + j)) * 2 for j in range(k)] for i in range(n)])
    B = torch.tensor([[math.cos(0.21 * (i * m + j)) for j in range(m)] for i in range(k)])
    b = torch.tensor([math.sin(j) for j in range(m)])
    print(n, k, m, ' '.join(repr(v) for v in torch.addmm(b, A, B).flatten().tolist()), '|',
          ' '.join(repr(v) for v in torch.nn.functional.linear(A, B.t().contiguous(), b).flatten().tolist()))
