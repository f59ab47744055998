# traceback.print_exc() and format_exc() inside except clauses, chained ones included.
import traceback
import torch
print(traceback.format_exc(), end="")
def step(x):
    return x @ torch.ones(3)
try:
    step(torch.ones(2))
except RuntimeError:
    traceback.print_exc()
    text = traceback.format_exc()
print("lines:", len(text.splitlines()), text.splitlines()[-1])
try:
    try:
        {}["k"]
    except KeyError:
        1 / 0
except ZeroDivisionError:
    traceback.print_exc()
print("done")
