package org.autogradstudio.script.runtime;

/**
 * The container protocol's dunder methods of the built-in sequences and mappings, called by name
 * ({@code d.__setitem__(k, v)}, {@code xs.__len__()}) as Python allows, and answered by the same
 * operations the syntax uses ({@code d[k] = v}, {@code len(xs)}).
 */
final class ContainerDunders {
    private ContainerDunders() {
    }

    /** {@code o.name} as a bound method, or null when {@code o} is no built-in container or has no such method. */
    static PyBuiltin bind(Object o, String name) {
        boolean sequence = o instanceof PyList || o instanceof PyTuple || o instanceof String || o instanceof PyRange;
        boolean mapping = o instanceof PyDict;
        boolean set = o instanceof PySet;
        if (!sequence && !mapping && !set) {
            return null;
        }
        boolean mutable = o instanceof PyList || mapping;
        switch (name) {
            case "__len__":
                return PyBuiltin.of("__len__()", a -> (long) Ops.len(o));
            case "__contains__":
                return PyBuiltin.of("__contains__(key, /)", a -> Ops.contains(o, a[0]));
            case "__iter__":
                return PyBuiltin.of("__iter__()", a -> PyIterator.over(o));
            case "__getitem__":
                return set ? null : PyBuiltin.of("__getitem__(key, /)", a -> Ops.getItem(o, a[0]));
            case "__setitem__":
                return mutable ? PyBuiltin.of("__setitem__(key, value, /)", a -> {
                    Ops.setItem(o, a[0], a[1]);
                    return Py.NONE;
                }) : null;
            case "__delitem__":
                return mutable ? PyBuiltin.of("__delitem__(key, /)", a -> {
                    Ops.delItem(o, a[0]);
                    return Py.NONE;
                }) : null;
            default:
                return null;
        }
    }
}
