"""json for Autograd Studio: dumps and loads of dicts, lists, strings, numbers, booleans and None (no files)."""


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, msg + ': line ' + str(lineno) + ' column ' + str(colno) + ' (char ' + str(pos) + ')')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _string(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7e):
            code = ord(ch)
            if code > 0xffff:
                code -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff)))
            else:
                out.append('\\u%04x' % code)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _key(k):
    if isinstance(k, str):
        return k
    if k is True:
        return 'true'
    if k is False:
        return 'false'
    if k is None:
        return 'null'
    if isinstance(k, (int, float)):
        return _number(k)
    raise TypeError('keys must be str, int, float, bool or None, not ' + type(k).__name__)


def _number(v):
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, int):
        return str(v)
    if v != v:
        return 'NaN'
    if v == float('inf'):
        return 'Infinity'
    if v == float('-inf'):
        return '-Infinity'
    return repr(v)


def _encode(v, indent, level, item_sep, key_sep, sort_keys, ensure_ascii, default):
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, str):
        return _string(v, ensure_ascii)
    if isinstance(v, (int, float)):
        return _number(v)
    if isinstance(v, (list, tuple, dict)):
        is_dict = isinstance(v, dict)
        if len(v) == 0:
            return '{}' if is_dict else '[]'
        if is_dict:
            items = list(v.items())
            if sort_keys:
                items = sorted(items, key=lambda kv: kv[0])
            parts = [_string(_key(k), ensure_ascii) + key_sep
                     + _encode(x, indent, level + 1, item_sep, key_sep, sort_keys, ensure_ascii, default) for k, x in items]
        else:
            parts = [_encode(x, indent, level + 1, item_sep, key_sep, sort_keys, ensure_ascii, default) for x in v]
        open_, close = ('{', '}') if is_dict else ('[', ']')
        if indent is None:
            return open_ + item_sep.join(parts) + close
        pad = '\n' + indent * (level + 1)
        return open_ + pad + (item_sep.rstrip() + pad).join(parts) + '\n' + indent * level + close
    if default is not None:
        return _encode(default(v), indent, level, item_sep, key_sep, sort_keys, ensure_ascii, default)
    raise TypeError('Object of type ' + type(v).__name__ + ' is not JSON serializable')


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None,
          separators=None, default=None, sort_keys=False):
    if isinstance(indent, int):
        indent = ' ' * indent
    if separators is None:
        separators = (', ', ': ') if indent is None else (',', ': ')
    return _encode(obj, indent, 0, separators[0], separators[1], sort_keys, ensure_ascii, default)


_WS = ' \t\n\r'


def loads(s):
    value, end = _value(s, _skip(s, 0))
    end = _skip(s, end)
    if end != len(s):
        raise JSONDecodeError('Extra data', s, end)
    return value


def _skip(s, i):
    while i < len(s) and s[i] in _WS:
        i += 1
    return i


def _value(s, i):
    if i >= len(s):
        raise JSONDecodeError('Expecting value', s, i)
    ch = s[i]
    if ch == '{':
        return _object(s, i + 1)
    if ch == '[':
        return _array(s, i + 1)
    if ch == '"':
        return _str(s, i + 1)
    for word, value in (('null', None), ('true', True), ('false', False), ('NaN', float('nan')),
                        ('Infinity', float('inf')), ('-Infinity', float('-inf'))):
        if s.startswith(word, i):
            return value, i + len(word)
    j = i
    if j < len(s) and s[j] == '-':
        j += 1
    while j < len(s) and s[j].isdigit():
        j += 1
    is_float = False
    if j < len(s) and s[j] == '.':
        is_float = True
        j += 1
        while j < len(s) and s[j].isdigit():
            j += 1
    if j < len(s) and s[j] in 'eE':
        is_float = True
        j += 1
        if j < len(s) and s[j] in '+-':
            j += 1
        while j < len(s) and s[j].isdigit():
            j += 1
    text = s[i:j]
    if text in ('', '-'):
        raise JSONDecodeError('Expecting value', s, i)
    return (float(text) if is_float else int(text)), j


def _str(s, i):
    start = i - 1
    out = []
    while True:
        if i >= len(s):
            raise JSONDecodeError('Unterminated string starting at', s, start)
        ch = s[i]
        if ch == '"':
            return ''.join(out), i + 1
        if ch == '\\':
            esc = s[i + 1] if i + 1 < len(s) else ''
            if esc == 'u':
                code = int(s[i + 2:i + 6], 16)
                i += 6
                if 0xd800 <= code < 0xdc00 and s.startswith('\\u', i):
                    low = int(s[i + 2:i + 6], 16)
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                    i += 6
                out.append(chr(code))
                continue
            mapped = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
            if esc not in mapped:
                raise JSONDecodeError('Invalid \\escape', s, i)
            out.append(mapped[esc])
            i += 2
            continue
        out.append(ch)
        i += 1


def _array(s, i):
    items = []
    i = _skip(s, i)
    if i < len(s) and s[i] == ']':
        return items, i + 1
    while True:
        value, i = _value(s, _skip(s, i))
        items.append(value)
        i = _skip(s, i)
        if i < len(s) and s[i] == ',':
            i += 1
        elif i < len(s) and s[i] == ']':
            return items, i + 1
        else:
            raise JSONDecodeError("Expecting ',' delimiter", s, i)


def _object(s, i):
    out = {}
    i = _skip(s, i)
    if i < len(s) and s[i] == '}':
        return out, i + 1
    while True:
        i = _skip(s, i)
        if i >= len(s) or s[i] != '"':
            raise JSONDecodeError('Expecting property name enclosed in double quotes', s, i)
        key, i = _str(s, i + 1)
        i = _skip(s, i)
        if i >= len(s) or s[i] != ':':
            raise JSONDecodeError("Expecting ':' delimiter", s, i)
        value, i = _value(s, _skip(s, i + 1))
        out[key] = value
        i = _skip(s, i)
        if i < len(s) and s[i] == ',':
            i += 1
        elif i < len(s) and s[i] == '}':
            return out, i + 1
        else:
            raise JSONDecodeError("Expecting ',' delimiter", s, i)
