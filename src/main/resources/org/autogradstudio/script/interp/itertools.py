"""Python's itertools as far as scripts use it. The finite ones build their items eagerly and
return an iterator over them; count, cycle and repeat are lazy."""


def chain(*iterables):
    out = []
    for it in iterables:
        out.extend(it)
    return iter(out)


def _from_iterable(iterables):
    return chain(*list(iterables))


chain.from_iterable = _from_iterable


def product(*iterables, repeat=1):
    pools = [list(p) for p in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [r + [y] for r in result for y in pool]
    return iter([tuple(r) for r in result])


def permutations(iterable, r=None):
    pool = list(iterable)
    n = len(pool)
    r = n if r is None else r
    out = []

    def build(prefix, remaining):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in remaining:
            build(prefix + [i], [j for j in remaining if j != i])

    if r <= n:
        build([], list(range(n)))
    return iter(out)


def _combinations(iterable, r, again):
    pool = list(iterable)
    out = []

    def build(start, prefix):
        if len(prefix) == r:
            out.append(tuple(prefix))
            return
        for i in range(start, len(pool)):
            build(i if again else i + 1, prefix + [pool[i]])

    build(0, [])
    return iter(out)


def combinations(iterable, r):
    return _combinations(iterable, r, False)


def combinations_with_replacement(iterable, r):
    return _combinations(iterable, r, True)


def islice(iterable, *args):
    s = slice(*args)
    start = 0 if s.start is None else s.start
    step = 1 if s.step is None else s.step
    out = []
    for i, x in enumerate(iterable):
        if s.stop is not None and i >= s.stop:
            break
        if i >= start and (i - start) % step == 0:
            out.append(x)
    return iter(out)


def accumulate(iterable, func=None, initial=None):
    out = [] if initial is None else [initial]
    total = initial
    for x in iterable:
        total = x if total is None else (total + x if func is None else func(total, x))
        out.append(total)
    return iter(out)


def starmap(function, iterable):
    return iter([function(*args) for args in iterable])


def zip_longest(*iterables, fillvalue=None):
    lists = [list(it) for it in iterables]
    n = max([len(l) for l in lists], default=0)
    return iter([tuple(l[i] if i < len(l) else fillvalue for l in lists) for i in range(n)])


def pairwise(iterable):
    items = list(iterable)
    return iter([(items[i], items[i + 1]) for i in range(len(items) - 1)])


def groupby(iterable, key=None):
    out = []
    for x in iterable:
        k = x if key is None else key(x)
        if out and out[-1][0] == k:
            out[-1][1].append(x)
        else:
            out.append((k, [x]))
    return iter([(k, iter(group)) for k, group in out])


class count:
    def __init__(self, start=0, step=1):
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = self._next + self._step
        return value

    def __repr__(self):
        return 'count(' + repr(self._next) + ('' if self._step == 1 else ', ' + repr(self._step)) + ')'


class cycle:
    def __init__(self, iterable):
        self._items = list(iterable)
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if not self._items:
            raise StopIteration
        value = self._items[self._i % len(self._items)]
        self._i += 1
        return value


class repeat:
    def __init__(self, obj, times=None):
        self._obj = obj
        self._left = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is not None:
            if self._left <= 0:
                raise StopIteration
            self._left -= 1
        return self._obj
