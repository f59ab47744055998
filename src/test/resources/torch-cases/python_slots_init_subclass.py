# __slots__ limit an instance's attributes (a subclass without them does not); __init_subclass__ sees each new subclass.
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slotted()
s.b = 2
print(s.a, s.b)
try:
    s.c = 3
except AttributeError as e:
    print(e)
class Child(Slotted):
    __slots__ = ("c",)
k = Child()
k.c = 4
print(k.a, k.c)
class Free(Slotted):
    pass
f = Free()
f.z = 5
print(f.z)
class One:
    __slots__ = "only"
o = One()
o.only = 1
try:
    o.other = 2
except AttributeError as e:
    print(e)
class Registry:
    members = []
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Registry.members.append(cls.__name__)
class R1(Registry):
    pass
class R2(R1):
    pass
print(Registry.members)
class Plugin:
    found = {}
    @classmethod
    def __init_subclass__(cls):
        Plugin.found[cls.__name__.lower()] = cls
class Csv(Plugin):
    pass
print(sorted(Plugin.found))
