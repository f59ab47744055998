package org.autogradstudio.script.runtime;

import java.util.Map;
import java.util.Set;

/**
 * The methods of a built-in type, dispatched by name with a switch so that {@code lst.append(x)}
 * costs no lookup structure or bound-method allocation.
 */
public abstract class MethodTable {
    private final Set<String> names;

    protected MethodTable(String... names) {
        this.names = Set.of(names);
    }

    public final boolean has(String name) {
        return names.contains(name);
    }

    /** Calls method {@code name} on {@code self}; only called when {@link #has} is true. */
    public abstract Object call(Object self, String name, Object[] args, Map<String, Object> kwargs);

    /** {@code self.name} as a bound method object, or null when there is no such method. */
    public final Object bind(Object self, String name) {
        return has(name) ? new BoundBuiltin(self, name, this) : null;
    }

    /** Checks a method's positional argument count, with Python's message. */
    protected static void arity(String type, String name, Object[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            if (min == max) {
                if (min == 0) {
                    throw Py.typeError(type + "." + name + "() takes no arguments (" + args.length + " given)");
                }
                throw Py.typeError(type + "." + name + "() takes exactly " + (min == 1 ? "one argument" : min
                        + " arguments") + " (" + args.length + " given)");
            }
            throw Py.typeError(name + " expected " + (args.length < min ? "at least " + min : "at most " + max)
                    + " argument" + ((args.length < min ? min : max) == 1 ? "" : "s") + ", got " + args.length);
        }
    }

    /** A method of a built-in object bound to it. */
    static final class BoundBuiltin implements PyObject {
        private final Object self;
        private final String name;
        private final MethodTable table;

        BoundBuiltin(Object self, String name, MethodTable table) {
            this.self = self;
            this.name = name;
            this.table = table;
        }

        @Override
        public String typeName() {
            return "builtin_function_or_method";
        }

        @Override
        public Object call(Object[] args, Map<String, Object> kwargs) {
            return table.call(self, name, args, kwargs);
        }

        @Override
        public String repr() {
            return "<built-in method " + name + " of " + Ops.typeName(self) + " object at " + Py.address(self) + ">";
        }

        @Override
        public Object getAttr(String attr) {
            return attr.equals("__name__") ? name : attr.equals("__self__") ? self : null;
        }
    }
}
