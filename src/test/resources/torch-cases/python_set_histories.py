# 300 random histories of add, discard, pop, set(s), | and - on ints, floats and tuples: each set prints in CPython 3.11's order.
import random
random.seed(1)
print({x % 3 for x in [5,3,8,1,9,2]}, set([3,1,2]), {10,5,7,1})
print(hash(1.5), hash((1,2)), hash(-7.25), hash(0.1), hash(1e300), hash(-1e-310), hash(()), hash((1.5, -3)), hash(float("inf")), hash(2.5e-8))
for trial in range(300):
    s = set()
    log = []
    for step in range(random.randint(1, 60)):
        r = random.random()
        v = random.choice([random.randint(-40, 40), random.randint(0, 10**6), random.random() * 10, (random.randint(0, 5), random.randint(0, 5)), random.randint(0, 9) + 0.5])
        if r < 0.65:
            s.add(v)
        elif r < 0.8 and s:
            s.discard(random.choice(sorted(s, key=repr)))
        elif r < 0.85 and s:
            s.pop()
        elif r < 0.9:
            s = set(s)
        elif r < 0.95:
            s = s | {v, 3, 17}
        else:
            s = s - {3, 4, 5}
    t = {1, 2, 3, 40, 33, 1.5}
    print(list(s), list(s & t), list(t & s), list(s ^ t), list(t - s), s.copy() == s, list(s.copy()))
