package org.autogradstudio.script.runtime;

import java.util.Map;
import org.autogradstudio.script.PyFormat;

/** {@code "%.2f" % x} and {@code "{:.2f}".format(x)}, built on the format-spec mini-language. */
final class StringFormatting {
    private StringFormatting() {
    }

    // ---------------------------------------------------------------- printf-style

    static String percent(String fmt, Object args) {
        Object[] values = args instanceof PyTuple t ? t.toArray() : new Object[] {args};
        Object mapping = args instanceof PyDict ? args : null;
        StringBuilder sb = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i++);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i >= fmt.length()) {
                throw Py.valueError("incomplete format");
            }
            Object value = null;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                if (close < 0 || mapping == null) {
                    throw Py.typeError("format requires a mapping");
                }
                value = Ops.getItem(mapping, fmt.substring(i + 1, close));
                i = close + 1;
            }
            StringBuilder flags = new StringBuilder();
            while (i < fmt.length() && "-+ #0".indexOf(fmt.charAt(i)) >= 0) {
                flags.append(fmt.charAt(i++));
            }
            StringBuilder width = new StringBuilder();
            if (i < fmt.length() && fmt.charAt(i) == '*') {
                width.append(Numbers.indexValue(values[next++]));
                i++;
            }
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                width.append(fmt.charAt(i++));
            }
            String precision = "";
            if (i < fmt.length() && fmt.charAt(i) == '.') {
                i++;
                int ps = i;
                while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                precision = "." + (i == ps ? "0" : fmt.substring(ps, i));
            }
            if (i >= fmt.length()) {
                throw Py.valueError("incomplete format");
            }
            char type = fmt.charAt(i++);
            if (type == '%') {
                sb.append('%');
                continue;
            }
            if (value == null) {
                if (mapping != null) {
                    value = mapping;
                } else if (next >= values.length) {
                    throw Py.typeError("not enough arguments for format string");
                } else {
                    value = values[next++];
                }
            }
            sb.append(convert(type, value, flags.toString(), width.toString(), precision));
        }
        if (mapping == null && next < values.length) {
            throw Py.typeError("not all arguments converted during string formatting");
        }
        return sb.toString();
    }

    private static String convert(char type, Object value, String flags, String width, String precision) {
        String align = flags.indexOf('-') >= 0 ? "<" : "";
        String sign = flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        String zero = flags.indexOf('0') >= 0 && align.isEmpty() ? "0" : "";
        String alt = flags.indexOf('#') >= 0 ? "#" : "";
        switch (type) {
            case 'd': case 'i': case 'u': {
                Object n = numberArg(type, value, true);
                return PyFormat.formatInt((Number) n, align + sign + zero + width + "d");
            }
            case 'x': case 'X': case 'o': {
                Object n = numberArg(type, value, true);
                return PyFormat.formatInt((Number) n, align + sign + alt + zero + width + type);
            }
            case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
                double d = Numbers.toDouble(numberArg(type, value, false), "");
                String p = precision.isEmpty() ? ".6" : precision;
                return PyFormat.formatFloat(d, align + sign + alt + zero + width + p + type);
            }
            case 's': case 'r': case 'a': {
                String s = type == 's' ? Ops.str(value) : Ops.repr(value);
                if (!precision.isEmpty()) {
                    s = s.substring(0, Math.min(s.length(), Integer.parseInt(precision.substring(1))));
                }
                return width.isEmpty() ? s : PyFormat.formatStr(s, (align.isEmpty() ? ">" : align) + width);
            }
            case 'c': {
                String s = value instanceof String str ? str : new String(Character.toChars((int) Numbers.indexValue(value)));
                return width.isEmpty() ? s : PyFormat.formatStr(s, (align.isEmpty() ? ">" : align) + width);
            }
            default:
                throw Py.valueError("unsupported format character '" + type + "' (0x" + Integer.toHexString(type) + ")");
        }
    }

    private static Object numberArg(char type, Object value, boolean integral) {
        if (!Numbers.isNumber(value)) {
            if (value instanceof PyObject p && !(value instanceof PySingleton) && !(value instanceof PyList)
                    && !(value instanceof PyTuple) && !(value instanceof PyDict)) {
                return integral ? p.toInt() : (Object) p.toDouble();
            }
            throw Py.typeError("%" + type + " format: a " + (integral && type != 'd' && type != 'i' && type != 'u'
                    ? "integer" : "real number") + " is required, not " + Ops.typeName(value));
        }
        if (integral && value instanceof Double d) {
            if (type == 'x' || type == 'X' || type == 'o') {
                throw Py.typeError("%" + type + " format: an integer is required, not float");
            }
            return Numbers.floatToInt(d);
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return value;
    }

    // ---------------------------------------------------------------- str.format

    static String format(String fmt, Object[] args, Map<String, Object> kwargs) {
        return new Formatter(fmt, args, kwargs, null).run(0);
    }

    static String formatMap(String fmt, Object mapping) {
        return new Formatter(fmt, new Object[0], Map.of(), mapping).run(0);
    }

    private static final class Formatter {
        private final String fmt;
        private final Object[] args;
        private final Map<String, Object> kwargs;
        private final Object mapping;
        private int auto;

        Formatter(String fmt, Object[] args, Map<String, Object> kwargs, Object mapping) {
            this.fmt = fmt;
            this.args = args;
            this.kwargs = kwargs;
            this.mapping = mapping;
        }

        String run(int depth) {
            if (depth > 2) {
                throw Py.valueError("Max string recursion exceeded");
            }
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < fmt.length()) {
                char c = fmt.charAt(i);
                if (c == '{') {
                    if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
                        sb.append('{');
                        i += 2;
                        continue;
                    }
                    int close = matching(i);
                    sb.append(field(fmt.substring(i + 1, close), depth));
                    i = close + 1;
                } else if (c == '}') {
                    if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
                        sb.append('}');
                        i += 2;
                        continue;
                    }
                    throw Py.valueError("Single '}' encountered in format string");
                } else {
                    sb.append(c);
                    i++;
                }
            }
            return sb.toString();
        }

        private int matching(int open) {
            int depth = 0;
            for (int j = open; j < fmt.length(); j++) {
                char c = fmt.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return j;
                }
            }
            throw Py.valueError("expected '}' before end of string");
        }

        private String field(String body, int depth) {
            int colon = -1;
            int bang = -1;
            int bracket = 0;
            for (int j = 0; j < body.length(); j++) {
                char c = body.charAt(j);
                if (c == '[') {
                    bracket++;
                } else if (c == ']') {
                    bracket--;
                } else if (bracket == 0 && c == '!' && bang < 0) {
                    bang = j;
                } else if (bracket == 0 && c == ':') {
                    colon = j;
                    break;
                }
            }
            int nameEnd = bang >= 0 ? bang : colon >= 0 ? colon : body.length();
            String name = body.substring(0, nameEnd);
            char conversion = 0;
            if (bang >= 0) {
                int convEnd = colon >= 0 ? colon : body.length();
                if (convEnd - bang != 2) {
                    throw Py.valueError("expected ':' after conversion specifier");
                }
                conversion = body.charAt(bang + 1);
            }
            String spec = colon >= 0 ? body.substring(colon + 1) : "";
            if (spec.indexOf('{') >= 0) {
                spec = new Formatter(spec, args, kwargs, mapping).withAuto(this).run(depth + 1);
            }
            Object value = resolve(name);
            if (conversion == 'r' || conversion == 'a') {
                value = Ops.repr(value);
            } else if (conversion == 's') {
                value = Ops.str(value);
            } else if (conversion != 0) {
                throw Py.valueError("Unknown conversion specifier " + conversion);
            }
            return Ops.format(value, spec);
        }

        private Formatter withAuto(Formatter parent) {
            this.auto = parent.auto;
            return this;
        }

        private Object resolve(String name) {
            int j = 0;
            while (j < name.length() && name.charAt(j) != '.' && name.charAt(j) != '[') {
                j++;
            }
            String first = name.substring(0, j);
            Object value;
            if (first.isEmpty()) {
                if (auto < 0) {
                    throw Py.valueError("cannot switch from manual field specification to automatic field numbering");
                }
                value = positional(auto++);
            } else if (first.chars().allMatch(Character::isDigit)) {
                auto = -1;
                value = positional(Integer.parseInt(first));
            } else if (mapping != null) {
                value = Ops.getItem(mapping, first);
            } else {
                value = kwargs.get(first);
                if (value == null) {
                    throw Py.keyError(first);
                }
            }
            while (j < name.length()) {
                if (name.charAt(j) == '.') {
                    int k = j + 1;
                    while (k < name.length() && name.charAt(k) != '.' && name.charAt(k) != '[') {
                        k++;
                    }
                    value = Ops.getAttr(value, name.substring(j + 1, k));
                    j = k;
                } else {
                    int k = name.indexOf(']', j);
                    if (k < 0) {
                        throw Py.valueError("Missing ']' in format string");
                    }
                    String key = name.substring(j + 1, k);
                    Object keyValue = key.chars().allMatch(Character::isDigit) && !key.isEmpty()
                            ? (Object) Long.parseLong(key) : key;
                    value = Ops.getItem(value, keyValue);
                    j = k + 1;
                }
            }
            return value;
        }

        private Object positional(int i) {
            if (i >= args.length) {
                throw Py.indexError("Replacement index " + i + " out of range for positional args tuple");
            }
            return args[i];
        }
    }
}
