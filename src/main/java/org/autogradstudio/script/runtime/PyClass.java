package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class defined by a {@code class} statement, or one of the built-in exception classes. Its
 * instances are {@link PyInstance}s ({@link PyExceptionObject}s below {@code BaseException}).
 */
public class PyClass extends PyType {
    /** The class's {@code __name__} and {@code __qualname__} (the latter in reprs); a script may rename its own classes. */
    private String name;
    private String qualname;
    private final String module;
    private final List<PyType> bases;
    private final List<PyType> mro;
    private final Map<String, Object> dict;
    private final boolean builtin;
    private final boolean exception;

    public PyClass(String name, String module, List<PyType> bases, Map<String, Object> dict, boolean builtin) {
        this.name = name;
        this.qualname = name;
        this.module = module;
        this.bases = bases.isEmpty() ? List.of(Types.OBJECT) : List.copyOf(bases);
        for (PyType b : this.bases) {
            if (!(b instanceof PyClass) && b != Types.OBJECT) {
                throw Py.typeError("subclassing '" + b.name() + "' is not supported in Autograd Studio");
            }
        }
        this.dict = new LinkedHashMap<>(dict);
        this.builtin = builtin;
        this.mro = linearize(this, this.bases);
        boolean exc = false;
        for (PyType t : mro) {
            exc |= t.name().equals("BaseException") && t instanceof PyClass c && c.builtin;
        }
        this.exception = exc;
    }

    /** C3 linearization, as Python computes {@code __mro__}. */
    private static List<PyType> linearize(PyType self, List<PyType> bases) {
        List<List<PyType>> seqs = new ArrayList<>();
        for (PyType b : bases) {
            seqs.add(new ArrayList<>(b.mro()));
        }
        seqs.add(new ArrayList<>(bases));
        List<PyType> out = new ArrayList<>();
        out.add(self);
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) {
                return List.copyOf(out);
            }
            PyType candidate = null;
            for (List<PyType> s : seqs) {
                PyType head = s.get(0);
                boolean inTail = false;
                for (List<PyType> other : seqs) {
                    inTail |= other.indexOf(head) > 0;
                }
                if (!inTail) {
                    candidate = head;
                    break;
                }
            }
            if (candidate == null) {
                throw Py.typeError("Cannot create a consistent method resolution order (MRO)");
            }
            out.add(candidate);
            for (List<PyType> s : seqs) {
                if (s.get(0) == candidate) {
                    s.remove(0);
                }
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code __qualname__}, which reprs show. */
    public String qualname() {
        return qualname;
    }

    public String module() {
        return module;
    }

    @Override
    public List<PyType> mro() {
        return mro;
    }

    public boolean isExceptionClass() {
        return exception;
    }

    public boolean isBuiltin() {
        return builtin;
    }

    /** The class's own namespace (methods and class attributes). */
    public Map<String, Object> dict() {
        return dict;
    }

    /** The names {@code __slots__} allow on instances, or null when instances have a {@code __dict__} (see {@link #slots()}). */
    private java.util.Set<String> slots;
    private boolean slotsKnown;

    /**
     * The attribute names an instance may hold when every class of the MRO declares
     * {@code __slots__} (none of them {@code '__dict__'}); null when instances take any attribute.
     */
    public java.util.Set<String> slots() {
        if (!slotsKnown) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (PyType t : mro) {
                if (!(t instanceof PyClass c) || c.builtin) {
                    continue;
                }
                Object declared = c.dict.get("__slots__");
                if (declared == null) {
                    names = null;
                    break;
                }
                java.util.Iterator<Object> it = declared instanceof String one ? java.util.List.<Object>of(one).iterator()
                        : Ops.iter(declared);
                while (it.hasNext()) {
                    names.add(Py.str(it.next()));
                }
            }
            slots = names == null || names.contains("__dict__") ? null : names;
            slotsKnown = true;
        }
        return slots;
    }

    @Override
    public Object lookup(String attr) {
        for (PyType t : mro) {
            if (t instanceof PyClass c) {
                Object v = c.dict.get(attr);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    @Override
    public Object getAttr(String attr) {
        switch (attr) {
            case "__name__":
                return name;
            case "__qualname__":
                return qualname;
            case "__module__":
                return module;
            case "__bases__":
                return new PyTuple(bases.toArray());
            case "__mro__":
                return new PyTuple(mro.toArray());
            case "__dict__":
                return PyDict.ofStrings(dict);
            case "__doc__": {
                Object d = dict.get("__doc__");
                return d == null ? Py.NONE : d;
            }
            default: {
                Object v = lookup(attr);
                return v == null ? null : Descriptors.bind(v, null, this);
            }
        }
    }

    @Override
    public void setAttr(String attr, Object value) {
        if (builtin) {
            throw Py.typeError("cannot set '" + attr + "' attribute of immutable type '" + name + "'");
        }
        if (attr.equals("__name__") || attr.equals("__qualname__")) {
            if (!(value instanceof String s)) {
                throw Py.typeError("can only assign string to " + name + "." + attr + ", not '" + Ops.typeName(value) + "'");
            }
            if (attr.equals("__name__")) {
                name = s;
            } else {
                qualname = s;
            }
            return;
        }
        dict.put(attr, value);
    }

    @Override
    public void delAttr(String attr) {
        if (builtin || dict.remove(attr) == null) {
            throw Py.noAttribute(this, attr);
        }
    }

    /** Instantiation: {@code __new__} (implicit) then {@code __init__}. */
    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        PyInstance obj = exception ? new PyExceptionObject(this, args) : new PyInstance(this);
        Object init = lookup("__init__");
        if (init == null) {
            if (args.length > 0 || !kwargs.isEmpty()) {
                if (!exception) {
                    throw Py.typeError(name + "() takes no arguments");
                }
            }
            return obj;
        }
        Object r = init instanceof Bindable b ? b.callWithSelf(obj, args, kwargs)
                : Ops.call(Descriptors.bind(init, obj, this), args, kwargs);
        if (r != Py.NONE && r != null) {
            throw Py.typeError("__init__() should return None, not '" + Ops.typeName(r) + "'");
        }
        return obj;
    }

    /** Creates an exception instance without running a script-level {@code __init__}. */
    public PyExceptionObject instantiate(Object[] args) {
        return new PyExceptionObject(this, args);
    }

    @Override
    public String repr() {
        return builtin || module == null || module.equals("builtins") ? "<class '" + qualname + "'>"
                : "<class '" + module + "." + qualname + "'>";
    }
}
