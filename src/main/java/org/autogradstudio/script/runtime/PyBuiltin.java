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
     * The functions of a whole module: {@code body(name)} is a switch over the module's function
     * names returning each one's lambda, asked on a function's first call. Building a module then
     * spins no class per function (most of startup, when every function had its lambda made up
     * front), only the functions a script calls get one, and each stays its own small unit for the
     * JIT rather than a case of one big dispatch method.
     */
    @FunctionalInterface
    public interface Bodies {
        Body body(String name);
    }

    private final String name;
    /** Null until the first call when the function comes from {@link Bodies}. */
    private Body body;
    private final Bodies bodies;
    /** For {@link #bound}: the signature text, parsed on the first call, and the parsed form. */
    private final String signatureText;
    private Signature signature;

    public PyBuiltin(String name, Body body) {
        this.name = name;
        this.body = body;
        this.bodies = null;
        this.signatureText = null;
    }

    /** The function {@code name} of a module's {@link Bodies}, given the raw positional and keyword arguments. */
    public PyBuiltin(String name, Bodies bodies) {
        this(name, bodies, null);
    }

    private PyBuiltin(String name, Bodies bodies, String signatureText) {
        this.name = name;
        this.bodies = bodies;
        this.signatureText = signatureText;
    }

    /**
     * The function of a module's {@link Bodies} whose arguments a signature such as {@code "f(x, y=1)"}
     * binds: the body receives them in parameter order, and no keywords.
     */
    public static PyBuiltin bound(String signature, Bodies bodies) {
        return new PyBuiltin(signature.substring(0, signature.indexOf('(')).strip(), bodies, signature);
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
        Body b = body;
        if (b == null) {
            // a racy first call on two threads makes the same lambda twice: harmless
            b = bodies.body(name);
            body = b;
        }
        if (signatureText != null) {
            Signature sig = signature;
            if (sig == null) {
                sig = Signature.parse(signatureText);
                signature = sig;
            }
            return Py.fromJava(b.call(sig.bind(args, kwargs), Py.NO_KWARGS));
        }
        return Py.fromJava(b.call(args, kwargs));
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
