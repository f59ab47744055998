package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Methods of dict, and its key/value/item views. */
final class DictMethods extends MethodTable {
    static final DictMethods TABLE = new DictMethods();

    private DictMethods() {
        super("keys", "values", "items", "get", "pop", "popitem", "setdefault", "update", "copy", "clear");
    }

    @Override
    public Object call(Object selfObj, String name, Object[] args, Map<String, Object> kwargs) {
        PyDict self = (PyDict) selfObj;
        if (!kwargs.isEmpty() && !name.equals("update")) {
            throw Py.typeError("dict." + name + "() takes no keyword arguments");
        }
        switch (name) {
            case "keys":
                arity("dict", name, args, 0, 0);
                return new View(self, "dict_keys");
            case "values":
                arity("dict", name, args, 0, 0);
                return new View(self, "dict_values");
            case "items":
                arity("dict", name, args, 0, 0);
                return new View(self, "dict_items");
            case "get": {
                arity("dict", name, args, 1, 2);
                Object v = self.get(args[0]);
                return v != null ? v : args.length > 1 ? args[1] : Py.NONE;
            }
            case "pop": {
                arity("dict", name, args, 1, 2);
                Object v = self.remove(args[0]);
                if (v != null) {
                    return v;
                }
                if (args.length > 1) {
                    return args[1];
                }
                throw Py.keyError(args[0]);
            }
            case "popitem": {
                arity("dict", name, args, 0, 0);
                if (self.map.isEmpty()) {
                    throw Py.keyError("popitem(): dictionary is empty");
                }
                Object last = null;
                for (Object k : self.map.keySet()) {
                    last = k;
                }
                PyDict.Entry e = self.map.remove(last);
                return new PyTuple(new Object[] {e.key, e.value});
            }
            case "setdefault": {
                arity("dict", name, args, 1, 2);
                Object v = self.get(args[0]);
                if (v != null) {
                    return v;
                }
                Object d = args.length > 1 ? args[1] : Py.NONE;
                self.put(args[0], d);
                return d;
            }
            case "update":
                update(self, args, kwargs);
                return Py.NONE;
            case "copy":
                arity("dict", name, args, 0, 0);
                return self.copy();
            case "clear":
                arity("dict", name, args, 0, 0);
                self.map.clear();
                return Py.NONE;
            default:
                throw Py.noAttribute(self, name);
        }
    }

    /** {@code d.update(other, **kw)} and {@code dict(other, **kw)}. */
    static void update(PyDict self, Object[] args, Map<String, Object> kwargs) {
        if (args.length > 1) {
            throw Py.typeError("update expected at most 1 argument, got " + args.length);
        }
        if (args.length == 1) {
            Object src = args[0];
            if (src instanceof PyDict d) {
                self.update(d);
            } else if (src instanceof PyObject p && p.getAttr("keys") != null && !(src instanceof PyList)
                    && !(src instanceof PyTuple)) {
                Iterator<Object> keys = Ops.iter(Ops.callMethod(src, "keys", Py.NO_ARGS, Py.NO_KWARGS));
                while (keys.hasNext()) {
                    Object k = keys.next();
                    self.put(k, Ops.getItem(src, k));
                }
            } else {
                Iterator<Object> it = Ops.iter(src);
                int i = 0;
                while (it.hasNext()) {
                    Object pair = it.next();
                    Object[] kv = Ops.toArray(pair);
                    if (kv.length != 2) {
                        throw Py.valueError("dictionary update sequence element #" + i + " has length " + kv.length
                                + "; 2 is required");
                    }
                    self.put(kv[0], kv[1]);
                    i++;
                }
            }
        }
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            self.put(e.getKey(), e.getValue());
        }
    }

    /** {@code dict_keys}, {@code dict_values}, {@code dict_items}: live views. */
    static final class View implements PyObject {
        private final PyDict dict;
        private final String kind;

        View(PyDict dict, String kind) {
            this.dict = dict;
            this.kind = kind;
        }

        private List<Object> snapshot() {
            switch (kind) {
                case "dict_keys": return dict.keys();
                case "dict_values": return dict.values();
                default: return dict.items();
            }
        }

        @Override
        public String typeName() {
            return (dict.isOrdered() ? "o" : "") + kind;
        }

        @Override
        public int len() {
            return dict.size();
        }

        @Override
        public Iterator<Object> iter() {
            if (kind.equals("dict_keys")) {
                return dict.iter();
            }
            Iterator<PyDict.Entry> it = dict.map.values().iterator();
            boolean values = kind.equals("dict_values");
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Object next() {
                    PyDict.Entry e = it.next();
                    return values ? e.value : new PyTuple(new Object[] {e.key, e.value});
                }
            };
        }

        @Override
        public boolean contains(Object item) {
            if (kind.equals("dict_keys")) {
                return dict.containsKey(item);
            }
            return PyObject.super.contains(item);
        }

        @Override
        public boolean isTrue() {
            return dict.size() > 0;
        }

        @Override
        public Object compare(CompareOp op, Object other) {
            if (op == CompareOp.EQ && other instanceof View v && v.kind.equals(kind) && !kind.equals("dict_values")) {
                return new PySet(snapshot()).compare(op, new PySet(v.snapshot()));
            }
            return Py.NOT_IMPLEMENTED;
        }

        @Override
        public String repr() {
            return typeName() + "(" + Sequences.join(new ArrayList<>(snapshot()), "[", "]") + ")";
        }
    }
}
