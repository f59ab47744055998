# Sets iterate in CPython's order (by hash and history), which print() shows: labels, vocabularies, unique values.
import torch
labels = [3, 1, 2, 3, 0, 1, 7, 12, 9, 40, 33]
print(set(labels), {x % 3 for x in [5, 3, 8, 1, 9, 2]}, {10, 5, 7, 1}, {1, 2, 3, 40, 33, 1.5})
y = torch.tensor([2, 0, 1, 1, 2, 0, 5])
print(set(y.tolist()), set(torch.tensor([0.5, 1.5, 0.5, -2.0]).tolist()))
s = set()
for v in [100, 8, 16, 24, 1, -1, -8, 64, 7]:
    s.add(v)
print(s)
s.discard(16); s.discard(8); s.add(32); s.add(48)
print(s, s.pop(), s)
a, b = set(range(0, 30, 3)), set(range(0, 30, 5))
print(a | b, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print({(1, 2), (0, 0), (2, 1), (-1, 3)}, {0.1, 0.25, 2.5, -3.75, 1e10})
print(sorted({3, 1, 2}), len({1, 1.0, True}), {1, 1.0, True})
big = set(range(100, 0, -7))
big -= {2, 9, 16, 23}
print(big)
c = big.copy(); c.update([5, 500, 1000]); print(c, set(c) == c)
print([hash(v) for v in [1.5, -0.25, (1, 2), (), 2**70, -1]])
