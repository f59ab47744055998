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

    private final String name;
    private final Body body;

    public PyBuiltin(String name, Body body) {
        this.name = name;
        this.body = body;
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
        return Py.fromJava(body.call(args, kwargs));
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
