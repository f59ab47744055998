package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Methods of list (and the read-only ones of tuple). */
final class ListMethods extends MethodTable {
    static final ListMethods TABLE = new ListMethods();

    private ListMethods() {
        super("append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy", "clear");
    }

    static void extend(PyList self, Object iterable) {
        if (iterable == self) {
            self.items.addAll(new ArrayList<>(self.items));
            return;
        }
        Iterator<Object> it = Ops.iter(iterable);
        while (it.hasNext()) {
            self.items.add(it.next());
            if (self.items.size() > Sequences.MAX_SIZE) {
                throw new PyException("MemoryError", "list too large (Autograd Studio limit)");
            }
        }
    }

    @Override
    public Object call(Object selfObj, String name, Object[] args, Map<String, Object> kwargs) {
        PyList self = (PyList) selfObj;
        List<Object> items = self.items;
        if (!kwargs.isEmpty() && !name.equals("sort")) {
            throw Py.typeError("list." + name + "() takes no keyword arguments");
        }
        switch (name) {
            case "append":
                arity("list", name, args, 1, 1);
                items.add(args[0]);
                return Py.NONE;
            case "extend":
                arity("list", name, args, 1, 1);
                extend(self, args[0]);
                return Py.NONE;
            case "insert": {
                arity("list", name, args, 2, 2);
                long i = Numbers.indexValueClamped(args[0]);
                int n = items.size();
                if (i < 0) {
                    i = Math.max(0, i + n);
                }
                items.add((int) Math.min(i, n), args[1]);
                return Py.NONE;
            }
            case "pop": {
                arity("list", name, args, 0, 1);
                if (items.isEmpty()) {
                    throw Py.indexError("pop from empty list");
                }
                long i = args.length == 0 ? -1 : Numbers.indexValue(args[0]);
                if (i < 0) {
                    i += items.size();
                }
                if (i < 0 || i >= items.size()) {
                    throw Py.indexError("pop index out of range");
                }
                return items.remove((int) i);
            }
            case "remove":
                arity("list", name, args, 1, 1);
                for (int i = 0; i < items.size(); i++) {
                    if (Ops.eq(items.get(i), args[0])) {
                        items.remove(i);
                        return Py.NONE;
                    }
                }
                throw Py.valueError("list.remove(x): x not in list");
            case "index":
                return indexOf(items, args, "list");
            case "count":
                return count(items, args, "list");
            case "sort": {
                arity("list", name, args, 0, 0);
                Object key = kwargs.getOrDefault("key", Py.NONE);
                boolean reverse = Ops.truthy(kwargs.getOrDefault("reverse", Boolean.FALSE));
                for (String k : kwargs.keySet()) {
                    if (!k.equals("key") && !k.equals("reverse")) {
                        throw Py.typeError("'" + k + "' is an invalid keyword argument for sort()");
                    }
                }
                sort(items, key, reverse);
                return Py.NONE;
            }
            case "reverse":
                arity("list", name, args, 0, 0);
                Collections.reverse(items);
                return Py.NONE;
            case "copy":
                arity("list", name, args, 0, 0);
                return new PyList(items);
            case "clear":
                arity("list", name, args, 0, 0);
                items.clear();
                return Py.NONE;
            default:
                throw Py.noAttribute(self, name);
        }
    }

    static Object indexOf(List<Object> items, Object[] args, String type) {
        arity(type, "index", args, 1, 3);
        int start = args.length > 1 ? clampIndex(args[1], items.size()) : 0;
        int stop = args.length > 2 ? clampIndex(args[2], items.size()) : items.size();
        for (int i = start; i < stop; i++) {
            if (Ops.eq(items.get(i), args[0])) {
                return (long) i;
            }
        }
        throw Py.valueError(type.equals("list") ? Ops.repr(args[0]) + " is not in list" : "tuple.index(x): x not in tuple");
    }

    private static int clampIndex(Object o, int n) {
        long i = Numbers.indexValueClamped(o);
        if (i < 0) {
            i = Math.max(0, i + n);
        }
        return (int) Math.min(i, n);
    }

    static Object count(List<Object> items, Object[] args, String type) {
        arity(type, "count", args, 1, 1);
        long n = 0;
        for (Object x : items) {
            if (Ops.eq(x, args[0])) {
                n++;
            }
        }
        return n;
    }

    /** Stable sort with Python's {@code <}, optional key function and reverse flag. */
    static void sort(List<Object> items, Object key, boolean reverse) {
        List<Object> keys = items;
        if (key != Py.NONE) {
            keys = new ArrayList<>(items.size());
            for (Object x : items) {
                keys.add(Ops.call(key, new Object[] {x}, Py.NO_KWARGS));
            }
        }
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        final List<Object> k = keys;
        java.util.Comparator<Integer> cmp = (a, b) -> {
            if (Ops.lessThan(k.get(a), k.get(b))) {
                return -1;
            }
            return Ops.lessThan(k.get(b), k.get(a)) ? 1 : 0;
        };
        if (reverse) {
            // Python keeps equal items in their original order even when reversing.
            java.util.Arrays.sort(order, (a, b) -> cmp.compare(b, a));
        } else {
            java.util.Arrays.sort(order, cmp);
        }
        List<Object> sorted = new ArrayList<>(items.size());
        for (Integer i : order) {
            sorted.add(items.get(i));
        }
        items.clear();
        items.addAll(sorted);
    }
}
