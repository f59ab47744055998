package org.autogradstudio.script.runtime;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Constants and helpers for Java code that works with Python values: the singletons, value
 * conversion, and shortcuts for raising Python exceptions ({@code throw Py.valueError("...")}).
 */
public final class Py {
    public static final PySingleton NONE = new PySingleton("None", "NoneType", false);
    public static final PySingleton ELLIPSIS = new PySingleton("Ellipsis", "ellipsis", true);
    public static final PySingleton NOT_IMPLEMENTED = new PySingleton("NotImplemented", "NotImplementedType", true);
    /** The empty keyword-argument map passed when a call has no keywords. */
    public static final Map<String, Object> NO_KWARGS = Map.of();
    public static final Object[] NO_ARGS = new Object[0];

    private Py() {
    }

    /** Normalises a Java value to the interpreter's representation (null → None, Integer → Long ...). */
    public static Object fromJava(Object o) {
        if (o == null) {
            return NONE;
        }
        // the values the interpreter already uses come first, so the common case is two checks
        if (o instanceof PyObject || o instanceof Long || o instanceof Double || o instanceof String
                || o instanceof Boolean) {
            return o;
        }
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (o instanceof Float) {
            return ((Float) o).doubleValue();
        }
        if (o instanceof BigInteger b) {
            return Numbers.normalize(b);
        }
        if (o instanceof Character) {
            return o.toString();
        }
        if (o instanceof List<?> l) {
            PyList out = new PyList();
            for (Object x : l) {
                out.append(fromJava(x));
            }
            return out;
        }
        if (o instanceof Object[] arr) {
            Object[] items = new Object[arr.length];
            for (int i = 0; i < arr.length; i++) {
                items[i] = fromJava(arr[i]);
            }
            return new PyTuple(items);
        }
        return o;
    }

    /** A tuple of the given values (normalised). */
    public static PyTuple tuple(Object... items) {
        Object[] copy = Arrays.copyOf(items, items.length);
        for (int i = 0; i < copy.length; i++) {
            copy[i] = fromJava(copy[i]);
        }
        return new PyTuple(copy);
    }

    /** A list of the given values (normalised). */
    public static PyList list(Object... items) {
        PyList l = new PyList();
        for (Object x : items) {
            l.append(fromJava(x));
        }
        return l;
    }

    public static boolean isNone(Object o) {
        return o == NONE || o == null;
    }

    /** Python truthiness. */
    public static boolean isTrue(Object o) {
        return Ops.truthy(o);
    }

    /** {@code float(o)}: accepts int, float, bool and objects with {@code __float__}. */
    public static double toDouble(Object o) {
        return Numbers.toDouble(o, "must be real number");
    }

    /** An integer argument (int, bool or {@code __index__}) as a long; TypeError otherwise. */
    public static long toLong(Object o) {
        return Numbers.indexValue(o);
    }

    /** An int argument as a Java int (for sizes and dimensions). */
    public static int toInt(Object o) {
        long v = toLong(o);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw overflowError("Python int too large to convert to C int");
        }
        return (int) v;
    }

    public static String str(Object o) {
        return Ops.str(o);
    }

    public static String repr(Object o) {
        return Ops.repr(o);
    }

    public static String typeName(Object o) {
        return Ops.typeName(o);
    }

    /** Calls a Python callable. */
    public static Object call(Object callable, Object... args) {
        return Ops.call(callable, args, NO_KWARGS);
    }

    /** The fake address shown in default reprs ({@code 0x7f...}), stable for an object's lifetime. */
    public static String address(Object o) {
        return String.format("0x7f%010x", System.identityHashCode(o) * 16L);
    }

    // ---------------------------------------------------------------- raising

    public static PyException error(String type, String message) {
        return new PyException(type, message);
    }

    public static PyException typeError(String message) {
        return new PyException("TypeError", message);
    }

    public static PyException valueError(String message) {
        return new PyException("ValueError", message);
    }

    public static PyException indexError(String message) {
        return new PyException("IndexError", message);
    }

    public static PyException keyError(Object key) {
        return new PyException(ExceptionTypes.get("KeyError").instantiate(new Object[] {key}));
    }

    public static PyException attributeError(String message) {
        return new PyException("AttributeError", message);
    }

    public static PyException runtimeError(String message) {
        return new PyException("RuntimeError", message);
    }

    public static PyException zeroDivision(String message) {
        return new PyException("ZeroDivisionError", message);
    }

    public static PyException overflowError(String message) {
        return new PyException("OverflowError", message);
    }

    public static PyException nameError(String name) {
        return new PyException("NameError", "name '" + name + "' is not defined");
    }

    /** AttributeError with Python's wording for the kind of object. */
    public static PyException noAttribute(Object obj, String name) {
        PyException e;
        if (obj instanceof PyModule m) {
            e = attributeError("module '" + m.name() + "' has no attribute '" + name + "'");
        } else if (obj instanceof PyType t) {
            e = attributeError("type object '" + t.name() + "' has no attribute '" + name + "'");
        } else {
            e = attributeError("'" + Ops.typeName(obj) + "' object has no attribute '" + name + "'");
        }
        e.missing(obj, name);
        return obj instanceof PyModule m && !m.suggestsNames() ? e : e.withSuggestion(() -> Suggestions.nearest(Ops.dir(obj), name));
    }
}
