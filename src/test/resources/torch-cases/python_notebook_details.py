# Details a pasted notebook prints: type names of torch objects, __class__, str.expandtabs,
# the time module's clocks, and PyTorch's message for writing into a view of a leaf.
import time
import torch
import torch.nn as nn
x = torch.ones(2, 2, requires_grad=True)
print(type(x), type(x.shape), type(x.dtype), type(x.device))
print(type(torch.optim.SGD([x], lr=0.1)), type(torch.optim.Adam([x])))
print(type(nn.MSELoss()), type(nn.BCEWithLogitsLoss()))
print(type(x.max(dim=0)), type(x.max(dim=0)) is type(x.min(dim=1)), type(torch.no_grad()))
print(type(x.shape) is type(torch.zeros(3).shape))
print(x.__class__, x.__class__.__name__, (1).__class__, "s".__class__, [].__class__.__name__)
print(repr("a\tb".expandtabs(4)), repr("ab\tc\n\td".expandtabs()), repr("x\ty".expandtabs(tabsize=0)))
t0 = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - t0 >= 0.01, type(time.time()), type(time.perf_counter_ns()))
for write in ["x[0] = 5", "x[:, 1] = 5", "x[0:1] = 5", "x[...] = 5", "x[x > 0] = 5", "x[[0]] = 5"]:
    try:
        if write == "x[0] = 5":
            x[0] = 5
        elif write == "x[:, 1] = 5":
            x[:, 1] = 5
        elif write == "x[0:1] = 5":
            x[0:1] = 5
        elif write == "x[...] = 5":
            x[...] = 5
        elif write == "x[x > 0] = 5":
            x[x > 0] = 5
        else:
            x[[0]] = 5
    except RuntimeError as e:
        print(write, "->", e)
