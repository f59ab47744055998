package org.autogradstudio.script.runtime;

import java.util.Map;

/** A method bound to its instance ({@code obj.method} without calling it). */
public final class PyBoundMethod implements PyObject {
    private final Object self;
    private final Object function;

    public PyBoundMethod(Object self, Object function) {
        this.self = self;
        this.function = function;
    }

    public Object self() {
        return self;
    }

    public Object function() {
        return function;
    }

    @Override
    public String typeName() {
        return "method";
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        if (function instanceof Bindable b) {
            return b.callWithSelf(self, args, kwargs);
        }
        Object[] all = new Object[args.length + 1];
        all[0] = self;
        System.arraycopy(args, 0, all, 1, args.length);
        return Ops.call(function, all, kwargs);
    }

    @Override
    public Object getAttr(String name) {
        switch (name) {
            case "__self__": return self;
            case "__func__": return function;
            case "__name__": return Ops.getAttr(function, "__name__");
            default: return Ops.getAttrOrNull(function, name);
        }
    }

    @Override
    public String repr() {
        String n = function instanceof Bindable b ? b.qualifiedName() : Ops.repr(function);
        return "<bound method " + n + " of " + Ops.repr(self) + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBoundMethod m && m.self == self && m.function == function;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(self) * 31 + System.identityHashCode(function);
    }
}
