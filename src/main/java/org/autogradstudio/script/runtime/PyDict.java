package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python's dict: insertion ordered, keys compared with Python's equality (1 == 1.0 == True). */
public final class PyDict implements PyObject {
    /** A key as given and its value. */
    static final class Entry {
        final Object key;
        Object value;

        Entry(Object key, Object value) {
            this.key = key;
            this.value = value;
        }
    }

    final LinkedHashMap<Object, Entry> map = new LinkedHashMap<>();

    /** An {@code OrderedDict} (what {@code state_dict()} returns): a dict that prints as one. */
    private boolean ordered;

    public PyDict() {
    }

    /** An empty {@code collections.OrderedDict}. */
    public static PyDict ordered() {
        PyDict d = new PyDict();
        d.ordered = true;
        return d;
    }

    public boolean isOrdered() {
        return ordered;
    }

    /** A dict copied from a Java map with string keys. */
    public static PyDict ofStrings(Map<String, ?> values) {
        PyDict d = new PyDict();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            d.put(e.getKey(), e.getValue());
        }
        return d;
    }

    public void put(Object key, Object value) {
        Entry e = map.get(Keys.normalize(key));
        if (e != null) {
            e.value = value;
        } else {
            map.put(Keys.normalize(key), new Entry(key, value));
        }
    }

    /** The value for a key, or null when absent. */
    public Object get(Object key) {
        Entry e = map.get(Keys.normalize(key));
        return e == null ? null : e.value;
    }

    public Object remove(Object key) {
        Entry e = map.remove(Keys.normalize(key));
        return e == null ? null : e.value;
    }

    public boolean containsKey(Object key) {
        return map.containsKey(Keys.normalize(key));
    }

    public int size() {
        return map.size();
    }

    public List<Object> keys() {
        List<Object> out = new ArrayList<>(map.size());
        for (Entry e : map.values()) {
            out.add(e.key);
        }
        return out;
    }

    public List<Object> values() {
        List<Object> out = new ArrayList<>(map.size());
        for (Entry e : map.values()) {
            out.add(e.value);
        }
        return out;
    }

    /** Entries as (key, value) tuples. */
    public List<Object> items() {
        List<Object> out = new ArrayList<>(map.size());
        for (Entry e : map.values()) {
            out.add(new PyTuple(new Object[] {e.key, e.value}));
        }
        return out;
    }

    /** A Java map view with string keys (non-string keys are rendered with str()). */
    public Map<String, Object> toStringMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : map.values()) {
            out.put(Ops.str(e.key), e.value);
        }
        return out;
    }

    @Override
    public String typeName() {
        return ordered ? "OrderedDict" : "dict";
    }

    @Override
    public PyType type() {
        return Types.DICT;
    }

    @Override
    public Object getItem(Object key) {
        Entry e = map.get(Keys.normalize(key));
        if (e == null) {
            throw Py.keyError(key);
        }
        return e.value;
    }

    @Override
    public void setItem(Object key, Object value) {
        put(key, value);
    }

    @Override
    public void delItem(Object key) {
        if (map.remove(Keys.normalize(key)) == null) {
            throw Py.keyError(key);
        }
    }

    @Override
    public boolean contains(Object item) {
        return map.containsKey(Keys.normalize(item));
    }

    @Override
    public int len() {
        return map.size();
    }

    @Override
    public Iterator<Object> iter() {
        Iterator<Entry> it = map.values().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object next() {
                return it.next().key;
            }
        };
    }

    @Override
    public boolean isTrue() {
        return !map.isEmpty();
    }

    @Override
    public Object binaryOp(BinaryOp op, Object other) {
        if (op == BinaryOp.OR && other instanceof PyDict o) {
            PyDict r = copy();
            r.update(o);
            return r;
        }
        return Py.NOT_IMPLEMENTED;
    }

    @Override
    public Object inPlaceOp(BinaryOp op, Object other) {
        if (op == BinaryOp.OR) {
            DictMethods.update(this, new Object[] {other}, Py.NO_KWARGS);
            return this;
        }
        return Py.NOT_IMPLEMENTED;
    }

    public PyDict copy() {
        PyDict r = new PyDict();
        r.update(this);
        return r;
    }

    public void update(PyDict other) {
        for (Entry e : new ArrayList<>(other.map.values())) {
            put(e.key, e.value);
        }
    }

    @Override
    public Object compare(CompareOp op, Object other) {
        if ((op == CompareOp.EQ || op == CompareOp.NE) && other instanceof PyDict o) {
            boolean eq = map.size() == o.map.size();
            if (eq) {
                for (Map.Entry<Object, Entry> e : map.entrySet()) {
                    Entry oe = o.map.get(e.getKey());
                    if (oe == null || !(oe.value == e.getValue().value || Ops.eq(e.getValue().value, oe.value))) {
                        eq = false;
                        break;
                    }
                }
            }
            return op == CompareOp.EQ ? eq : !eq;
        }
        return Py.NOT_IMPLEMENTED;
    }

    @Override
    public Object getAttr(String name) {
        return DictMethods.TABLE.bind(this, name);
    }

    @Override
    public Object callMethod(String name, Object[] args, Map<String, Object> kwargs) {
        if (DictMethods.TABLE.has(name)) {
            return DictMethods.TABLE.call(this, name, args, kwargs);
        }
        throw Py.noAttribute(this, name);
    }

    @Override
    public String repr() {
        if (!Ops.enterRepr(this)) {
            return ordered ? "..." : "{...}";
        }
        try {
            if (ordered) {
                return map.isEmpty() ? "OrderedDict()" : "OrderedDict(" + Sequences.join(items(), "[", "]") + ")";
            }
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Entry e : map.values()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(Ops.repr(e.key)).append(": ").append(Ops.repr(e.value));
            }
            return sb.append('}').toString();
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
