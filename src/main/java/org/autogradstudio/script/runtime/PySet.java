package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's set: members by normalised key (see {@link Keys}), iterated in CPython 3.11's order,
 * which {@link SetTable} reproduces from the members' hashes and the set's history.
 */
public final class PySet implements PyObject {
    final LinkedHashMap<Object, Object> map = new LinkedHashMap<>();
    private final SetTable table = new SetTable();

    public PySet() {
    }

    public PySet(Collection<?> values) {
        for (Object v : values) {
            add(v);
        }
    }

    public void add(Object v) {
        Object k = Keys.normalize(v);
        if (!map.containsKey(k)) {
            map.put(k, v);
            table.add(k, Keys.hash(k));
        }
    }

    /**
     * A display of three or more constants ({@code {1, 2, 3}}): CPython compiles it to a frozenset
     * constant, which the compiler rebuilds from its own iteration order when it merges constants,
     * and a new set is updated from that.
     */
    public static PySet ofConstants(List<Object> items) {
        return copyOf(new PySet(new PySet(items).values()));
    }

    /** A copy laid out as CPython copies a set (set_merge into an empty set). */
    public static PySet copyOf(PySet other) {
        PySet r = new PySet();
        r.update(other);
        return r;
    }

    /** {@code self |= other}: a set's members merged in its slot order, any other iterable's added one by one. */
    void update(Object other) {
        if (other instanceof PySet o) {
            table.merge(o.table, map::containsKey);
            for (Map.Entry<Object, Object> e : o.map.entrySet()) {
                map.putIfAbsent(e.getKey(), e.getValue());
            }
            return;
        }
        Iterator<Object> it = Ops.iter(other);
        while (it.hasNext()) {
            add(it.next());
        }
    }

    /** Removes a member by normalised key; whether it was there. */
    private boolean removeKey(Object k) {
        if (map.remove(k) == null) {
            return false;
        }
        table.remove(k, Keys.hash(k));
        return true;
    }

    /** The members in iteration order. */
    private List<Object> ordered() {
        List<Object> keys = table.keysInOrder();
        List<Object> out = new ArrayList<>(keys.size());
        for (Object k : keys) {
            out.add(map.get(k));
        }
        return out;
    }

    public boolean has(Object v) {
        return map.containsKey(Keys.normalize(v));
    }

    public List<Object> values() {
        return ordered();
    }

    public int size() {
        return map.size();
    }

    @Override
    public String typeName() {
        return "set";
    }

    @Override
    public PyType type() {
        return Types.SET;
    }

    @Override
    public int len() {
        return map.size();
    }

    @Override
    public Iterator<Object> iter() {
        Iterator<Object> members = ordered().iterator();
        int size = map.size();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (map.size() != size) {
                    throw Py.runtimeError("Set changed size during iteration");
                }
                return members.hasNext();
            }

            @Override
            public Object next() {
                hasNext();
                return members.next();
            }
        };
    }

    @Override
    public boolean contains(Object item) {
        return has(item);
    }

    @Override
    public boolean isTrue() {
        return !map.isEmpty();
    }

    static PySet toSet(Object o) {
        if (o instanceof PySet s) {
            return s;
        }
        PySet s = new PySet();
        Iterator<Object> it = Ops.iter(o);
        while (it.hasNext()) {
            s.add(it.next());
        }
        return s;
    }

    PySet union(Object other) {
        PySet r = copyOf(this);
        r.update(other);
        return r;
    }

    /** As CPython: the smaller set's members in its order, those the larger also has. */
    PySet intersection(Object other) {
        PySet small = toSet(other);
        PySet large = this;
        if (small.size() > large.size()) {
            PySet t = small;
            small = large;
            large = t;
        }
        PySet r = new PySet();
        for (Object v : small.ordered()) {
            if (large.has(v)) {
                r.add(v);
            }
        }
        return r;
    }

    /** As CPython: a copy with the other's members discarded when this is much larger, else this set's members the other lacks. */
    PySet difference(Object other) {
        PySet o = toSet(other);
        if (size() >> 2 > o.size()) {
            PySet r = copyOf(this);
            r.differenceUpdate(o);
            return r;
        }
        PySet r = new PySet();
        for (Object v : ordered()) {
            if (!o.has(v)) {
                r.add(v);
            }
        }
        return r;
    }

    /** As CPython: a set of the other's members, then each of this set's members toggled in its order. */
    PySet symmetricDifference(Object other) {
        PySet r = other instanceof PySet o ? copyOf(o) : toSet(other);
        r.symmetricDifferenceUpdate(this);
        return r;
    }

    /** {@code self -= o}: its members discarded, then a table more than a quarter dummies rebuilt. */
    private void differenceUpdate(PySet o) {
        for (Object k : o.map.keySet()) {
            removeKey(k);
        }
        table.dropDummiesIfMany();
    }

    /** {@code self ^= o}: each of its members, in its order, removed if here, else added. */
    private void symmetricDifferenceUpdate(PySet o) {
        for (Object v : o.ordered()) {
            if (!removeKey(Keys.normalize(v))) {
                add(v);
            }
        }
    }

    boolean isSubset(PySet o) {
        return o.map.keySet().containsAll(map.keySet());
    }

    @Override
    public Object binaryOp(BinaryOp op, Object other) {
        if (!(other instanceof PySet)) {
            return Py.NOT_IMPLEMENTED;
        }
        switch (op) {
            case OR: return union(other);
            case AND: return intersection(other);
            case SUB: return difference(other);
            case XOR: return symmetricDifference(other);
            default: return Py.NOT_IMPLEMENTED;
        }
    }

    @Override
    public Object inPlaceOp(BinaryOp op, Object other) {
        if (!(other instanceof PySet o)) {
            return Py.NOT_IMPLEMENTED;
        }
        // as CPython's in-place updates, which change this set's own table
        switch (op) {
            case OR:
                update(o);
                return this;
            case SUB:
                differenceUpdate(o);
                return this;
            case XOR:
                symmetricDifferenceUpdate(o);
                return this;
            case AND: {
                PySet r = intersection(o);
                map.clear();
                map.putAll(r.map);
                table.become(r.table);
                return this;
            }
            default:
                return Py.NOT_IMPLEMENTED;
        }
    }

    @Override
    public Object compare(CompareOp op, Object other) {
        if (!(other instanceof PySet o)) {
            return Py.NOT_IMPLEMENTED;
        }
        switch (op) {
            case EQ: return map.size() == o.map.size() && isSubset(o);
            case NE: return !(map.size() == o.map.size() && isSubset(o));
            case LE: return isSubset(o);
            case LT: return map.size() < o.map.size() && isSubset(o);
            case GE: return o.isSubset(this);
            default: return o.map.size() < map.size() && o.isSubset(this);
        }
    }

    @Override
    public Object getAttr(String name) {
        return SetMethods.TABLE.bind(this, name);
    }

    @Override
    public Object callMethod(String name, Object[] args, Map<String, Object> kwargs) {
        if (SetMethods.TABLE.has(name)) {
            return SetMethods.TABLE.call(this, name, args, kwargs);
        }
        throw Py.noAttribute(this, name);
    }

    @Override
    public String repr() {
        if (map.isEmpty()) {
            return "set()";
        }
        return Sequences.join(values(), "{", "}");
    }

    @Override
    public boolean isHashable() {
        return false;
    }

    /** Methods of set. */
    static final class SetMethods extends MethodTable {
        static final SetMethods TABLE = new SetMethods();

        private SetMethods() {
            super("add", "remove", "discard", "pop", "clear", "copy", "union", "intersection", "difference",
                    "symmetric_difference", "update", "issubset", "issuperset", "isdisjoint");
        }

        @Override
        public Object call(Object selfObj, String name, Object[] args, Map<String, Object> kwargs) {
            PySet self = (PySet) selfObj;
            switch (name) {
                case "add":
                    arity("set", name, args, 1, 1);
                    self.add(args[0]);
                    return Py.NONE;
                case "remove":
                    arity("set", name, args, 1, 1);
                    if (!self.removeKey(Keys.normalize(args[0]))) {
                        throw Py.keyError(args[0]);
                    }
                    return Py.NONE;
                case "discard":
                    arity("set", name, args, 1, 1);
                    self.removeKey(Keys.normalize(args[0]));
                    return Py.NONE;
                case "pop": {
                    arity("set", name, args, 0, 0);
                    if (self.map.isEmpty()) {
                        throw Py.keyError("pop from an empty set");
                    }
                    return self.map.remove(self.table.pop());
                }
                case "clear":
                    self.map.clear();
                    self.table.clear();
                    return Py.NONE;
                case "copy":
                    return copyOf(self);
                case "union": {
                    PySet r = copyOf(self);
                    for (Object a : args) {
                        r = r.union(a);
                    }
                    return r;
                }
                case "intersection": {
                    PySet r = self;
                    for (Object a : args) {
                        r = r.intersection(a);
                    }
                    return r == self ? copyOf(self) : r;
                }
                case "difference": {
                    PySet r = copyOf(self);
                    for (Object a : args) {
                        r = r.difference(a);
                    }
                    return r;
                }
                case "symmetric_difference":
                    arity("set", name, args, 1, 1);
                    return self.symmetricDifference(args[0]);
                case "update":
                    for (Object a : args) {
                        self.update(a);
                    }
                    return Py.NONE;
                case "issubset":
                    arity("set", name, args, 1, 1);
                    return self.isSubset(toSet(args[0]));
                case "issuperset":
                    arity("set", name, args, 1, 1);
                    return toSet(args[0]).isSubset(self);
                default:
                    arity("set", name, args, 1, 1);
                    return self.intersection(args[0]).map.isEmpty();
            }
        }
    }
}
