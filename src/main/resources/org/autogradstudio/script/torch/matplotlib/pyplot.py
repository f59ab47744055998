"""matplotlib.pyplot as Autograd Studio runs it: each plotted series goes to the studio's Charts
tab, named by its label (else "plot 1", "plot 2", ... in the order plotted); titles, labels, legends, grids and show()
change nothing, and no file is written. The values functions return print as matplotlib's do.
Any other pyplot function is accepted and does nothing.
"""

try:
    import _studio_host as _host
except ImportError:
    _host = None

_plotted = [0]
# lines on the current axes: an unlabelled line is called "_child<n>", as matplotlib calls it
_on_axes = [0]


def _values(v):
    try:
        v = v.tolist()
    except AttributeError:
        pass
    if isinstance(v, (list, tuple)):
        out = []
        for item in v:
            item = _values(item)
            if isinstance(item, list):
                out.extend(item)
            else:
                out.append(item)
        return out
    return float(v)


def _is_format(a):
    return isinstance(a, str)


class Line2D:
    __module__ = 'matplotlib.lines'

    def __init__(self, label):
        self._label = label

    def get_label(self):
        return self._label

    def set_label(self, label):
        self._label = label


class PathCollection:
    __module__ = 'matplotlib.collections'


class Text:
    def __init__(self, x, y, text):
        self._x, self._y, self._text = x, y, text

    def get_text(self):
        return self._text

    def __repr__(self):
        return f"Text({self._x}, {self._y}, {self._text!r})"


class Legend:
    def __repr__(self):
        return "Legend"


def plot(*args, label=None, **kwargs):
    """plot(y), plot(x, y), plot(x, y, 'r--', x2, y2, ...): one line per y, its values charted."""
    groups = []
    rest = [a for a in args]
    while rest:
        if len(rest) >= 2 and not _is_format(rest[1]):
            x, y, rest = rest[0], rest[1], rest[2:]
        else:
            y, rest = rest[0], rest[1:]
        if rest and _is_format(rest[0]):
            rest = rest[1:]
        groups.append(y)
    lines = []
    for y in groups:
        _plotted[0] += 1
        name = str(label) if label is not None else "_child" + str(_on_axes[0])
        _on_axes[0] += 1
        if _host is not None:
            series = name if not name.startswith("_") else "plot " + str(_plotted[0])
            for v in _values(y):
                _host.chart(series, v)
        lines.append(Line2D(name))
    return lines


def scatter(x, y, *args, **kwargs):
    return PathCollection()


def title(label, *args, **kwargs):
    return Text(0.5, 1.0, label)


def xlabel(label, *args, **kwargs):
    return Text(0.5, 0, label)


def ylabel(label, *args, **kwargs):
    return Text(0, 0.5, label)


def legend(*args, **kwargs):
    return Legend()


def xlim(*args, **kwargs):
    if len(args) == 2:
        return (float(args[0]), float(args[1]))
    return (0.0, 1.0)


def ylim(*args, **kwargs):
    return xlim(*args, **kwargs)


def show(*args, **kwargs):
    return None


class Axes:
    def __init__(self, position):
        self._position = position

    def __repr__(self):
        return "<AxesSubplot: >"

    def __str__(self):
        return "AxesSubplot(" + self._position + ")"

    def plot(self, *args, **kwargs):
        return plot(*args, **kwargs)

    def scatter(self, *args, **kwargs):
        return scatter(*args, **kwargs)

    def set_title(self, label, *args, **kwargs):
        return title(label)

    def set_xlabel(self, label, *args, **kwargs):
        return xlabel(label)

    def set_ylabel(self, label, *args, **kwargs):
        return ylabel(label)

    def legend(self, *args, **kwargs):
        return Legend()

    def __getattr__(self, name):
        return _nothing


class Figure:
    def __init__(self, figsize=None):
        w, h = figsize if figsize is not None else (6.4, 4.8)
        self._size = str(int(w * 100)) + "x" + str(int(h * 100))

    def __repr__(self):
        return "<Figure size " + self._size + " with 0 Axes>"

    def __str__(self):
        return "Figure(" + self._size + ")"

    def __getattr__(self, name):
        return _nothing


def figure(*args, figsize=None, **kwargs):
    _on_axes[0] = 0
    return Figure(figsize)


def _position(nrows, ncols, index):
    """Where subplot `index` (from 1) of an nrows x ncols grid sits, with matplotlib's default margins and spacing."""
    left, right, bottom, top, wspace, hspace = 0.125, 0.9, 0.11, 0.88, 0.2, 0.2
    w = (right - left) / (ncols + wspace * (ncols - 1))
    h = (top - bottom) / (nrows + hspace * (nrows - 1))
    row, col = (index - 1) // ncols, (index - 1) % ncols
    x0 = left + col * w * (1 + wspace)
    y0 = top - (row + 1) * h - row * h * hspace
    return f"{x0:g},{y0:g};{w:g}x{h:g}"


def subplots(nrows=1, ncols=1, *, figsize=None, **kwargs):
    _on_axes[0] = 0
    fig = Figure(figsize)
    if nrows == 1 and ncols == 1:
        return fig, Axes(_position(1, 1, 1))
    axes = [Axes(_position(nrows, ncols, k + 1)) for k in range(nrows * ncols)]
    if nrows > 1 and ncols > 1:
        axes = [axes[r * ncols:(r + 1) * ncols] for r in range(nrows)]
    return fig, axes


def subplot(*args, **kwargs):
    """subplot(nrows, ncols, index) or subplot(121)."""
    if len(args) == 1 and isinstance(args[0], int) and args[0] >= 111:
        args = (args[0] // 100, args[0] // 10 % 10, args[0] % 10)
    if len(args) == 3:
        return Axes(_position(*args))
    return Axes(_position(1, 1, 1))


def gca():
    return Axes(_position(1, 1, 1))


def gcf():
    return Figure()


def _nothing(*args, **kwargs):
    return None


def __getattr__(name):
    # grid, savefig, tight_layout, hist, imshow, subplot, close ...: accepted, nothing happens
    if name.startswith('__'):
        raise AttributeError(f"module 'matplotlib.pyplot' has no attribute '{name}'")
    return _nothing
