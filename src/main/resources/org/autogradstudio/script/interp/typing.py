"""typing's names for annotations: each can be subscripted (List[int]) and means nothing more."""


class _Special:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        return args[0] if args else None

    def __repr__(self):
        return 'typing.' + self._name


Any = _Special('Any')
List = _Special('List')
Dict = _Special('Dict')
Tuple = _Special('Tuple')
Set = _Special('Set')
Optional = _Special('Optional')
Union = _Special('Union')
Callable = _Special('Callable')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Sequence = _Special('Sequence')
Mapping = _Special('Mapping')
Type = _Special('Type')
NamedTuple = _Special('NamedTuple')
TypeVar = _Special('TypeVar')


def cast(typ, value):
    return value
