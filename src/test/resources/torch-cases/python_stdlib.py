# functools, itertools and typing as scripts use them, plus dict.fromkeys and functools.wraps carrying a docstring
import functools, itertools
from typing import List, Dict, Optional, Tuple
import random
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), list(itertools.chain([1], [2, 3])), list(itertools.product('ab', repeat=2))[:3])
print(list(itertools.combinations([1, 2, 3], 2)), list(itertools.permutations([1, 2, 3], 2))[:2], list(itertools.islice(itertools.count(5), 3)), list(itertools.accumulate([1, 2, 3])))
add3 = functools.partial(lambda a, b, c: a + b + c, 1, 2); print(add3(3))
def deco(f):
    @functools.wraps(f)
    def w(*a, **k):
        return f(*a, **k) * 2
    return w
@deco
def g(x: int) -> int:
    """doc"""
    return x + 1
print(g(1), g.__name__, g.__doc__)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); print(c())
class CM:
    def __enter__(self): print('enter'); return self
    def __exit__(self, *a): print('exit'); return False
with CM() as m: print('inside')
print(1, 2, sep='-', end='!\n')
x = 5
print(isinstance(x, (int, float)), 1 < x < 10, 'big' if x > 3 else 'small', [*range(3), *'ab'], {**{'a': 1}, 'b': 2})

print(f"{x=} {x*2=}", f"{'nested ' + str(x)}", f"{x!r:>4}")
random.seed(0); print(random.random(), random.randint(1, 10), random.choice([1, 2, 3]))
def h(a: List[int], b: Optional[Dict[str, int]] = None) -> Tuple[int, int]: return len(a), 0 if b is None else len(b)
print(h([1, 2]), h([], {'a': 1}))
try:
    assert x < 0, 'x must be negative'
except AssertionError as e:
    print('assert:', e)
matrix = [[1, 2], [3, 4]]; print(list(zip(*matrix)), [row[::-1] for row in matrix], sum(map(sum, matrix)), list(filter(None, [0, 1, 2])))
if __name__ == '__main__':
    print('main')
print(round(3.14159, 3), format(0.5, '.2f'), int(3.9), float('inf'), -0.0, 1 / 3, 2 ** 100, 7 / 7, 10 ** -3)
print(sorted([3, 1, 2], reverse=True), max([], default=0), dict.fromkeys('ab', 0), list(map(lambda p: p[0], [(1, 2)])))
import functools, itertools
from functools import reduce, partial, lru_cache
from itertools import count, cycle, repeat, zip_longest, groupby, islice
from typing import List, Optional
print(reduce(lambda a, b: a + b, [1, 2, 3], 10), partial(pow, 2)(5))
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
@functools.lru_cache
def sq(n): return n * n
print(fib(30), sq(4))
print(list(islice(count(1, 2), 4)), list(islice(cycle('ab'), 5)), list(repeat(7, 3)), list(zip_longest([1, 2], 'a', fillvalue='-')))
print([(k, list(g)) for k, g in groupby('aabccc')], list(itertools.combinations_with_replacement('ab', 2)), list(itertools.starmap(pow, [(2, 3)])))
print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)), list(itertools.permutations('abc')))
print(dict.fromkeys([1, 2]), List[int] is not None, Optional[str] is not None)
def wrap(f):
    @functools.wraps(f)
    def inner(*a): return f(*a)
    return inner
@wrap
def named():
    """named's doc"""
print(named.__name__, named.__qualname__, named.__doc__, named.__wrapped__.__name__)
