package org.autogradstudio.script.runtime;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An instance of a script-defined class: attributes in a dict, special methods ({@code __add__},
 * {@code __len__}, {@code __call__} ...) looked up on the class as Python does.
 */
public class PyInstance implements PyObject {
    private final PyClass cls;
    final Map<String, Object> attrs = new LinkedHashMap<>();

    public PyInstance(PyClass cls) {
        this.cls = cls;
    }

    public PyClass pyClass() {
        return cls;
    }

    /** The instance's attributes ({@code vars(obj)}). */
    public Map<String, Object> attributes() {
        return attrs;
    }

    @Override
    public String typeName() {
        return cls.name();
    }

    @Override
    public PyType type() {
        return cls;
    }

    /** Calls special method {@code name} if the class defines it; null otherwise. */
    protected final Object special(String name, Object... args) {
        Object m = cls.lookup(name);
        if (m == null) {
            return null;
        }
        if (m instanceof Bindable b) {
            return Py.fromJava(b.callWithSelf(this, args, Py.NO_KWARGS));
        }
        return Ops.call(Descriptors.bind(m, this, cls), args, Py.NO_KWARGS);
    }

    private Object specialOrNotImplemented(String name, Object arg) {
        Object r = special(name, arg);
        return r == null ? Py.NOT_IMPLEMENTED : r;
    }

    @Override
    public Object getAttr(String name) {
        Object v = attrs.get(name);
        if (v != null) {
            return v;
        }
        switch (name) {
            case "__class__": return cls;
            case "__dict__": return PyDict.ofStrings(attrs);
            default: break;
        }
        Object m = cls.lookup(name);
        if (m != null) {
            return Descriptors.bind(m, this, cls);
        }
        if (cls.lookup("__getattr__") != null) {
            return special("__getattr__", name);
        }
        return null;
    }

    @Override
    public void setAttr(String name, Object value) {
        Object m = cls.lookup(name);
        if (m instanceof Descriptors.Property p) {
            p.set(this, value);
            return;
        }
        Object hook = cls.lookup("__setattr__");
        if (hook != null) {
            special("__setattr__", name, value);
            return;
        }
        setAttrDirect(name, value);
    }

    /** Plain attribute store, bypassing {@code __setattr__} ({@code object.__setattr__}); {@code __slots__} still apply. */
    public void setAttrDirect(String name, Object value) {
        java.util.Set<String> slots = cls.slots();
        if (slots != null && !slots.contains(name)) {
            throw Py.attributeError("'" + cls.name() + "' object has no attribute '" + name + "'");
        }
        attrs.put(name, value);
    }

    @Override
    public void delAttr(String name) {
        if (attrs.remove(name) == null) {
            throw Py.noAttribute(this, name);
        }
    }

    @Override
    public Object callMethod(String name, Object[] args, Map<String, Object> kwargs) {
        Object own = attrs.get(name);
        if (own != null) {
            return Ops.call(own, args, kwargs);
        }
        Object m = cls.lookup(name);
        if (m instanceof Bindable b) {
            return b.callWithSelf(this, args, kwargs);
        }
        Object f = getAttr(name);
        if (f == null) {
            throw Py.noAttribute(this, name);
        }
        return Ops.call(f, args, kwargs);
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        Object m = cls.lookup("__call__");
        if (m == null) {
            throw Py.typeError("'" + typeName() + "' object is not callable");
        }
        if (m instanceof Bindable b) {
            return b.callWithSelf(this, args, kwargs);
        }
        return Ops.call(Descriptors.bind(m, this, cls), args, kwargs);
    }

    @Override
    public Object binaryOp(BinaryOp op, Object other) {
        return specialOrNotImplemented(op.dunder, other);
    }

    @Override
    public Object reflectedBinaryOp(BinaryOp op, Object other) {
        return specialOrNotImplemented(op.reflectedDunder, other);
    }

    @Override
    public Object inPlaceOp(BinaryOp op, Object other) {
        return specialOrNotImplemented(op.inPlaceDunder, other);
    }

    @Override
    public Object unaryOp(UnaryOp op) {
        Object r = special(op.dunder);
        return r == null ? Py.NOT_IMPLEMENTED : r;
    }

    @Override
    public Object compare(CompareOp op, Object other) {
        Object r = special(op.dunder, other);
        if (r == null && op == CompareOp.NE && cls.lookup("__eq__") != null) {
            Object eq = special("__eq__", other);
            return eq == Py.NOT_IMPLEMENTED ? eq : !Ops.truthy(eq);
        }
        return r == null ? Py.NOT_IMPLEMENTED : r;
    }

    @Override
    public Object getItem(Object key) {
        Object r = special("__getitem__", key);
        if (r == null) {
            return PyObject.super.getItem(key);
        }
        return r;
    }

    @Override
    public void setItem(Object key, Object value) {
        if (special("__setitem__", key, value) == null) {
            PyObject.super.setItem(key, value);
        }
    }

    @Override
    public void delItem(Object key) {
        if (special("__delitem__", key) == null) {
            PyObject.super.delItem(key);
        }
    }

    @Override
    public boolean contains(Object item) {
        if (cls.lookup("__contains__") != null) {
            return Ops.truthy(special("__contains__", item));
        }
        return PyObject.super.contains(item);
    }

    @Override
    public int len() {
        Object r = special("__len__");
        if (r == null) {
            return PyObject.super.len();
        }
        if (!(r instanceof Long) && !(r instanceof Boolean)) {
            throw Py.typeError("'" + Ops.typeName(r) + "' object cannot be interpreted as an integer");
        }
        long n = Numbers.indexValue(r);
        if (n < 0) {
            throw Py.valueError("__len__() should return >= 0");
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    @Override
    public Iterator<Object> iter() {
        if (cls.lookup("__iter__") == null) {
            if (cls.lookup("__getitem__") != null) {
                return sequenceIterator();
            }
            return PyObject.super.iter();
        }
        Object it = special("__iter__");
        if (it instanceof PyInstance pi && pi.cls.lookup("__next__") != null) {
            return pi.nextIterator();
        }
        return Ops.iter(it);
    }

    /** Adapts {@code __next__} (ending with StopIteration) to a Java iterator. */
    Iterator<Object> nextIterator() {
        return new Iterator<>() {
            private Object pending;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (pending == null && !done) {
                    try {
                        pending = special("__next__");
                    } catch (PyException e) {
                        if (!e.matches(ExceptionTypes.get("StopIteration"))) {
                            throw e;
                        }
                        done = true;
                    }
                }
                return !done;
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
        };
    }

    private Iterator<Object> sequenceIterator() {
        return new Iterator<>() {
            private long i;
            private Object pending;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (pending == null && !done) {
                    try {
                        pending = special("__getitem__", i++);
                    } catch (PyException e) {
                        if (!e.matches(ExceptionTypes.get("IndexError")) && !e.matches(ExceptionTypes.get("StopIteration"))) {
                            throw e;
                        }
                        done = true;
                    }
                }
                return !done;
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
        };
    }

    @Override
    public boolean isTrue() {
        Object r = special("__bool__");
        if (r != null) {
            if (!(r instanceof Boolean b)) {
                throw Py.typeError("__bool__ should return bool, returned " + Ops.typeName(r));
            }
            return b;
        }
        if (cls.lookup("__len__") != null) {
            return len() != 0;
        }
        return true;
    }

    @Override
    public double toDouble() {
        Object r = special("__float__");
        if (r == null) {
            return PyObject.super.toDouble();
        }
        return Numbers.toDouble(r, "__float__ returned non-float");
    }

    @Override
    public Object toInt() {
        Object r = special("__int__");
        if (r == null) {
            r = special("__index__");
        }
        return r == null ? PyObject.super.toInt() : r;
    }

    @Override
    public Object index() {
        Object r = special("__index__");
        return r == null ? PyObject.super.index() : r;
    }

    @Override
    public String repr() {
        Object r = special("__repr__");
        if (r != null) {
            if (!(r instanceof String s)) {
                throw Py.typeError("__repr__ returned non-string (type " + Ops.typeName(r) + ")");
            }
            return s;
        }
        return defaultRepr();
    }

    protected String defaultRepr() {
        String mod = cls.module();
        return "<" + (mod == null ? "" : mod + ".") + cls.qualname() + " object at " + Py.address(this) + ">";
    }

    @Override
    public String str() {
        Object r = special("__str__");
        if (r != null) {
            if (!(r instanceof String s)) {
                throw Py.typeError("__str__ returned non-string (type " + Ops.typeName(r) + ")");
            }
            return s;
        }
        return repr();
    }

    @Override
    public String format(String spec) {
        Object r = special("__format__", spec);
        if (r != null) {
            return Ops.str(r);
        }
        return PyObject.super.format(spec);
    }

    @Override
    public Object enter() {
        Object r = special("__enter__");
        return r == null ? PyObject.super.enter() : r;
    }

    @Override
    public boolean exit(PyException error) {
        Object r;
        if (error == null) {
            r = special("__exit__", Py.NONE, Py.NONE, Py.NONE);
        } else {
            PyExceptionObject v = error.value();
            r = special("__exit__", v.pyClass(), v, Py.NONE);
        }
        return r != null && Ops.truthy(r);
    }

    @Override
    public boolean isHashable() {
        return cls.lookup("__eq__") == null || cls.lookup("__hash__") != null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (cls.lookup("__eq__") == null) {
            return false;
        }
        Object r = special("__eq__", o);
        return r != Py.NOT_IMPLEMENTED && Ops.truthy(r);
    }

    @Override
    public int hashCode() {
        Object r = special("__hash__");
        return r == null ? System.identityHashCode(this) : Long.hashCode(Numbers.indexValue(r));
    }
}
