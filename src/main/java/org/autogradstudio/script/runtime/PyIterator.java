package org.autogradstudio.script.runtime;

import java.util.Iterator;

/**
 * A Python iterator over a Java iterator: what {@code iter()}, {@code enumerate}, {@code zip},
 * {@code map} and generator expressions return. Iterating it consumes it, as in Python.
 */
public final class PyIterator implements PyObject {
    /** A generator's body, which can also be sent a value and closed. */
    public interface Resumable extends Iterator<Object> {
        /** {@code gen.send(value)}: the next value yielded (StopIteration when the body ends). */
        Object send(Object value);

        /** {@code gen.close()}: GeneratorExit at the suspended yield. */
        void close();

        /** {@code gen.throw(exc)}: {@code exc} raised at the suspended yield; the next value yielded. */
        Object throwIn(PyException error);
    }

    private final Iterator<Object> it;
    private final String typeName;
    /** A generator's function name for its repr ({@code Module.parameters}), else null. */
    private final String qualname;

    /** {@code iter(o)} of a built-in iterable, named as Python names it ({@code list_iterator}, {@code str_ascii_iterator}). */
    public static PyIterator over(Object o) {
        return new PyIterator(Ops.iter(o), o instanceof String ? "str_ascii_iterator" : Ops.typeName(o) + "_iterator");
    }

    public PyIterator(Iterator<Object> it, String typeName) {
        this(it, typeName, null);
    }

    /** A generator made by a host function: its repr names {@code qualname}. */
    public PyIterator(Iterator<Object> it, String typeName, String qualname) {
        this.it = it;
        this.typeName = typeName;
        this.qualname = qualname;
    }

    /** The next value, or null when exhausted. */
    public Object nextOrNull() {
        return it.hasNext() ? it.next() : null;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Iterator<Object> iter() {
        return it;
    }

    @Override
    public Object callMethod(String name, Object[] args, java.util.Map<String, Object> kwargs) {
        if (name.equals("__next__")) {
            Object v = nextOrNull();
            if (v == null) {
                throw new PyException("StopIteration", "");
            }
            return v;
        }
        if (name.equals("__iter__")) {
            return this;
        }
        if (it instanceof Resumable r && (name.equals("send") || name.equals("close") || name.equals("throw"))) {
            if (name.equals("throw")) {
                return r.throwIn(thrown(args));
            }
            if (name.equals("close")) {
                r.close();
                return Py.NONE;
            }
            if (args.length != 1) {
                throw Py.typeError("send() takes exactly one argument (" + args.length + " given)");
            }
            return r.send(args[0]);
        }
        return PyObject.super.callMethod(name, args, kwargs);
    }

    /** {@code throw(type[, value])} or {@code throw(instance)}: the exception to raise in the body. */
    private static PyException thrown(Object[] args) {
        if (args.length < 1 || args.length > 3) {
            throw Py.typeError("throw expected at least 1 argument, got " + args.length);
        }
        Object v = args.length > 1 && args[1] instanceof PyExceptionObject given ? given : args[0];
        if (v instanceof PyClass c && c.isExceptionClass()) {
            v = args.length > 1 && !Py.isNone(args[1]) ? c.call(new Object[] {args[1]}, Py.NO_KWARGS) : c.call(Py.NO_ARGS, Py.NO_KWARGS);
        }
        if (!(v instanceof PyExceptionObject e)) {
            throw Py.typeError("exceptions must be classes or instances deriving from BaseException, not " + Ops.typeName(v));
        }
        PyException raised = e.raisedException();
        return raised != null ? raised : new PyException(e);
    }

    @Override
    public String repr() {
        String what = typeName.equals("generator") ? "generator object " + (qualname == null ? "<genexpr>" : qualname)
                : typeName + " object";
        return "<" + what + " at " + Py.address(this) + ">";
    }
}
