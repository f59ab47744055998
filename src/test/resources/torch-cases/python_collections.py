# collections (OrderedDict, defaultdict, Counter, deque, namedtuple) as training scripts use them, and renaming a class
from collections import OrderedDict, defaultdict, Counter, deque, namedtuple
import collections
od = OrderedDict(); od['z'] = 1; od['a'] = 2
print(od, list(od.keys()), len(od), 'a' in od, od.get('q', 7))
od.move_to_end('z'); print(od, od.popitem(), od)
print(OrderedDict([('x', 1)]), OrderedDict())
dd = defaultdict(list)
for w in ['apple', 'avocado', 'banana']:
    dd[w[0]].append(w)
print(dd, dd['a'], sorted(dd.items()), len(dd))
c = Counter('abracadabra')
print(c, c.most_common(2), c['a'], c['z'], sum(c.values()))
q = deque([1, 2, 3], maxlen=3); q.append(4); q.appendleft(0)
print(q, q.popleft(), q.pop(), len(q), list(q), deque())
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2); x, y = p
print(p, p.x, p[1], x + y, p._asdict(), p == (1, 2), Point._fields, p._replace(x=5), type(p).__name__)
P3 = namedtuple('P3', 'a b c', defaults=[0])
print(P3(1, 2), collections.Counter([1, 1, 2]))
class A: pass
A.__name__ = "B"
print(A, A.__name__, A.__qualname__)
try:
    A.__name__ = 3
except TypeError as e:
    print(e)
