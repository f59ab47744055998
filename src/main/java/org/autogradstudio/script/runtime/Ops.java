package org.autogradstudio.script.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.autogradstudio.script.PyFormat;

/**
 * The operations of the language on any value: operator dispatch with reflected fallbacks,
 * attribute access, calls, subscripts, iteration, truth, str/repr/format. Java-native values
 * (Long, BigInteger, Double, Boolean, String) are handled here directly; everything else is a
 * {@link PyObject} and is asked through its protocol methods.
 */
public final class Ops {
    private static final ThreadLocal<IdentityHashMap<Object, Boolean>> REPR_GUARD =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private Ops() {
    }

    // ---------------------------------------------------------------- types and names

    public static String typeName(Object o) {
        if (o instanceof Long || o instanceof BigInteger) {
            return "int";
        }
        if (o instanceof Double) {
            return "float";
        }
        if (o instanceof String) {
            return "str";
        }
        if (o instanceof Boolean) {
            return "bool";
        }
        if (o instanceof PyObject p) {
            return p.typeName();
        }
        return o == null ? "NoneType" : o.getClass().getSimpleName();
    }

    public static PyType type(Object o) {
        if (o instanceof Long || o instanceof BigInteger) {
            return Types.INT;
        }
        if (o instanceof Double) {
            return Types.FLOAT;
        }
        if (o instanceof String) {
            return Types.STR;
        }
        if (o instanceof Boolean) {
            return Types.BOOL;
        }
        if (o instanceof PyObject p) {
            return p.type();
        }
        return o == null ? Types.NONE_TYPE : Types.OBJECT;
    }

    public static boolean truthy(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof Long l) {
            return l != 0;
        }
        if (o instanceof Double d) {
            return d != 0;
        }
        if (o instanceof String s) {
            return !s.isEmpty();
        }
        if (o instanceof PyObject p) {
            return p.isTrue();
        }
        if (o instanceof BigInteger b) {
            return b.signum() != 0;
        }
        return o != null;
    }

    /** Python's {@code is}: identity, with equal immutable numbers and strings treated as identical. */
    public static boolean is(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        return (a instanceof Long || a instanceof String || a instanceof BigInteger || a instanceof Boolean
                || a instanceof Double) && a.equals(b);
    }

    // ---------------------------------------------------------------- text

    public static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Double d) {
            return PyFormat.repr(d);
        }
        if (o instanceof Long l) {
            return l.toString();
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (o instanceof PyObject p) {
            return p.str();
        }
        if (o instanceof BigInteger) {
            return Numbers.intToString(o);
        }
        return o == null ? "None" : o.toString();
    }

    public static String repr(Object o) {
        if (o instanceof String s) {
            return Strings.repr(s);
        }
        if (o instanceof PyObject p) {
            return p.repr();
        }
        return str(o);
    }

    /** {@code format(o, spec)}. */
    public static String format(Object o, String spec) {
        if (o instanceof Double d) {
            return PyFormat.formatFloat(d, spec);
        }
        if (o instanceof Long || o instanceof BigInteger) {
            if (spec.isEmpty()) {
                return str(o);
            }
            return PyFormat.formatInt((Number) o, spec);
        }
        if (o instanceof String s) {
            return spec.isEmpty() ? s : PyFormat.formatStr(s, spec);
        }
        if (o instanceof Boolean b) {
            return spec.isEmpty() ? str(b) : PyFormat.formatInt(b ? 1L : 0L, spec);
        }
        if (o instanceof PyObject p) {
            return p.format(spec);
        }
        return str(o);
    }

    static boolean enterRepr(Object o) {
        return REPR_GUARD.get().put(o, Boolean.TRUE) == null;
    }

    static void exitRepr(Object o) {
        REPR_GUARD.get().remove(o);
    }

    // ---------------------------------------------------------------- operators

    public static Object binary(BinaryOp op, Object a, Object b) {
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            Object r = Numbers.binary(op, a, b);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
            throw unsupported(op.symbol, op, a, b);
        }
        return dispatch(op, a, b, op.symbol);
    }

    private static Object dispatch(BinaryOp op, Object a, Object b, String symbol) {
        if (a instanceof PyObject pa) {
            Object r = Py.fromJava(pa.binaryOp(op, b));
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (b instanceof PyObject pb) {
            Object r = Py.fromJava(pb.reflectedBinaryOp(op, a));
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (a instanceof String || b instanceof String) {
            Object r = Strings.binary(op, a, b);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
            if (op == BinaryOp.ADD && a instanceof String) {
                throw Py.typeError("can only concatenate str (not \"" + typeName(b) + "\") to str");
            }
        }
        throw unsupported(symbol, op, a, b);
    }

    private static PyException unsupported(String symbol, BinaryOp op, Object a, Object b) {
        String s = op == BinaryOp.POW && symbol.equals("**") ? "** or pow()" : symbol;
        return Py.typeError("unsupported operand type(s) for " + s + ": '" + typeName(a) + "' and '" + typeName(b)
                + "'");
    }

    /** {@code a OP= b}: the in-place method if the object has one, else {@code a OP b}. */
    public static Object inPlace(BinaryOp op, Object a, Object b) {
        if (a instanceof PyObject pa) {
            Object r = Py.fromJava(pa.inPlaceOp(op, b));
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            Object r = Numbers.binary(op, a, b);
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
            throw unsupported(op.symbol + "=", op, a, b);
        }
        return dispatch(op, a, b, op.symbol + "=");
    }

    public static Object unary(UnaryOp op, Object a) {
        if (Numbers.isNumber(a)) {
            switch (op) {
                case NEG: return Numbers.negate(a);
                case POS: return a instanceof Boolean b ? (Object) (b ? 1L : 0L) : a;
                case ABS: return Numbers.abs(a);
                default: {
                    Object r = Numbers.invert(a);
                    if (r != Py.NOT_IMPLEMENTED) {
                        return r;
                    }
                }
            }
        } else if (a instanceof PyObject p) {
            Object r = Py.fromJava(p.unaryOp(op));
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        throw Py.typeError("bad operand type for " + op.description + ": '" + typeName(a) + "'");
    }

    /** A rich comparison; the result may be any object (tensors compare elementwise). */
    public static Object compare(CompareOp op, Object a, Object b) {
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            int c = Numbers.compare(a, b);
            return c == 2 ? op == CompareOp.NE : op.test(c);
        }
        if (a instanceof String x && b instanceof String y) {
            return op.test(x.compareTo(y));
        }
        if (a instanceof PyObject pa) {
            Object r = Py.fromJava(pa.compare(op, b));
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (b instanceof PyObject pb) {
            Object r = Py.fromJava(pb.compare(op.swapped(), a));
            if (r != Py.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (op == CompareOp.EQ) {
            return is(a, b);
        }
        if (op == CompareOp.NE) {
            return !is(a, b);
        }
        throw Py.typeError("'" + op.symbol + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    /** Equality as containers use it: identity first, then {@code ==}. */
    public static boolean eq(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y);
        }
        return truthy(compare(CompareOp.EQ, a, b));
    }

    public static boolean lessThan(Object a, Object b) {
        return truthy(compare(CompareOp.LT, a, b));
    }

    /** {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String t)) {
                throw Py.typeError("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.contains(t);
        }
        if (container instanceof PyObject p && !(container instanceof PySingleton)) {
            return p.contains(item);
        }
        throw Py.typeError("argument of type '" + typeName(container) + "' is not iterable");
    }

    // ---------------------------------------------------------------- attributes and calls

    /** {@code o.name}, or null when there is no such attribute. */
    public static Object getAttrOrNull(Object o, String name) {
        if (o instanceof PyObject p) {
            return p.getAttr(name);
        }
        if (o instanceof String s) {
            return StrMethods.TABLE.bind(s, name);
        }
        if (Numbers.isNumber(o)) {
            return NumberMethods.getAttr(o, name);
        }
        return null;
    }

    public static Object getAttr(Object o, String name) {
        Object v = getAttrOrNull(o, name);
        if (v == null && name.startsWith("__")) {
            v = name.equals("__class__") ? type(o) : ContainerDunders.bind(o, name);
        }
        if (v == null) {
            throw Py.noAttribute(o, name);
        }
        return Py.fromJava(v);
    }

    public static void setAttr(Object o, String name, Object value) {
        if (o instanceof PyObject p) {
            p.setAttr(name, value);
            return;
        }
        if (getAttrOrNull(o, name) != null) {
            throw Py.attributeError("'" + typeName(o) + "' object attribute '" + name + "' is read-only");
        }
        throw Py.noAttribute(o, name);
    }

    /**
     * {@code dir(o)}: the sorted attribute names of an instance (its own and its classes'), a
     * module, a class, or what a host object lists ({@link PyObject#dirNames()}).
     */
    public static List<String> dir(Object o) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        if (o instanceof PyInstance pi) {
            names.addAll(pi.attributes().keySet());
            for (PyType t : pi.pyClass().mro()) {
                if (t instanceof PyClass c) {
                    names.addAll(c.dict().keySet());
                }
            }
        } else if (o instanceof PyModule m) {
            names.addAll(m.attributes().keySet());
        } else if (o instanceof PyClass c) {
            names.addAll(c.dict().keySet());
        } else if (o instanceof PyObject p) {
            names.addAll(p.dirNames());
        }
        return new java.util.ArrayList<>(names);
    }

    public static void delAttr(Object o, String name) {
        if (o instanceof PyObject p) {
            p.delAttr(name);
            return;
        }
        throw Py.noAttribute(o, name);
    }

    /** {@code o.name(*args, **kwargs)}. */
    public static Object callMethod(Object o, String name, Object[] args, Map<String, Object> kwargs) {
        if (name.startsWith("__")) {
            PyBuiltin dunder = ContainerDunders.bind(o, name);
            if (dunder != null) {
                return call(dunder, args, kwargs);
            }
        }
        if (o instanceof PyObject p) {
            return Py.fromJava(p.callMethod(name, args, kwargs));
        }
        if (o instanceof String s) {
            if (StrMethods.TABLE.has(name)) {
                return StrMethods.TABLE.call(s, name, args, kwargs);
            }
            throw Py.noAttribute(o, name);
        }
        return call(getAttr(o, name), args, kwargs);
    }

    public static Object call(Object f, Object[] args, Map<String, Object> kwargs) {
        if (f instanceof PyObject p) {
            return Py.fromJava(p.call(args, kwargs));
        }
        throw Py.typeError("'" + typeName(f) + "' object is not callable");
    }

    public static boolean isCallable(Object f) {
        if (f instanceof PyInstance i) {
            return i.pyClass().lookup("__call__") != null;
        }
        return f instanceof PyBuiltin || f instanceof PyType || f instanceof Bindable || f instanceof PyBoundMethod
                || f instanceof MethodTable.BoundBuiltin || f instanceof Descriptors.StaticMethod
                || (f instanceof PyObject p && !(p instanceof PyList || p instanceof PyTuple || p instanceof PyDict
                || p instanceof PySet || p instanceof PySingleton || p instanceof PyModule || p instanceof PyRange
                || p instanceof Slice || p instanceof PyIterator) && hasCallOverride(p));
    }

    private static boolean hasCallOverride(PyObject p) {
        try {
            return p.getClass().getMethod("call", Object[].class, Map.class).getDeclaringClass() != PyObject.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- subscripts and iteration

    public static Object getItem(Object o, Object key) {
        if (o instanceof PyObject p) {
            return Py.fromJava(p.getItem(key));
        }
        if (o instanceof String s) {
            return Strings.getItem(s, key);
        }
        throw Py.typeError("'" + typeName(o) + "' object is not subscriptable");
    }

    public static void setItem(Object o, Object key, Object value) {
        if (o instanceof PyObject p) {
            p.setItem(key, value);
            return;
        }
        throw Py.typeError("'" + typeName(o) + "' object does not support item assignment");
    }

    public static void delItem(Object o, Object key) {
        if (o instanceof PyObject p) {
            p.delItem(key);
            return;
        }
        throw Py.typeError("'" + typeName(o) + "' object doesn't support item deletion");
    }

    public static Iterator<Object> iter(Object o) {
        if (o instanceof PyObject p && !(o instanceof PySingleton)) {
            return p.iter();
        }
        if (o instanceof String s) {
            return Strings.chars(s);
        }
        throw Py.typeError("'" + typeName(o) + "' object is not iterable");
    }

    public static int len(Object o) {
        if (o instanceof String s) {
            return s.length();
        }
        if (o instanceof PyObject p) {
            return p.len();
        }
        throw Py.typeError("object of type '" + typeName(o) + "' has no len()");
    }

    /** The items of an iterable as an array (tuples and lists without copying through iterators). */
    public static Object[] toArray(Object o) {
        if (o instanceof PyTuple t) {
            return t.toArray();
        }
        if (o instanceof PyList l) {
            return l.items.toArray();
        }
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = iter(o);
        while (it.hasNext()) {
            out.add(it.next());
            if (out.size() > Sequences.MAX_SIZE) {
                throw new PyException("MemoryError", "sequence too large (Autograd Studio limit)");
            }
        }
        return out.toArray();
    }
}
