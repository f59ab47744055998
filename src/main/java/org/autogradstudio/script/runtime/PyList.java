package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Python's list: a growable sequence; the backing {@link #items()} list is live. */
public final class PyList implements PyObject {
    final ArrayList<Object> items;

    public PyList() {
        items = new ArrayList<>();
    }

    public PyList(Collection<?> values) {
        items = new ArrayList<>(values);
    }

    public PyList(int capacity) {
        items = new ArrayList<>(capacity);
    }

    /** The live backing list. */
    public List<Object> items() {
        return items;
    }

    public void append(Object value) {
        items.add(value);
    }

    public Object get(int i) {
        return items.get(i);
    }

    public int size() {
        return items.size();
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public PyType type() {
        return Types.LIST;
    }

    @Override
    public Object getItem(Object key) {
        if (key instanceof Slice s) {
            return new PyList(Sequences.slice(items, s));
        }
        return items.get(Sequences.index(key, items.size(), "list"));
    }

    @Override
    public void setItem(Object key, Object value) {
        if (key instanceof Slice s) {
            assignSlice(s, value);
            return;
        }
        int i;
        try {
            i = Sequences.index(key, items.size(), "list");
        } catch (PyException e) {
            if (e.typeName().equals("IndexError")) {
                throw Py.indexError("list assignment index out of range");
            }
            throw e;
        }
        items.set(i, value);
    }

    private void assignSlice(Slice s, Object value) {
        List<Object> values = new ArrayList<>();
        Iterator<Object> it = Ops.iter(value);
        while (it.hasNext()) {
            values.add(it.next());
        }
        long[] ix = s.indices(items.size());
        if (ix[2] == 1) {
            int lo = (int) ix[0];
            int hi = (int) Math.max(ix[0], ix[1]);
            items.subList(lo, hi).clear();
            items.addAll(lo, values);
            return;
        }
        if (values.size() != ix[3]) {
            throw Py.valueError("attempt to assign sequence of size " + values.size() + " to extended slice of size "
                    + ix[3]);
        }
        long i = ix[0];
        for (Object v : values) {
            items.set((int) i, v);
            i += ix[2];
        }
    }

    @Override
    public void delItem(Object key) {
        if (key instanceof Slice s) {
            long[] ix = s.indices(items.size());
            List<Object> keep = new ArrayList<>();
            java.util.Set<Integer> drop = new java.util.HashSet<>();
            long i = ix[0];
            for (long k = 0; k < ix[3]; k++, i += ix[2]) {
                drop.add((int) i);
            }
            for (int j = 0; j < items.size(); j++) {
                if (!drop.contains(j)) {
                    keep.add(items.get(j));
                }
            }
            items.clear();
            items.addAll(keep);
            return;
        }
        try {
            items.remove(Sequences.index(key, items.size(), "list"));
        } catch (PyException e) {
            if (e.typeName().equals("IndexError")) {
                throw Py.indexError("list assignment index out of range");
            }
            throw e;
        }
    }

    @Override
    public int len() {
        return items.size();
    }

    /** Index-based, so appending while iterating behaves as in Python instead of failing. */
    @Override
    public Iterator<Object> iter() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < items.size();
            }

            @Override
            public Object next() {
                if (i >= items.size()) {
                    throw new NoSuchElementException();
                }
                return items.get(i++);
            }
        };
    }

    @Override
    public boolean contains(Object item) {
        for (int i = 0; i < items.size(); i++) {
            Object x = items.get(i);
            if (x == item || Ops.eq(x, item)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isTrue() {
        return !items.isEmpty();
    }

    @Override
    public Object binaryOp(BinaryOp op, Object other) {
        if (op == BinaryOp.ADD) {
            if (other instanceof PyList o) {
                PyList r = new PyList(items.size() + o.items.size());
                r.items.addAll(items);
                r.items.addAll(o.items);
                return r;
            }
            if (!(other instanceof PyObject p) || p instanceof PySingleton || p instanceof PyTuple) {
                throw Py.typeError("can only concatenate list (not \"" + Ops.typeName(other) + "\") to list");
            }
        }
        if (op == BinaryOp.MUL && Numbers.isIntegral(other)) {
            return repeat(other);
        }
        return Py.NOT_IMPLEMENTED;
    }

    @Override
    public Object reflectedBinaryOp(BinaryOp op, Object other) {
        if (op == BinaryOp.MUL && Numbers.isIntegral(other)) {
            return repeat(other);
        }
        return Py.NOT_IMPLEMENTED;
    }

    private PyList repeat(Object times) {
        int n = Sequences.repeatCount(items.size(), times);
        PyList r = new PyList(items.size() * n);
        for (int k = 0; k < n; k++) {
            r.items.addAll(items);
        }
        return r;
    }

    @Override
    public Object inPlaceOp(BinaryOp op, Object other) {
        if (op == BinaryOp.ADD) {
            ListMethods.extend(this, other);
            return this;
        }
        if (op == BinaryOp.MUL && Numbers.isIntegral(other)) {
            PyList r = repeat(other);
            items.clear();
            items.addAll(r.items);
            return this;
        }
        return Py.NOT_IMPLEMENTED;
    }

    @Override
    public Object compare(CompareOp op, Object other) {
        if (other instanceof PyList o) {
            return Sequences.compare(items, o.items, op);
        }
        return Py.NOT_IMPLEMENTED;
    }

    @Override
    public Object getAttr(String name) {
        return ListMethods.TABLE.bind(this, name);
    }

    @Override
    public Object callMethod(String name, Object[] args, Map<String, Object> kwargs) {
        if (ListMethods.TABLE.has(name)) {
            return ListMethods.TABLE.call(this, name, args, kwargs);
        }
        throw Py.noAttribute(this, name);
    }

    @Override
    public String repr() {
        if (!Ops.enterRepr(this)) {
            return "[...]";
        }
        try {
            return Sequences.join(items, "[", "]");
        } finally {
            Ops.exitRepr(this);
        }
    }

    @Override
    public boolean isHashable() {
        return false;
    }

    @Override
    public String toString() {
        return repr();
    }
}
