"""Python's collections as far as training scripts reach for them: OrderedDict, defaultdict,
Counter, deque and namedtuple. Written in the studio's Python subset, which has no subclasses of
built-in types, so each wraps a dict or list: they print, index, iterate and compare as Python's
do, but isinstance(x, dict) is False."""


class _Mapping:
    def __init__(self, *args, **kwargs):
        self._d = {}
        self.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        if args:
            other = args[0]
            if isinstance(other, _Mapping):
                other = other._d
            if isinstance(other, dict):
                for k in other:
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k in kwargs:
            self[k] = kwargs[k]

    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __eq__(self, other):
        if isinstance(other, _Mapping):
            other = other._d
        return self._d == other

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, *default):
        return self._d.pop(key, *default)

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def clear(self):
        self._d.clear()

    def copy(self):
        return type(self)(self._d)


class OrderedDict(_Mapping):
    def __repr__(self):
        if not self._d:
            return 'OrderedDict()'
        return 'OrderedDict(' + repr(list(self._d.items())) + ')'

    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = list(self._d.items())
            self._d.clear()
            self._d[key] = value
            for k, v in rest:
                self._d[k] = v

    def popitem(self, last=True):
        if not self._d:
            raise KeyError('dictionary is empty')
        key = list(self._d)[-1 if last else 0]
        return key, self._d.pop(key)


class defaultdict(_Mapping):
    def __init__(self, default_factory=None, *args, **kwargs):
        self.default_factory = default_factory
        _Mapping.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def __repr__(self):
        return 'defaultdict(' + repr(self.default_factory) + ', ' + repr(self._d) + ')'

    def copy(self):
        return defaultdict(self.default_factory, self._d)


class Counter(_Mapping):
    def __init__(self, iterable=None, **kwargs):
        _Mapping.__init__(self)
        if iterable is not None:
            self.update(iterable)
        if kwargs:
            self.update(kwargs)

    def update(self, iterable=None, **kwargs):
        if isinstance(iterable, _Mapping):
            iterable = iterable._d
        if isinstance(iterable, dict):
            for k in iterable:
                self._d[k] = self._d.get(k, 0) + iterable[k]
        elif iterable is not None:
            for k in iterable:
                self._d[k] = self._d.get(k, 0) + 1
        for k in kwargs:
            self._d[k] = self._d.get(k, 0) + kwargs[k]

    def __missing__(self, key):
        return 0

    def most_common(self, n=None):
        ranked = sorted(self._d.items(), key=lambda kv: -kv[1])
        return ranked if n is None else ranked[:n]

    def elements(self):
        out = []
        for k in self._d:
            out.extend([k] * self._d[k])
        return out

    def total(self):
        return sum(self._d.values())

    def __repr__(self):
        if not self._d:
            return 'Counter()'
        return 'Counter({' + ', '.join(repr(k) + ': ' + repr(v) for k, v in self.most_common()) + '})'


class deque:
    def __init__(self, iterable=(), maxlen=None):
        self.maxlen = maxlen
        self._items = []
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def extend(self, iterable):
        for x in iterable:
            self.append(x)

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def clear(self):
        self._items.clear()

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items = self._items[-n:] + self._items[:-n]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, x):
        self._items[i] = x

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return 'deque(' + repr(self._items) + ')'
        return 'deque(' + repr(self._items) + ', maxlen=' + repr(self.maxlen) + ')'


def namedtuple(typename, field_names, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(field_names)
    given_defaults = tuple(defaults) if defaults is not None else ()

    class _NamedTuple:
        _fields = fields

        def __init__(self, *args, **kwargs):
            values = list(args)
            missing = fields[len(values):]
            first_default = len(fields) - len(given_defaults)
            for i in range(len(values), len(fields)):
                name = fields[i]
                if name in kwargs:
                    values.append(kwargs[name])
                elif i >= first_default:
                    values.append(given_defaults[i - first_default])
                else:
                    raise TypeError(typename + ".__new__() missing required argument: '" + name + "'")
            if len(values) > len(fields):
                raise TypeError(typename + '.__new__() takes ' + str(len(fields) + 1) + ' positional arguments but '
                                + str(len(values) + 1) + ' were given')
            self._values = tuple(values)
            for name, value in zip(fields, values):
                setattr(self, name, value)

        def __getitem__(self, i):
            return self._values[i]

        def __iter__(self):
            return iter(self._values)

        def __len__(self):
            return len(self._values)

        def __eq__(self, other):
            if isinstance(other, tuple):
                return self._values == other
            return isinstance(other, _NamedTuple) and self._values == other._values

        def __repr__(self):
            return typename + '(' + ', '.join(f + '=' + repr(v) for f, v in zip(fields, self._values)) + ')'

        def _asdict(self):
            return dict(zip(fields, self._values))

        def _replace(self, **changes):
            return _NamedTuple(*[changes.get(f, v) for f, v in zip(fields, self._values)])

    _NamedTuple.__name__ = typename
    _NamedTuple.__qualname__ = typename
    return _NamedTuple
