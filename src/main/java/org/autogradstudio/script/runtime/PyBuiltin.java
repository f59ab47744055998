package org.autogradstudio.script.runtime;

import java.util.Map;
import java.util.function.Function;

/**
 * A function implemented in Java. Either receive raw positional and keyword arguments:
 * <pre>{@code new PyBuiltin("zeros", (args, kwargs) -> ...)}</pre>
 * or let a {@link Signature} bind them (with Python's TypeErrors for bad calls):
 * <pre>{@code PyBuiltin.of("clamp(input, min=None, max=None)", a -> clamp(a[0], a[1], a[2]))}</pre>
 */
public class PyBuiltin implements PyObject {
    /** Raw call: positional arguments and keyword arguments (never null). */
    @FunctionalInterface
    public interface Body {
        Object call(Object[] args, Map<String, Object> kwargs);
    }

    /**
     * The functions of a whole module in one class: {@code call} switches on the function's name
     * (an interned literal, so the switch costs a cached hash and an identity test). A lambda per
     * function would spin a class each when the module is built, which is most of startup.
     */
    @FunctionalInterface
    public interface Table {
        Object call(String name, Object[] args, Map<String, Object> kwargs);
    }

    private final String name;
    private final Body body;
    private final Table table;
    /** For {@link #bound}: the signature text, parsed on the first call. */
    private final String signatureText;
    private Signature signature;

    public PyBuiltin(String name, Body body) {
        this.name = name;
        this.body = body;
        this.table = null;
        this.signatureText = null;
    }

    /** The function {@code name} of a table, given the raw positional and keyword arguments. */
    public PyBuiltin(String name, Table table) {
        this(name, table, null);
    }

    private PyBuiltin(String name, Table table, String signatureText) {
        this.name = name;
        this.body = null;
        this.table = table;
        this.signatureText = signatureText;
    }

    /**
     * The function of a table whose arguments a signature such as {@code "f(x, y=1)"} binds: the
     * table receives them in parameter order, with no keywords.
     */
    public static PyBuiltin bound(String signature, Table table) {
        return new PyBuiltin(signature.substring(0, signature.indexOf('(')).strip().intern(), table, signature);
    }

    /** A function whose arguments are bound by a signature such as {@code "f(x, y=1, *args, k=None, **kw)"}. */
    public static PyBuiltin of(String signature, Function<Object[], Object> body) {
        Signature sig = Signature.parse(signature);
        return new PyBuiltin(sig.name(), (args, kwargs) -> body.apply(sig.bind(args, kwargs)));
    }

    public String name() {
        return name;
    }

    @Override
    public String typeName() {
        return "builtin_function_or_method";
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        if (body != null) {
            return Py.fromJava(body.call(args, kwargs));
        }
        if (signatureText == null) {
            return Py.fromJava(table.call(name, args, kwargs));
        }
        Signature sig = signature;
        if (sig == null) {
            sig = Signature.parse(signatureText);
            signature = sig;
        }
        return Py.fromJava(table.call(name, sig.bind(args, kwargs), Py.NO_KWARGS));
    }

    @Override
    public Object getAttr(String attr) {
        return attr.equals("__name__") || attr.equals("__qualname__") ? name : null;
    }

    @Override
    public String repr() {
        return "<built-in function " + name + ">";
    }
}
