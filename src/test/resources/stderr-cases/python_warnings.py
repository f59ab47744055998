# The warnings module: warn, categories, filters (which also silence PyTorch's warnings), catch_warnings.
import warnings
import torch
x = torch.ones(2, requires_grad=True)
y = x * 2
print(y.grad)
warnings.warn("first")
warnings.warn("careful", DeprecationWarning)
warnings.warn(RuntimeWarning("as instance"))
class MyWarning(UserWarning):
    pass
warnings.warn("mine", MyWarning)
for i in range(3):
    warnings.warn("loop")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded")
    z = x * 3
    print(z.grad)
    print(len(w), w[0].category.__name__, str(w[0].message), w[-1].lineno)
warnings.filterwarnings("ignore", message="skip")
warnings.warn("skip me")
warnings.warn("Skip me too")
warnings.warn("not skipped")
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom")
    except UserWarning as e:
        print("raised:", e)
warnings.filterwarnings("ignore")
print((x * 4).grad)
warnings.warn("silent")
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
try:
    warnings.simplefilter("nope")
except AssertionError as e:
    print(e)
print("end")
