package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python's set (insertion ordered here; CPython's order is by hash and may differ). */
public final class PySet implements PyObject {
    final LinkedHashMap<Object, Object> map = new LinkedHashMap<>();

    public PySet() {
    }

    public PySet(Collection<?> values) {
        for (Object v : values) {
            add(v);
        }
    }

    public void add(Object v) {
        map.putIfAbsent(Keys.normalize(v), v);
    }

    public boolean has(Object v) {
        return map.containsKey(Keys.normalize(v));
    }

    public List<Object> values() {
        return new ArrayList<>(map.values());
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
        return map.values().iterator();
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
        PySet r = new PySet(map.values());
        for (Object v : toSet(other).map.values()) {
            r.add(v);
        }
        return r;
    }

    PySet intersection(Object other) {
        PySet o = toSet(other);
        PySet r = new PySet();
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            if (o.map.containsKey(e.getKey())) {
                r.map.put(e.getKey(), e.getValue());
            }
        }
        return r;
    }

    PySet difference(Object other) {
        PySet o = toSet(other);
        PySet r = new PySet();
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            if (!o.map.containsKey(e.getKey())) {
                r.map.put(e.getKey(), e.getValue());
            }
        }
        return r;
    }

    PySet symmetricDifference(Object other) {
        PySet o = toSet(other);
        PySet r = difference(o);
        for (Map.Entry<Object, Object> e : o.map.entrySet()) {
            if (!map.containsKey(e.getKey())) {
                r.map.put(e.getKey(), e.getValue());
            }
        }
        return r;
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
        Object r = binaryOp(op, other);
        if (r instanceof PySet s) {
            map.clear();
            map.putAll(s.map);
            return this;
        }
        return r;
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
                    if (self.map.remove(Keys.normalize(args[0])) == null) {
                        throw Py.keyError(args[0]);
                    }
                    return Py.NONE;
                case "discard":
                    arity("set", name, args, 1, 1);
                    self.map.remove(Keys.normalize(args[0]));
                    return Py.NONE;
                case "pop": {
                    arity("set", name, args, 0, 0);
                    if (self.map.isEmpty()) {
                        throw Py.keyError("pop from an empty set");
                    }
                    Object k = self.map.keySet().iterator().next();
                    return self.map.remove(k);
                }
                case "clear":
                    self.map.clear();
                    return Py.NONE;
                case "copy":
                    return new PySet(self.map.values());
                case "union": {
                    PySet r = new PySet(self.map.values());
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
                    return r == self ? new PySet(self.map.values()) : r;
                }
                case "difference": {
                    PySet r = new PySet(self.map.values());
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
                        for (Object v : toSet(a).map.values()) {
                            self.add(v);
                        }
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
