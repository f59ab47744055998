"""A stand-in for matplotlib, so that notebooks pasted into Autograd Studio run as they are.

Nothing is drawn: matplotlib.pyplot sends the values a notebook plots to the studio's Charts tab
(and, outside the studio, does nothing). Functions return what matplotlib's would print as.
"""

__version__ = "3.6.3"  # the matplotlib whose API this follows
rcParams = {}


def use(backend, force=True):
    """Choosing a backend changes nothing here."""
    return None
