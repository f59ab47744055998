package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A built-in type such as {@code int} or {@code list}: callable as its constructor, and giving
 * access to unbound methods ({@code str.lower}) for use as {@code key=} functions.
 */
public final class BuiltinType extends PyType {
    /** A constructor body: {@code int("3")}, {@code list(range(3))}. */
    @FunctionalInterface
    public interface Constructor {
        Object construct(Object[] args, Map<String, Object> kwargs);
    }

    private final String name;
    private final BuiltinType base;
    private final Constructor constructor;
    private final Predicate<Object> instanceCheck;
    private final Predicate<String> hasMethod;
    private List<PyType> mro;

    BuiltinType(String name, BuiltinType base, Predicate<Object> instanceCheck, Predicate<String> hasMethod,
            Constructor constructor) {
        this.name = name;
        this.base = base;
        this.instanceCheck = instanceCheck;
        this.hasMethod = hasMethod;
        this.constructor = constructor;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PyType> mro() {
        if (mro == null) {
            List<PyType> m = new ArrayList<>();
            for (BuiltinType t = this; t != null; t = t.base) {
                m.add(t);
            }
            mro = List.copyOf(m);
        }
        return mro;
    }

    @Override
    public boolean isInstance(Object obj) {
        return instanceCheck.test(obj);
    }

    @Override
    public Object lookup(String method) {
        if (hasMethod != null && hasMethod.test(method)) {
            return new PyBuiltin(name + "." + method, (args, kwargs) -> {
                if (args.length == 0) {
                    throw Py.typeError("unbound method " + name + "." + method + "() needs an argument");
                }
                Object[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
                return Ops.callMethod(args[0], method, rest, kwargs);
            });
        }
        return null;
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        if (constructor == null) {
            throw Py.typeError("cannot create '" + name + "' instances");
        }
        return constructor.construct(args, kwargs);
    }

    @Override
    public boolean isHashable() {
        return true;
    }
}
