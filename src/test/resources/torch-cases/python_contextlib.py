# contextlib (contextmanager, suppress, nullcontext) and generator.throw, which contextmanager is built on.
from contextlib import contextmanager, nullcontext, suppress
import contextlib
import torch

@contextmanager
def timer(name):
    print("start", name)
    try:
        yield name.upper()
    finally:
        print("end", name)

with timer("train") as t:
    print("inside", t)

@contextmanager
def eval_mode(model):
    was = model.training
    model.eval()
    try:
        yield model
    finally:
        model.train(was)

net = torch.nn.Linear(2, 1)
with eval_mode(net) as m:
    print(m.training)
print(net.training)

@contextmanager
def catching():
    try:
        yield
    except ZeroDivisionError as e:
        print("handled", e)

with catching():
    1 / 0
print("continued")
try:
    with timer("fail"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with suppress(ValueError, KeyError):
    int("x")
print("suppressed")
with nullcontext(5) as v:
    print(v)
cm = torch.no_grad() if True else nullcontext()
with cm:
    print((torch.ones(1, requires_grad=True) * 2).requires_grad)

@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print(e)
def gen():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 2
g = gen()
print(next(g), g.throw(ValueError("boom")))
try:
    g.throw(KeyError("again"))
except KeyError as e:
    print("raised", e)
fresh = gen()
try:
    fresh.throw(TypeError("early"))
except TypeError as e:
    print("early", e)
