"""Python's functools as far as scripts use it: reduce, partial, wraps, lru_cache and cache."""

_MISSING = object()


def reduce(function, iterable, initial=_MISSING):
    it = iter(iterable)
    if initial is _MISSING:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value')
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args] + [k + '=' + repr(v) for k, v in self.keywords.items()]
        return 'functools.partial(' + ', '.join(parts) + ')'


def wraps(wrapped):
    def decorate(wrapper):
        for name in ('__name__', '__qualname__', '__doc__'):
            try:
                setattr(wrapper, name, getattr(wrapped, name))
            except (AttributeError, TypeError):
                pass
        wrapper.__wrapped__ = wrapped
        return wrapper
    return decorate


def _cached(function):
    results = {}

    def cached(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in results:
            results[key] = function(*args, **kwargs)
        return results[key]

    def cache_clear():
        results.clear()

    cached.cache_clear = cache_clear
    return wraps(function)(cached)


def lru_cache(maxsize=128, typed=False):
    # results are kept without a bound: the scripts of a lesson are small
    if callable(maxsize):
        return _cached(maxsize)
    return _cached


def cache(function):
    return _cached(function)
