package org.autogradstudio.script.interp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.script.runtime.Descriptors;
import org.autogradstudio.script.runtime.ExceptionTypes;
import org.autogradstudio.script.runtime.Keys;
import org.autogradstudio.script.runtime.Numbers;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyClass;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyInstance;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyTuple;
import org.autogradstudio.script.runtime.PyType;
import org.autogradstudio.script.runtime.Signature;
import org.autogradstudio.script.runtime.Types;

/** The builtins namespace of a session: functions, types, exception classes and constants. */
final class Builtins {
    private Builtins() {
    }

    /** Fills {@code b} (the map the context already refers to) for a session. */
    static void install(Map<String, Object> b, ExecContext ctx) {
        for (PyType t : new PyType[] {Types.INT, Types.FLOAT, Types.BOOL, Types.STR, Types.LIST, Types.TUPLE,
            Types.DICT, Types.SET, Types.RANGE, Types.SLICE, Types.OBJECT, Types.TYPE}) {
            b.put(t.name(), t);
        }
        b.putAll(ExceptionTypes.builtins());
        b.put("EnvironmentError", ExceptionTypes.get("OSError"));
        b.put("IOError", ExceptionTypes.get("OSError"));
        b.put("NotImplemented", Py.NOT_IMPLEMENTED);
        b.put("Ellipsis", Py.ELLIPSIS);
        b.put("__name__", "builtins");
        Functions functions = new Functions(ctx);
        for (String name : FUNCTIONS) {
            b.put(name, new PyBuiltin(name, functions));
        }
        b.put("property", PyBuiltin.bound("property(fget=None, fset=None, fdel=None, doc=None)", functions));
        for (String name : new String[] {"exec", "eval", "compile", "__import__", "globals", "locals", "breakpoint"}) {
            b.put(name, new PyBuiltin(name, functions));
        }
        BuiltinIteration.install(b);
    }

    /** The builtin functions that {@link Functions} implements. */
    private static final String[] FUNCTIONS = {
        "print", "len", "abs", "round", "repr", "ascii", "format", "isinstance", "issubclass", "hasattr", "getattr",
        "setattr", "delattr", "callable", "id", "hash", "chr", "ord", "bin", "oct", "hex", "divmod", "pow", "vars",
        "dir", "super", "staticmethod", "classmethod", "open", "input"
    };

    /** The builtin functions of one session: each one's lambda is made on its first call. */
    private static final class Functions implements PyBuiltin.Bodies {
        private final ExecContext ctx;

        Functions(ExecContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public PyBuiltin.Body body(String name) {
            switch (name) {
                case "print": return (a, k) -> print(ctx, a, k);
                case "len": return (a, k) -> {
                    one("len", a, k);
                    return (long) Ops.len(a[0]);
                };
                case "abs": return (a, k) -> {
                    one("abs", a, k);
                    return Ops.unary(org.autogradstudio.script.runtime.UnaryOp.ABS, a[0]);
                };
                case "round": return (a, k) -> round(a, k);
                case "repr": return (a, k) -> {
                    one("repr", a, k);
                    return Ops.repr(a[0]);
                };
                case "ascii": return (a, k) -> {
                    one("ascii", a, k);
                    return ascii(Ops.repr(a[0]));
                };
                case "format": return (a, k) -> {
                    if (a.length < 1 || a.length > 2) {
                        throw Py.typeError("format expected at least 1 argument, got " + a.length);
                    }
                    Object spec = a.length > 1 ? a[1] : "";
                    if (!(spec instanceof String s)) {
                        throw Py.typeError("format() argument 2 must be str, not " + Ops.typeName(spec));
                    }
                    return Ops.format(a[0], s);
                };
                case "isinstance": return (a, k) -> {
                    two("isinstance", a, k);
                    return isInstance(a[0], a[1], "isinstance");
                };
                case "issubclass": return (a, k) -> {
                    two("issubclass", a, k);
                    if (!(a[0] instanceof PyType t)) {
                        throw Py.typeError("issubclass() arg 1 must be a class");
                    }
                    return isSubclass(t, a[1]);
                };
                case "hasattr": return (a, k) -> {
                    two("hasattr", a, k);
                    try {
                        return Ops.getAttrOrNull(a[0], attrName(a[1], "hasattr")) != null;
                    } catch (PyException e) {
                        if (e.matches(ExceptionTypes.get("AttributeError"))) {
                            return false;
                        }
                        throw e;
                    }
                };
                case "getattr": return (a, k) -> {
                    if (a.length < 2 || a.length > 3) {
                        throw Py.typeError("getattr expected at least 2 arguments, got " + a.length);
                    }
                    String attr = attrName(a[1], "getattr");
                    if (a.length == 3) {
                        try {
                            Object v = Ops.getAttrOrNull(a[0], attr);
                            return v == null ? a[2] : v;
                        } catch (PyException e) {
                            if (e.matches(ExceptionTypes.get("AttributeError"))) {
                                return a[2];
                            }
                            throw e;
                        }
                    }
                    return Ops.getAttr(a[0], attr);
                };
                case "setattr": return (a, k) -> {
                    if (a.length != 3) {
                        throw Py.typeError("setattr expected 3 arguments, got " + a.length);
                    }
                    Ops.setAttr(a[0], attrName(a[1], "setattr"), a[2]);
                    return Py.NONE;
                };
                case "delattr": return (a, k) -> {
                    two("delattr", a, k);
                    Ops.delAttr(a[0], attrName(a[1], "delattr"));
                    return Py.NONE;
                };
                case "callable": return (a, k) -> {
                    one("callable", a, k);
                    return Ops.isCallable(a[0]);
                };
                case "id": return (a, k) -> {
                    one("id", a, k);
                    return 0x7f0000000000L + System.identityHashCode(a[0]) * 16L;
                };
                case "hash": return (a, k) -> {
                    one("hash", a, k);
                    return Keys.hash(a[0]);
                };
                case "chr": return (a, k) -> {
                    one("chr", a, k);
                    long c = Numbers.indexValue(a[0]);
                    if (c < 0 || c > 0x10ffff) {
                        throw Py.valueError("chr() arg not in range(0x110000)");
                    }
                    return new String(Character.toChars((int) c));
                };
                case "ord": return (a, k) -> {
                    one("ord", a, k);
                    if (!(a[0] instanceof String s) || s.codePointCount(0, s.length()) != 1) {
                        if (a[0] instanceof String s) {
                            throw Py.typeError("ord() expected a character, but string of length " + s.length()
                                    + " found");
                        }
                        throw Py.typeError("ord() expected string of length 1, but " + Ops.typeName(a[0]) + " found");
                    }
                    return (long) ((String) a[0]).codePointAt(0);
                };
                case "bin": return (a, k) -> radix(a, 2, "0b");
                case "oct": return (a, k) -> radix(a, 8, "0o");
                case "hex": return (a, k) -> radix(a, 16, "0x");
                case "divmod": return (a, k) -> {
                    two("divmod", a, k);
                    try {
                        return PyTuple.of(Ops.binary(org.autogradstudio.script.runtime.BinaryOp.FLOORDIV, a[0], a[1]),
                                Ops.binary(org.autogradstudio.script.runtime.BinaryOp.MOD, a[0], a[1]));
                    } catch (PyException e) {
                        if (e.typeName().equals("ZeroDivisionError")
                                && (a[0] instanceof Double || a[1] instanceof Double)) {
                            throw Py.zeroDivision("float divmod()");
                        }
                        if (e.typeName().equals("ZeroDivisionError")) {
                            throw Py.zeroDivision("integer division or modulo by zero");
                        }
                        throw e;
                    }
                };
                case "pow": return (a, k) -> pow(a, k);
                case "vars": return (a, k) -> {
                    one("vars", a, k);
                    Object d = Ops.getAttrOrNull(a[0], "__dict__");
                    if (d == null) {
                        throw Py.typeError("vars() argument must have __dict__ attribute");
                    }
                    return d;
                };
                case "dir": return (a, k) -> dir(a);
                case "super": return (a, k) -> {
                    if (a.length != 2) {
                        throw Py.runtimeError("super(): no arguments");
                    }
                    return makeSuper(a[0], a[1]);
                };
                case "staticmethod": return (a, k) -> new Descriptors.StaticMethod(a[0]);
                case "classmethod": return (a, k) -> new Descriptors.ClassMethod(a[0]);
                case "open":
                    return (a, k) -> {
                        throw new PyException("NameError",
                                "name 'open' is not defined (file access is not available in Autograd Studio)");
                    };
                case "input":
                    return (a, k) -> {
                        throw new PyException("EOFError", "EOF when reading a line");
                    };
                case "property": return (a, k) -> new Descriptors.Property(a[0], a[1]);
                case "exec":
                case "eval":
                case "compile":
                case "__import__":
                case "globals":
                case "locals":
                case "breakpoint":
                    return (a, k) -> {
                        throw new PyException("NotImplementedError", name + "() is not available in Autograd Studio");
                    };
                default:
                    throw new IllegalStateException("no builtin " + name);
            }
        }
    }

    private static void one(String name, Object[] a, Map<String, Object> k) {
        if (!k.isEmpty()) {
            throw Py.typeError(name + "() takes no keyword arguments");
        }
        if (a.length != 1) {
            throw Py.typeError(name + "() takes exactly one argument (" + a.length + " given)");
        }
    }

    private static void two(String name, Object[] a, Map<String, Object> k) {
        if (!k.isEmpty()) {
            throw Py.typeError(name + "() takes no keyword arguments");
        }
        if (a.length != 2) {
            throw Py.typeError(name + " expected 2 arguments, got " + a.length);
        }
    }

    private static String attrName(Object o, String fn) {
        if (!(o instanceof String s)) {
            throw Py.typeError("attribute name must be string, not '" + Ops.typeName(o) + "'");
        }
        return s;
    }

    private static final Signature PRINT = Signature.parse("print(*args, sep=None, end=None, file=None, flush=False)");

    private static Object print(ExecContext ctx, Object[] args, Map<String, Object> kwargs) {
        Object sep = " ";
        Object end = "\n";
        Object file = Py.NONE;
        if (!kwargs.isEmpty()) {
            Object[] bound = PRINT.bind(args, kwargs);
            sep = bound[1] == Py.NONE ? " " : bound[1];
            end = bound[2] == Py.NONE ? "\n" : bound[2];
            file = bound[3];
            if (!(sep instanceof String)) {
                throw Py.typeError("sep must be None or a string, not " + Ops.typeName(sep));
            }
            if (!(end instanceof String)) {
                throw Py.typeError("end must be None or a string, not " + Ops.typeName(end));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append((String) sep);
            }
            sb.append(Ops.str(args[i]));
        }
        sb.append((String) end);
        if (file != Py.NONE) {
            Ops.callMethod(file, "write", new Object[] {sb.toString()}, Py.NO_KWARGS);
        } else {
            ctx.write(sb);
        }
        return Py.NONE;
    }

    private static Object round(Object[] a, Map<String, Object> k) {
        Object x = a.length > 0 ? a[0] : k.get("number");
        Object nd = a.length > 1 ? a[1] : k.getOrDefault("ndigits", Py.NONE);
        if (x == null || a.length > 2) {
            throw Py.typeError(x == null ? "round() missing required argument 'number' (pos 1)"
                    : "round() takes at most 2 arguments (" + a.length + " given)");
        }
        if (x instanceof Double d) {
            if (nd == Py.NONE) {
                return Numbers.floatToInt(Math.rint(d));
            }
            return Numbers.roundFloat(d, Numbers.indexValue(nd));
        }
        if (Numbers.isIntegral(x)) {
            return nd == Py.NONE ? Numbers.roundInt(x, 0) : Numbers.roundInt(x, Numbers.indexValue(nd));
        }
        if (x instanceof PyObject p && !(x instanceof org.autogradstudio.script.runtime.PySingleton)) {
            Object m = p.getAttr("__round__");
            if (m != null) {
                return nd == Py.NONE ? Ops.call(m, Py.NO_ARGS, Py.NO_KWARGS) : Ops.call(m, new Object[] {nd},
                        Py.NO_KWARGS);
            }
        }
        throw Py.typeError("type " + Ops.typeName(x) + " doesn't define __round__ method");
    }

    private static Object pow(Object[] a, Map<String, Object> k) {
        if (a.length < 2 || a.length > 3) {
            throw Py.typeError("pow expected at least 2 arguments, got " + a.length);
        }
        if (a.length == 3 && a[2] != Py.NONE) {
            if (!Numbers.isIntegral(a[0]) || !Numbers.isIntegral(a[1]) || !Numbers.isIntegral(a[2])) {
                throw Py.typeError("pow() 3rd argument not allowed unless all arguments are integers");
            }
            BigInteger m = bigOf(a[2]);
            if (m.signum() == 0) {
                throw Py.valueError("pow() 3rd argument cannot be 0");
            }
            BigInteger r = bigOf(a[0]).modPow(bigOf(a[1]), m.abs());
            if (m.signum() < 0 && r.signum() != 0) {
                r = r.add(m);
            }
            return Numbers.normalize(r);
        }
        return Ops.binary(org.autogradstudio.script.runtime.BinaryOp.POW, a[0], a[1]);
    }

    private static BigInteger bigOf(Object o) {
        return o instanceof BigInteger b ? b : BigInteger.valueOf(Numbers.indexValue(o));
    }

    private static Object radix(Object[] a, int radix, String prefix) {
        if (a.length != 1) {
            throw Py.typeError("expected exactly one argument");
        }
        if (!Numbers.isIntegral(a[0])) {
            throw Py.typeError("'" + Ops.typeName(a[0]) + "' object cannot be interpreted as an integer");
        }
        BigInteger v = bigOf(a[0]);
        String digits = v.abs().toString(radix);
        return (v.signum() < 0 ? "-" : "") + prefix + digits;
    }

    static boolean isInstance(Object obj, Object cls, String fn) {
        if (cls instanceof PyTuple t) {
            for (Object c : t.items()) {
                if (isInstance(obj, c, fn)) {
                    return true;
                }
            }
            return false;
        }
        if (!(cls instanceof PyType t)) {
            throw Py.typeError(fn + "() arg 2 must be a type, a tuple of types, or a union");
        }
        return t.isInstance(obj);
    }

    private static boolean isSubclass(PyType t, Object cls) {
        if (cls instanceof PyTuple tu) {
            for (Object c : tu.items()) {
                if (isSubclass(t, c)) {
                    return true;
                }
            }
            return false;
        }
        if (!(cls instanceof PyType c)) {
            throw Py.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        return t.isSubclassOf(c);
    }

    private static Object dir(Object[] a) {
        return new PyList(new ArrayList<Object>(a.length == 1 ? Ops.dir(a[0]) : List.of()));
    }

    static Object makeSuper(Object cls, Object self) {
        if (!(cls instanceof PyType t)) {
            throw Py.typeError("super() argument 1 must be a type, not " + Ops.typeName(cls));
        }
        return new PySuper(t, self);
    }

    /** {@code ascii()}: repr with non-ASCII characters escaped. */
    static String ascii(String repr) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < repr.length(); ) {
            int cp = repr.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                sb.append((char) cp);
            } else if (cp < 0x100) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.toString();
    }

    /** A fresh builtins map for a session (the map is filled once the context exists). */
    static Map<String, Object> newMap() {
        return new HashMap<>();
    }
}
