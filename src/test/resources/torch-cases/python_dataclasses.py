# dataclasses: a training config, frozen and ordered records, field(default_factory), asdict, replace, and their errors.
from dataclasses import dataclass, field, asdict, fields, replace
import dataclasses
import torch

@dataclass
class Config:
    lr: float = 0.1
    epochs: int = 100
    hidden: list = field(default_factory=lambda: [16, 16])
    name: str = "mlp"

@dataclass(frozen=True, order=True)
class Point:
    x: float
    y: float = 0.0

@dataclass
class Run:
    config: Config
    losses: list = field(default_factory=list)
    note: str = field(default="", repr=False)
    def __post_init__(self):
        self.steps = self.config.epochs * 2

cfg = Config(lr=0.01)
print(cfg, cfg == Config(0.01), cfg == Config(), Config.lr, cfg.hidden is Config().hidden)
p, q = Point(1.0, 2.0), Point(1.0)
print(p, q, p > q, sorted([p, q]), hash(p) == hash(Point(1.0, 2.0)))
try:
    p.x = 5
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e)
r = Run(cfg)
r.losses.append(torch.tensor(0.5).item())
print(r, r.steps, asdict(r), [f.name for f in fields(Run)], replace(cfg, epochs=3))
try:
    Config(1, 2, [3], "x", 5)
except TypeError as e:
    print(e)
try:
    Point()
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
print(Config.__annotations__, dataclasses.is_dataclass(cfg))
x: (lambda: 3)() = 1
class C:
    y: [i for i in range(2)] = 2
def f():
    z: undefined_name = 3
    return z
print(__annotations__, C.__annotations__, f())
