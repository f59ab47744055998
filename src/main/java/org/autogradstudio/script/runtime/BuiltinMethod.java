package org.autogradstudio.script.runtime;

import java.util.Map;

/** A Java-implemented method stored on a class: binds to the instance like a Python function. */
public final class BuiltinMethod implements Bindable {
    /** The method body; {@code self} is the instance. */
    @FunctionalInterface
    public interface Body {
        Object call(Object self, Object[] args, Map<String, Object> kwargs);
    }

    private final String name;
    private final Body body;

    public BuiltinMethod(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public String typeName() {
        return "method_descriptor";
    }

    @Override
    public Object callWithSelf(Object self, Object[] args, Map<String, Object> kwargs) {
        return Py.fromJava(body.call(self, args, kwargs));
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        if (args.length == 0) {
            throw Py.typeError("descriptor '" + name + "' needs an argument");
        }
        return callWithSelf(args[0], java.util.Arrays.copyOfRange(args, 1, args.length), kwargs);
    }

    @Override
    public String qualifiedName() {
        return name;
    }

    @Override
    public String repr() {
        return "<method '" + name + "'>";
    }
}
