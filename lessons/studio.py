"""Helpers the lessons use to compare gradients and to feed the studio's charts.

Plain Python: under real Python with PyTorch the functions just print (compare) or do
nothing (chart). Inside Autograd Studio the native module _studio_host exists too, and
the comparisons and chart points are also handed to the app.
"""

try:
    import _studio_host as _host
except ImportError:
    _host = None


def _values(v):
    """A float, int, bool, tensor or (nested) list as a (nested) list or a float."""
    try:
        v = v.tolist()
    except AttributeError:
        pass
    if isinstance(v, (list, tuple)):
        return [_values(item) for item in v]
    return float(v)


def _flatten(v, out):
    if isinstance(v, list):
        for item in v:
            _flatten(item, out)
    else:
        out.append(v)
    return out


def _show(v, limit=8):
    """Values rounded to 4 decimals: 6.6918, [0.6667, 1.3333] or [[1.0000, 2.0000], ...]."""
    if not isinstance(v, list):
        return f"{v:.4f}"
    flat = _flatten(v, [])
    if len(flat) > limit:
        head = ", ".join([f"{x:.4f}" for x in flat[:3]])
        return "[" + head + ", ... " + str(len(flat)) + " values]"
    return "[" + ", ".join([_show(item, limit) for item in v]) + "]"


def compare(label, manual, autograd, tol=1e-4, factors=None):
    """Print one line comparing a gradient worked out by hand with the one autograd gave.

    manual and autograd may be Python numbers, 0-d tensors, tensors or lists; they match
    when they have as many values and every pair differs by at most tol (plus tol relative
    to the autograd value). Returns True when they match.

    factors, optional, are the manual chain rule's factors, as {"dL/dy_pred": value, ...} or
    a list of (name, value) pairs: inside the studio a mismatch then names the first factor
    that parts from the chain autograd recorded. They change nothing that is printed.
    """
    m = _values(manual)
    a = _values(autograd)
    fm = _flatten(m, [])
    fa = _flatten(a, [])
    ok = len(fm) == len(fa)
    if ok:
        for i in range(len(fm)):
            if not abs(fm[i] - fa[i]) <= tol + tol * abs(fa[i]):
                ok = False
    mark = "✓ match" if ok else "✗ MISMATCH"
    print(f"{label}  manual {_show(m)}  autograd {_show(a)}  {mark}")
    if _host is not None:
        _host.compare(label, manual, autograd, ok, factors)
    return ok


def chart(name, value):
    """Record one point of the series `name` for the studio's live charts (prints nothing)."""
    if _host is not None:
        _host.chart(name, _flatten(_values(value), [])[0])
