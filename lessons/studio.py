"""Helpers for Autograd Studio lessons.

compare() prints a gradient worked out by hand next to autograd's; chart() records a value for the
studio's live charts. Under real Python with PyTorch this file only prints, so every lesson runs
unchanged there; inside the studio the native _studio_host module also receives the numbers, so
the app can show the comparison side by side and draw the chart while a loop runs.
"""
try:
    import _studio_host as _host
except ImportError:
    _host = None


def _flat(value):
    """A float, a tensor or a (nested) list as a flat list of floats."""
    if hasattr(value, "detach"):
        value = value.detach().tolist()
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            out.extend(_flat(v))
        return out
    return [float(value)]


def _text(values):
    parts = [f"{v:.4f}" for v in values]
    if len(parts) == 1:
        return parts[0]
    return "[" + ", ".join(parts) + "]"


def compare(label, manual, autograd, tol=1e-4):
    """Prints one line: label, the manual value, autograd's value, and whether they agree."""
    m = _flat(manual)
    a = _flat(autograd)
    ok = len(m) == len(a)
    if ok:
        for x, y in zip(m, a):
            if abs(x - y) > tol * max(1.0, abs(y)):
                ok = False
    mark = "✓ match" if ok else "✗ MISMATCH"
    print(f"{label}  manual {_text(m)}  autograd {_text(a)}  {mark}")
    if _host is not None:
        _host.compare(label, manual, autograd, ok)
    return ok


def chart(name, value):
    """Adds a point to the studio's live chart called name (prints nothing)."""
    if _host is not None:
        _host.chart(name, _flat(value)[0])
