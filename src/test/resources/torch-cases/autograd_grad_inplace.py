import torch


def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


# torch.autograd.grad: a tuple of gradients, .grad untouched
x = torch.tensor(2., requires_grad=True)
y = x ** 3 + 2 * x
(g,) = torch.autograd.grad(y, x)
print(g, x.grad)
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = torch.tensor([0.5, -1., 4.], requires_grad=True)
out = (a * b).sin().sum()
ga, gb = torch.autograd.grad(out, [a, b])
print(ga, gb, a.grad, b.grad)
attempt(lambda: out.backward())
v = a * b
print(torch.autograd.grad(v, a, grad_outputs=torch.tensor([1., 0.5, 2.]), retain_graph=True))
print(torch.autograd.grad(outputs=v, inputs=(b,), grad_outputs=torch.ones(3)))
print(torch.autograd.grad([(a * 2).sum(), (a * a).sum()], a))
print(torch.autograd.grad((a * 2).sum(), [a, b], allow_unused=True))
# a non-leaf input: the gradient reaching it; the rest of the graph does not run
h = a.exp()
h.retain_grad()
z = (h * 3).sum()
print(torch.autograd.grad(z, h, retain_graph=True), h.grad, a.grad)
print(torch.autograd.grad(z, a), h.grad, a.grad)
# the same as backward's gradients
w = torch.tensor([[0.3, -0.2], [0.1, 0.4]], requires_grad=True)
inp = torch.tensor([[1., 2.], [3., 4.]])
loss = torch.sigmoid(inp @ w).mean()
(gw,) = torch.autograd.grad(loss, w, retain_graph=True)
loss.backward()
print(gw, w.grad, (gw == w.grad).all().item())
# with a Linear's parameters
torch.manual_seed(0)
lin = torch.nn.Linear(2, 1)
gl = torch.autograd.grad(lin(inp).sum(), lin.parameters())
print(gl, lin.weight.grad)
c = torch.tensor(1., requires_grad=True)
attempt(lambda: torch.autograd.grad((a * 2).sum(), [a, c]))
attempt(lambda: torch.autograd.grad((a * 2).sum(), torch.ones(3)))
attempt(lambda: torch.autograd.grad(a * 2, a))
attempt(lambda: torch.autograd.grad(torch.ones(2).sum(), a))
torch.autograd.backward((a * a).sum())
print(a.grad)

# .numpy() on a tensor that requires grad
attempt(lambda: a.numpy())
attempt(lambda: (a * 2).numpy())

# in-place //= and %= change the tensor itself
t = torch.tensor([5., -7., 9.])
alias = t
t //= 2
print(t, alias, t is alias)
t %= 3
print(t, alias)
i = torch.tensor([7, -8, 9])
i //= 2
print(i)
i %= 3
print(i)
m = torch.tensor([[1., 2.], [3., 4.]])
m %= torch.tensor([2., 3.])
print(m)
m //= torch.tensor([1., 2.])
print(m)
leaf = torch.tensor([1.5, 2.5], requires_grad=True)
r = leaf * 3
r %= 2
print(r)
r.sum().backward()
print(leaf.grad)
q = leaf * 3
q //= 2
print(q)
attempt(lambda: q.sum().backward())


def floor_leaf():
    global leaf
    leaf //= 2


def mod_leaf():
    global leaf
    leaf %= 2


def mod_int():
    global i
    i %= 2.5


def floordiv_int():
    global i
    i //= 2.5


def broadcast_mod():
    global t
    t %= m


attempt(floor_leaf)
attempt(mod_leaf)
attempt(mod_int)
attempt(floordiv_int)
attempt(broadcast_mod)
with torch.no_grad():
    leaf %= 2
print(leaf)
