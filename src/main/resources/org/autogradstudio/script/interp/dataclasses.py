"""dataclasses for Autograd Studio: @dataclass with field(), fields(), asdict(), astuple() and replace().

Written for the interpreter (no exec): the generated methods are closures over the class's fields.
"""


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.kw_only = kw_only

    def __repr__(self):
        return ('Field(name=' + repr(self.name) + ',type=' + repr(self.type) + ',default=' + repr(self.default)
                + ',default_factory=' + repr(self.default_factory) + ',init=' + repr(self.init)
                + ',repr=' + repr(self.repr) + ',hash=' + repr(self.hash) + ',compare=' + repr(self.compare) + ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, kw_only)


def _fields_of(cls):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        inherited = getattr(base, '__dataclass_fields__', None)
        if inherited:
            for f in inherited.values():
                fields[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    for name, typ in annotations.items():
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default, MISSING, True, True, None, True, MISSING)
        f.name = name
        f.type = typ
        if isinstance(f.default, (list, dict, set)):
            raise ValueError('mutable default ' + str(type(f.default)) + ' for field ' + name
                             + ' is not allowed: use default_factory')
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    return fields


def _process(cls, init, repr_, eq, order, frozen):
    fields = _fields_of(cls)
    cls.__dataclass_fields__ = fields
    init_fields = [f for f in fields.values() if f.init]
    seen_default = False
    for f in init_fields:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError("non-default argument '" + f.name + "' follows default argument")
        seen_default = seen_default or has_default
    name = cls.__name__

    if init and '__init__' not in cls.__dict__:
        def __init__(self, *args, **kwargs):
            if len(args) > len(init_fields):
                required = len([f for f in init_fields if f.default is MISSING and f.default_factory is MISSING])
                takes = str(len(init_fields) + 1) if required == len(init_fields) else (
                    'from ' + str(required + 1) + ' to ' + str(len(init_fields) + 1))
                raise TypeError(name + '.__init__() takes ' + takes + ' positional argument'
                                + ('' if takes == '1' else 's') + ' but ' + str(len(args) + 1) + ' were given')
            values = {}
            for f, v in zip(init_fields, args):
                values[f.name] = v
            for key, v in kwargs.items():
                if key not in [f.name for f in init_fields]:
                    raise TypeError(name + ".__init__() got an unexpected keyword argument '" + key + "'")
                if key in values:
                    raise TypeError(name + ".__init__() got multiple values for argument '" + key + "'")
                values[key] = v
            missing = [f.name for f in init_fields if f.name not in values
                       and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                quoted = ["'" + m + "'" for m in missing]
                listed = quoted[0] if len(quoted) == 1 else ', '.join(quoted[:-1]) + ' and ' + quoted[-1]
                raise TypeError(name + '.__init__() missing ' + str(len(missing)) + ' required positional argument'
                                + ('' if len(missing) == 1 else 's') + ': ' + listed)
            for f in fields.values():
                if f.name in values:
                    v = values[f.name]
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                elif f.default is not MISSING:
                    v = f.default
                else:
                    continue
                object.__setattr__(self, f.name, v)
            if hasattr(self, '__post_init__'):
                self.__post_init__()
        cls.__init__ = __init__

    if repr_ and '__repr__' not in cls.__dict__:
        def __repr__(self):
            parts = [f.name + '=' + repr(getattr(self, f.name)) for f in fields.values() if f.repr]
            return type(self).__qualname__ + '(' + ', '.join(parts) + ')'
        cls.__repr__ = __repr__

    def _key(obj):
        return tuple(getattr(obj, f.name) for f in fields.values() if f.compare)

    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) == _key(other)
            return NotImplemented
        cls.__eq__ = __eq__

    if order:
        def __lt__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) < _key(other)
            return NotImplemented

        def __le__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) <= _key(other)
            return NotImplemented

        def __gt__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) > _key(other)
            return NotImplemented

        def __ge__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) >= _key(other)
            return NotImplemented
        cls.__lt__ = __lt__
        cls.__le__ = __le__
        cls.__gt__ = __gt__
        cls.__ge__ = __ge__

    if frozen:
        def __setattr__(self, attr, value):
            if attr in fields:
                raise FrozenInstanceError("cannot assign to field '" + attr + "'")
            object.__setattr__(self, attr, value)
        cls.__setattr__ = __setattr__

        def __hash__(self):
            return hash(_key(self))
        cls.__hash__ = __hash__
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(obj):
    found = getattr(obj, '__dataclass_fields__', None)
    if found is None:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(found.values())


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def asdict(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return {f.name: _as_plain(getattr(obj, f.name), dict) for f in fields(obj)}


def astuple(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple(_as_plain(getattr(obj, f.name), tuple) for f in fields(obj))


def _as_plain(value, kind):
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value) if kind is dict else astuple(value)
    if isinstance(value, list):
        return [_as_plain(v, kind) for v in value]
    if isinstance(value, tuple):
        return tuple(_as_plain(v, kind) for v in value)
    if isinstance(value, dict):
        return {_as_plain(k, kind): _as_plain(v, kind) for k, v in value.items()}
    return value


def replace(obj, **changes):
    values = {f.name: getattr(obj, f.name) for f in fields(obj) if f.init}
    values.update(changes)
    return obj.__class__(**values)
