package org.autogradstudio.script.runtime;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's tuple: immutable; equal and hashed by value so it can be a dict key. */
public final class PyTuple implements PyObject {
    public static final PyTuple EMPTY = new PyTuple(new Object[0]);
    private final Object[] items;

    /** Takes ownership of the array. */
    public PyTuple(Object[] items) {
        this.items = items;
    }

    public static PyTuple of(Object... items) {
        return new PyTuple(items);
    }

    public int size() {
        return items.length;
    }

    public Object get(int i) {
        return items[i];
    }

    /** A read-only view of the items. */
    public List<Object> items() {
        return Arrays.asList(items);
    }

    public Object[] toArray() {
        return items.clone();
    }

    @Override
    public String typeName() {
        return "tuple";
    }

    @Override
    public PyType type() {
        return Types.TUPLE;
    }

    @Override
    public Object getItem(Object key) {
        if (key instanceof Slice s) {
            return new PyTuple(Sequences.slice(items(), s).toArray());
        }
        return items[Sequences.index(key, items.length, "tuple")];
    }

    @Override
    public int len() {
        return items.length;
    }

    @Override
    public Iterator<Object> iter() {
        return items().iterator();
    }

    @Override
    public boolean contains(Object item) {
        for (Object x : items) {
            if (x == item || Ops.eq(x, item)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isTrue() {
        return items.length > 0;
    }

    @Override
    public Object binaryOp(BinaryOp op, Object other) {
        if (op == BinaryOp.ADD) {
            if (other instanceof PyTuple o) {
                Object[] r = Arrays.copyOf(items, items.length + o.items.length);
                System.arraycopy(o.items, 0, r, items.length, o.items.length);
                return new PyTuple(r);
            }
            if (!(other instanceof PyObject p) || p instanceof PySingleton || p instanceof PyList) {
                throw Py.typeError("can only concatenate tuple (not \"" + Ops.typeName(other) + "\") to tuple");
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

    private PyTuple repeat(Object times) {
        int n = Sequences.repeatCount(items.length, times);
        Object[] r = new Object[items.length * n];
        for (int k = 0; k < n; k++) {
            System.arraycopy(items, 0, r, k * items.length, items.length);
        }
        return new PyTuple(r);
    }

    @Override
    public Object compare(CompareOp op, Object other) {
        if (other instanceof PyTuple o) {
            return Sequences.compare(items(), o.items(), op);
        }
        return Py.NOT_IMPLEMENTED;
    }

    @Override
    public Object getAttr(String name) {
        return TupleMethods.TABLE.bind(this, name);
    }

    @Override
    public Object callMethod(String name, Object[] args, Map<String, Object> kwargs) {
        if (TupleMethods.TABLE.has(name)) {
            return TupleMethods.TABLE.call(this, name, args, kwargs);
        }
        throw Py.noAttribute(this, name);
    }

    @Override
    public String repr() {
        if (items.length == 1) {
            return "(" + Ops.repr(items[0]) + ",)";
        }
        if (!Ops.enterRepr(this)) {
            return "(...)";
        }
        try {
            return Sequences.join(items(), "(", ")");
        } finally {
            Ops.exitRepr(this);
        }
    }

    @Override
    public boolean isHashable() {
        for (Object x : items) {
            if (x instanceof PyObject p && !p.isHashable()) {
                return false;
            }
        }
        return true;
    }

    /** Key equality (for dicts and sets): element-wise with Python's numeric equality. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyTuple t) || t.items.length != items.length) {
            return false;
        }
        for (int i = 0; i < items.length; i++) {
            if (!Keys.normalize(items[i]).equals(Keys.normalize(t.items[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0x345678;
        for (Object x : items) {
            h = h * 1000003 ^ Keys.normalize(x).hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return repr();
    }

    /** Methods of tuple. */
    static final class TupleMethods extends MethodTable {
        static final TupleMethods TABLE = new TupleMethods();

        private TupleMethods() {
            super("index", "count");
        }

        @Override
        public Object call(Object self, String name, Object[] args, Map<String, Object> kwargs) {
            List<Object> items = ((PyTuple) self).items();
            return name.equals("index") ? ListMethods.indexOf(items, args, "tuple")
                    : ListMethods.count(items, args, "tuple");
        }
    }
}
