package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A built-in type such as {@code int} or {@code list}: callable as its constructor, and giving
 * access to unbound methods ({@code str.lower}) for use as {@code key=} functions.
 */
public final class BuiltinType extends PyType {
    private final String name;
    private final BuiltinType base;
    private List<PyType> mro;

    /** The instance check, unbound methods and constructor of each type are the switches in {@link Types}. */
    BuiltinType(String name, BuiltinType base) {
        this.name = name;
        this.base = base;
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
        return Types.isInstance(name, obj);
    }

    @Override
    public Object lookup(String method) {
        if (name.equals("dict") && method.equals("fromkeys")) {
            // the one class method of the built-in types that scripts call
            return PyBuiltin.of("fromkeys(iterable, value=None, /)", a -> {
                PyDict d = new PyDict();
                java.util.Iterator<Object> it = Ops.iter(a[0]);
                while (it.hasNext()) {
                    d.setItem(it.next(), a[1]);
                }
                return d;
            });
        }
        if (name.equals("object") && method.equals("__setattr__")) {
            // object.__setattr__(self, name, value): the plain store a class's own __setattr__ falls back to
            return PyBuiltin.of("__setattr__(self, name, value, /)", a -> {
                if (a[0] instanceof PyInstance pi) {
                    pi.setAttrDirect(Py.str(a[1]), a[2]);
                } else {
                    Ops.setAttr(a[0], Py.str(a[1]), a[2]);
                }
                return Py.NONE;
            });
        }
        if (Types.hasMethod(name, method)) {
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
        if (!Types.isConstructible(name)) {
            throw Py.typeError("cannot create '" + name + "' instances");
        }
        return Types.construct(name, args, kwargs);
    }

    @Override
    public boolean isHashable() {
        return true;
    }
}
