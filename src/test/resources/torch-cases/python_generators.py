# generators: yield, send, close, yield from, return values, PEP 479, grad mode seen by the body (it runs on a thread of its own here)
import torch
def count(n):
    """Counts."""
    i = 0
    while i < n:
        yield i
        i += 1
    return 'done'

print(list(count(4)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print('stop')
print(next(count(0), 'default'))

def batches(x, size):
    for i in range(0, len(x), size):
        yield x[i:i + size]

x = torch.arange(10.)
for b in batches(x, 4):
    print(b)

def echo():
    got = yield 'ready'
    while got is not None:
        got = yield got * 2

e = echo()
print(next(e), e.send(3), e.send(10))
e.close()

def gen_nograd(w):
    for k in range(2):
        yield (w * k).requires_grad

w = torch.ones(2, requires_grad=True)
with torch.no_grad():
    print(list(gen_nograd(w)))
print(list(gen_nograd(w)))

def inner():
    yield 1
    yield 2
    return 3

def outer():
    r = yield from inner()
    yield r

print(list(outer()))
print(sum(v * v for v in count(5)))
print(dict(zip('abc', count(3))))

def bad():
    yield 1
    raise ValueError('boom')

try:
    for v in bad():
        print('got', v)
except ValueError as err:
    print('caught', err)

def fin():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')

f = fin()
print(next(f))
f.close()
print([a for a in zip(count(3), count(10))])

class Net:
    def __init__(self):
        self.ws = [torch.tensor(1.0), torch.tensor(2.0)]
    def parameters(self):
        for w in self.ws:
            yield w

print(list(Net().parameters()))
def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as err:
    print('RuntimeError:', err)
def deep(n):
    if n:
        yield from deep(n - 1)
    yield n
print(list(deep(20))[-3:])
print(type(count(1)).__name__)
def grads_off():
    with torch.no_grad():
        yield torch.is_grad_enabled()
    yield torch.is_grad_enabled()

h = grads_off()
print(next(h), torch.is_grad_enabled(), next(h))
def printer(t):
    yield str(t)
torch.set_printoptions(precision=2)
print(next(printer(torch.tensor([1 / 3]))))
torch.set_printoptions(precision=4)
def take(n, it):
    for _ in range(n):
        yield next(it)
print(list(take(3, iter(count(100)))))
lam = lambda: (yield 5)
print(list(lam()))
def running():
    yield next(r)
r = running()
try:
    next(r)
except ValueError as err:
    print('ValueError:', err)

# generator expressions are lazy
import itertools
print(next(x for x in itertools.count() if x * x > 50))
g = (1 / x for x in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("late", e)
print(sum(x * x for x in range(10)), list(a + b for a in "ab" for b in "xy"))
g2 = (i for i in range(3))
print(list(g2), list(g2))
