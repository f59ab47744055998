# assignment expressions (:=), PEP 572: conditions, comprehensions, call arguments, displays
import torch
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print('long', n)
i = 0
while (i := i + 1) < 4:
    print('i', i)
vals = iter([5, 0, 7])
while v := next(vals):
    print('v', v)
print([y for x in data if (y := x * 2) > 6], y)
total = 0
print([total := total + x for x in data], total)
def f():
    acc = []
    r = [(last := x) for x in range(3)]
    return r, last
print(f())
print(max(best := [2, 7, 1]), best)
print([a := 1, a + 1])
losses = [0.9, 0.5, 0.2]
if any((bad := l) > 0.8 for l in losses):
    print('first loss above 0.8:', bad)
w = torch.tensor([1., 2.], requires_grad=True)
if (loss := (w ** 2).sum()) > 1:
    loss.backward()
print(loss, w.grad)
def counter():
    count = 0
    def bump():
        nonlocal count
        return (count := count + 1)
    bump(); bump()
    return count
print(counter())
print(f'{(z := 10) * 2} {z}')
