package org.autogradstudio.script.runtime;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/** Constructors of the built-in types: {@code int("3")}, {@code float("1e-3")}, {@code list(x)} ... */
final class Conversions {
    /** Compiled on the first {@code float(str)}, not when {@code range()} first loads this class. */
    private static final class Syntax {
        static final Pattern FLOAT = Pattern.compile(
                "[+-]?((\\d(_?\\d)*)?\\.?\\d(_?\\d)*|\\d(_?\\d)*\\.)([eE][+-]?\\d(_?\\d)*)?");
        static final Pattern SPECIAL = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    }

    private Conversions() {
    }

    private static void noKwargs(String name, Map<String, Object> kwargs) {
        if (!kwargs.isEmpty()) {
            throw Py.typeError(name + "() takes no keyword arguments");
        }
    }

    private static void atMost(String name, Object[] args, int n) {
        if (args.length > n) {
            throw Py.typeError(name + " expected at most " + n + " argument" + (n == 1 ? "" : "s") + ", got "
                    + args.length);
        }
    }

    static Object type(Object[] args, Map<String, Object> kwargs) {
        if (args.length == 1) {
            return Ops.type(args[0]);
        }
        throw Py.typeError("type() takes 1 argument (creating classes with type() is not supported)");
    }

    static Object toInt(Object[] args, Map<String, Object> kwargs) {
        Object base = kwargs.get("base");
        if (args.length > 1) {
            base = args[1];
        }
        if (args.length == 0) {
            return 0L;
        }
        Object x = args[0];
        if (base != null) {
            if (!(x instanceof String s)) {
                throw Py.typeError("int() can't convert non-string with explicit base");
            }
            return parseInt(s, (int) Numbers.indexValue(base));
        }
        if (x instanceof Long || x instanceof BigInteger) {
            return x;
        }
        if (x instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (x instanceof Double d) {
            return Numbers.floatToInt(d);
        }
        if (x instanceof String s) {
            return parseInt(s, 10);
        }
        if (x instanceof PyObject p && !(x instanceof PySingleton) && !(x instanceof PyList) && !(x instanceof PyTuple)
                && !(x instanceof PyDict)) {
            Object r = p.toInt();
            if (r instanceof Double d) {
                return Numbers.floatToInt(d);
            }
            return r;
        }
        throw Py.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + Ops.typeName(x) + "'");
    }

    static Object parseInt(String s, int base) {
        String t = s.strip().replace("_", "");
        boolean neg = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            neg = t.startsWith("-");
            t = t.substring(1);
        }
        int b = base;
        String lower = t.toLowerCase();
        if ((b == 16 || b == 0) && lower.startsWith("0x")) {
            b = 16;
            t = t.substring(2);
        } else if ((b == 8 || b == 0) && lower.startsWith("0o")) {
            b = 8;
            t = t.substring(2);
        } else if ((b == 2 || b == 0) && lower.startsWith("0b")) {
            b = 2;
            t = t.substring(2);
        } else if (b == 0) {
            b = 10;
        }
        try {
            if (t.isEmpty() || s.strip().startsWith("_") || s.strip().endsWith("_") || s.contains("__")) {
                throw new NumberFormatException();
            }
            if (t.length() > 4300 && b == 10) {
                throw Py.valueError("Exceeds the limit (4300 digits) for integer string conversion: value has "
                        + t.length() + " digits; use sys.set_int_max_str_digits() to increase the limit");
            }
            BigInteger v = new BigInteger(t, b);
            return Numbers.normalize(neg ? v.negate() : v);
        } catch (NumberFormatException e) {
            throw Py.valueError("invalid literal for int() with base " + base + ": " + Ops.repr(s));
        }
    }

    static Object toFloat(Object[] args, Map<String, Object> kwargs) {
        noKwargs("float", kwargs);
        atMost("float", args, 1);
        if (args.length == 0) {
            return 0.0;
        }
        Object x = args[0];
        if (x instanceof String s) {
            return parseFloat(s);
        }
        if (x instanceof Double) {
            return x;
        }
        if (Numbers.isNumber(x)) {
            return Numbers.toDouble(x, "");
        }
        if (x instanceof PyObject p && !(x instanceof PySingleton) && !(x instanceof PyList) && !(x instanceof PyTuple)
                && !(x instanceof PyDict)) {
            return p.toDouble();
        }
        throw Py.typeError("float() argument must be a string or a real number, not '" + Ops.typeName(x) + "'");
    }

    static double parseFloat(String s) {
        String t = s.strip();
        if (Syntax.SPECIAL.matcher(t).matches()) {
            boolean neg = t.startsWith("-");
            if (t.toLowerCase().endsWith("nan")) {
                return Double.NaN;
            }
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!Syntax.FLOAT.matcher(t).matches()) {
            throw Py.valueError("could not convert string to float: " + Ops.repr(s));
        }
        return Double.parseDouble(t.replace("_", ""));
    }

    static Object toBool(Object[] args, Map<String, Object> kwargs) {
        noKwargs("bool", kwargs);
        atMost("bool", args, 1);
        return args.length > 0 && Ops.truthy(args[0]);
    }

    static Object toStr(Object[] args, Map<String, Object> kwargs) {
        Object x = args.length > 0 ? args[0] : kwargs.getOrDefault("object", "");
        atMost("str", args, 1);
        return Ops.str(x);
    }

    static Object toList(Object[] args, Map<String, Object> kwargs) {
        noKwargs("list", kwargs);
        atMost("list", args, 1);
        PyList l = new PyList();
        if (args.length > 0) {
            checkSize(args[0]);
            ListMethods.extend(l, args[0]);
        }
        return l;
    }

    private static void checkSize(Object o) {
        if (o instanceof PyRange r && r.length() > Sequences.MAX_SIZE) {
            throw new PyException("MemoryError", "sequence too large (Autograd Studio limit)");
        }
    }

    static Object toTuple(Object[] args, Map<String, Object> kwargs) {
        noKwargs("tuple", kwargs);
        atMost("tuple", args, 1);
        if (args.length == 0) {
            return PyTuple.EMPTY;
        }
        if (args[0] instanceof PyTuple) {
            return args[0];
        }
        checkSize(args[0]);
        return new PyTuple(Ops.toArray(args[0]));
    }

    static Object toDict(Object[] args, Map<String, Object> kwargs) {
        PyDict d = new PyDict();
        DictMethods.update(d, args, kwargs);
        return d;
    }

    static Object toSet(Object[] args, Map<String, Object> kwargs) {
        noKwargs("set", kwargs);
        atMost("set", args, 1);
        if (args.length > 0) {
            checkSize(args[0]);
        }
        return args.length == 0 ? new PySet() : args[0] instanceof PySet s ? PySet.copyOf(s) : PySet.toSet(args[0]);
    }

    static Object range(Object[] args, Map<String, Object> kwargs) {
        noKwargs("range", kwargs);
        switch (args.length) {
            case 1: return new PyRange(0, rangeArg(args[0]), 1);
            case 2: return new PyRange(rangeArg(args[0]), rangeArg(args[1]), 1);
            case 3: return new PyRange(rangeArg(args[0]), rangeArg(args[1]), rangeArg(args[2]));
            default:
                throw Py.typeError(args.length == 0 ? "range expected at least 1 argument, got 0"
                        : "range expected at most 3 arguments, got " + args.length);
        }
    }

    private static long rangeArg(Object o) {
        if (o instanceof BigInteger b) {
            return b.signum() < 0 ? Long.MIN_VALUE / 4 : Long.MAX_VALUE / 4;
        }
        return Numbers.indexValue(o);
    }

    static Object slice(Object[] args, Map<String, Object> kwargs) {
        noKwargs("slice", kwargs);
        switch (args.length) {
            case 1: return new Slice(Py.NONE, args[0], Py.NONE);
            case 2: return new Slice(args[0], args[1], Py.NONE);
            case 3: return new Slice(args[0], args[1], args[2]);
            default: throw Py.typeError("slice expected at least 1 argument, got " + args.length);
        }
    }
}
