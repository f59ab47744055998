package org.autogradstudio.script.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.autogradstudio.script.runtime.BinaryOp;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyInstance;
import org.autogradstudio.script.runtime.PyIterator;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyTuple;

/** Builtins that consume or produce iterables: min, max, sum, sorted, zip, map, iter, next ... */
final class BuiltinIteration {
    private BuiltinIteration() {
    }

    private static final String[] FUNCTIONS = {
        "min", "max", "sum", "sorted", "reversed", "enumerate", "zip", "map", "filter", "any", "all", "iter", "next"
    };

    /** Each one's lambda is made on its first call. */
    private static final PyBuiltin.Bodies BODIES = BuiltinIteration::body;

    static void install(Map<String, Object> b) {
        for (String name : FUNCTIONS) {
            b.put(name, new PyBuiltin(name, BODIES));
        }
    }

    private static PyBuiltin.Body body(String name) {
        switch (name) {
            case "min": return (a, k) -> extreme("min", a, k, true);
            case "max": return (a, k) -> extreme("max", a, k, false);
            case "sum": return (a, k) -> sum(a, k);
            case "sorted": return (a, k) -> sorted(a, k);
            case "reversed": return (a, k) -> reversed(a, k);
            case "enumerate": return (a, k) -> enumerate(a, k);
            case "zip": return (a, k) -> zip(a, k);
            case "map": return (a, k) -> map(a, k);
            case "filter": return (a, k) -> filter(a, k);
            case "any": return (a, k) -> anyAll(a, true);
            case "all": return (a, k) -> anyAll(a, false);
            case "iter": return (a, k) -> iter(a, k);
            case "next": return (a, k) -> next(a, k);
            default: throw new IllegalStateException("no builtin " + name);
        }
    }

    private static Object extreme(String name, Object[] a, Map<String, Object> k, boolean min) {
        Object key = k.getOrDefault("key", Py.NONE);
        Object dflt = k.get("default");
        for (String kw : k.keySet()) {
            if (!kw.equals("key") && !kw.equals("default")) {
                throw Py.typeError("'" + kw + "' is an invalid keyword argument for " + name + "()");
            }
        }
        Iterator<Object> it;
        if (a.length == 0) {
            throw Py.typeError(name + " expected at least 1 argument, got 0");
        } else if (a.length == 1) {
            it = Ops.iter(a[0]);
        } else {
            if (dflt != null) {
                throw Py.typeError("Cannot specify a default for " + name + "() with multiple positional arguments");
            }
            it = java.util.Arrays.asList(a).iterator();
        }
        Object best = null;
        Object bestKey = null;
        while (it.hasNext()) {
            Object v = it.next();
            Object kv = key == Py.NONE ? v : Ops.call(key, new Object[] {v}, Py.NO_KWARGS);
            if (best == null || (min ? Ops.lessThan(kv, bestKey) : Ops.lessThan(bestKey, kv))) {
                best = v;
                bestKey = kv;
            }
        }
        if (best == null) {
            if (dflt != null) {
                return dflt;
            }
            throw Py.valueError(name + "() arg is an empty sequence");
        }
        return best;
    }

    private static Object sum(Object[] a, Map<String, Object> k) {
        if (a.length < 1 || a.length > 2) {
            throw Py.typeError("sum() takes at most 2 arguments (" + a.length + " given)");
        }
        Object acc = a.length > 1 ? a[1] : k.getOrDefault("start", 0L);
        if (acc instanceof String) {
            throw Py.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        Iterator<Object> it = Ops.iter(a[0]);
        while (it.hasNext()) {
            acc = Ops.binary(BinaryOp.ADD, acc, it.next());
        }
        return acc;
    }

    private static Object sorted(Object[] a, Map<String, Object> k) {
        if (a.length != 1) {
            throw Py.typeError("sorted expected 1 argument, got " + a.length);
        }
        PyList l = new PyList();
        Iterator<Object> it = Ops.iter(a[0]);
        while (it.hasNext()) {
            l.append(it.next());
        }
        Ops.callMethod(l, "sort", Py.NO_ARGS, k);
        return l;
    }

    private static Object reversed(Object[] a, Map<String, Object> k) {
        if (a.length != 1) {
            throw Py.typeError("reversed expected 1 argument, got " + a.length);
        }
        Object seq = a[0];
        List<Object> items;
        if (seq instanceof PyList l) {
            items = new ArrayList<>(l.items());
        } else if (seq instanceof PyTuple || seq instanceof String || seq instanceof org.autogradstudio.script.runtime.PyRange) {
            items = new ArrayList<>(java.util.Arrays.asList(Ops.toArray(seq)));
        } else if (seq instanceof PyInstance pi && pi.pyClass().lookup("__reversed__") != null) {
            return Ops.callMethod(seq, "__reversed__", Py.NO_ARGS, Py.NO_KWARGS);
        } else if (seq instanceof PyObject p && !(seq instanceof org.autogradstudio.script.runtime.PyDict)) {
            int n = p.len();
            items = new ArrayList<>(n);
            for (long i = 0; i < n; i++) {
                items.add(Ops.getItem(seq, i));
            }
        } else {
            throw Py.typeError("'" + Ops.typeName(seq) + "' object is not reversible");
        }
        Collections.reverse(items);
        return new PyIterator(items.iterator(), "list_reverseiterator");
    }

    private static Object enumerate(Object[] a, Map<String, Object> k) {
        if (a.length < 1 || a.length > 2) {
            throw Py.typeError("enumerate() takes at most 2 arguments");
        }
        Iterator<Object> it = Ops.iter(a[0]);
        Object start = a.length > 1 ? a[1] : k.getOrDefault("start", 0L);
        long s = Py.toLong(start);
        return new PyIterator(new Iterator<>() {
            private long i = s;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object next() {
                return PyTuple.of(i++, it.next());
            }
        }, "enumerate");
    }

    private static Object zip(Object[] a, Map<String, Object> k) {
        boolean strict = Ops.truthy(k.getOrDefault("strict", Boolean.FALSE));
        List<Iterator<Object>> its = new ArrayList<>();
        for (Object x : a) {
            its.add(Ops.iter(x));
        }
        return new PyIterator(new Iterator<>() {
            private Object[] pending;
            private boolean done = its.isEmpty();

            @Override
            public boolean hasNext() {
                if (pending == null && !done) {
                    Object[] row = new Object[its.size()];
                    for (int i = 0; i < row.length; i++) {
                        if (!its.get(i).hasNext()) {
                            if (strict && (i > 0 || anyLeft(i + 1))) {
                                throw Py.valueError("zip() argument " + (i + 1) + " is shorter than argument"
                                        + (i == 0 ? " 2" : "s 1-" + i));
                            }
                            done = true;
                            return false;
                        }
                        row[i] = its.get(i).next();
                    }
                    pending = row;
                }
                return !done;
            }

            private boolean anyLeft(int from) {
                for (int j = from; j < its.size(); j++) {
                    if (its.get(j).hasNext()) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object[] row = pending;
                pending = null;
                return new PyTuple(row);
            }
        }, "zip");
    }

    private static Object map(Object[] a, Map<String, Object> k) {
        if (a.length < 2) {
            throw Py.typeError("map() must have at least two arguments.");
        }
        Object fn = a[0];
        List<Iterator<Object>> its = new ArrayList<>();
        for (int i = 1; i < a.length; i++) {
            its.add(Ops.iter(a[i]));
        }
        return new PyIterator(new Iterator<>() {
            @Override
            public boolean hasNext() {
                for (Iterator<Object> it : its) {
                    if (!it.hasNext()) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public Object next() {
                Object[] args = new Object[its.size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = its.get(i).next();
                }
                return Ops.call(fn, args, Py.NO_KWARGS);
            }
        }, "map");
    }

    private static Object filter(Object[] a, Map<String, Object> k) {
        if (a.length != 2) {
            throw Py.typeError("filter expected 2 arguments, got " + a.length);
        }
        Object fn = a[0];
        Iterator<Object> it = Ops.iter(a[1]);
        return new PyIterator(new Iterator<>() {
            private Object pending;

            @Override
            public boolean hasNext() {
                while (pending == null && it.hasNext()) {
                    Object v = it.next();
                    Object t = fn == Py.NONE ? v : Ops.call(fn, new Object[] {v}, Py.NO_KWARGS);
                    if (Ops.truthy(t)) {
                        pending = v;
                    }
                }
                return pending != null;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object v = pending;
                pending = null;
                return v;
            }
        }, "filter");
    }

    private static Object anyAll(Object[] a, boolean any) {
        if (a.length != 1) {
            throw Py.typeError((any ? "any" : "all") + "() takes exactly one argument (" + a.length + " given)");
        }
        Iterator<Object> it = Ops.iter(a[0]);
        while (it.hasNext()) {
            if (Ops.truthy(it.next()) == any) {
                return any;
            }
        }
        return !any;
    }

    private static Object iter(Object[] a, Map<String, Object> k) {
        if (a.length != 1) {
            throw Py.typeError("iter expected 1 argument, got " + a.length);
        }
        Object o = a[0];
        if (o instanceof PyIterator) {
            return o;
        }
        if (o instanceof PyInstance pi && pi.pyClass().lookup("__iter__") != null) {
            return Ops.callMethod(o, "__iter__", Py.NO_ARGS, Py.NO_KWARGS);
        }
        return PyIterator.over(o);
    }

    private static Object next(Object[] a, Map<String, Object> k) {
        if (a.length < 1 || a.length > 2) {
            throw Py.typeError("next expected at least 1 argument, got " + a.length);
        }
        Object o = a[0];
        if (o instanceof PyIterator it) {
            Object v = it.nextOrNull();
            if (v != null) {
                return v;
            }
        } else if (o instanceof PyInstance pi && pi.pyClass().lookup("__next__") != null) {
            try {
                return Ops.callMethod(o, "__next__", Py.NO_ARGS, Py.NO_KWARGS);
            } catch (PyException e) {
                if (a.length > 1 && e.typeName().equals("StopIteration")) {
                    return a[1];
                }
                throw e;
            }
        } else {
            throw Py.typeError("'" + Ops.typeName(o) + "' object is not an iterator");
        }
        if (a.length > 1) {
            return a[1];
        }
        throw new PyException("StopIteration", "");
    }
}
