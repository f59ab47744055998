package org.autogradstudio.script.runtime;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** {@code range(start, stop, step)}: lazy; {@code for i in range(n)} is special-cased by the interpreter. */
public final class PyRange implements PyObject {
    public final long start;
    public final long stop;
    public final long step;
    private final long length;

    public PyRange(long start, long stop, long step) {
        if (step == 0) {
            throw Py.valueError("range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        long n;
        if (step > 0) {
            n = start < stop ? (stop - start - 1) / step + 1 : 0;
        } else {
            n = start > stop ? (start - stop - 1) / (-step) + 1 : 0;
        }
        this.length = n;
    }

    public long length() {
        return length;
    }

    @Override
    public String typeName() {
        return "range";
    }

    @Override
    public PyType type() {
        return Types.RANGE;
    }

    @Override
    public int len() {
        if (length > Integer.MAX_VALUE) {
            throw Py.overflowError("Python int too large to convert to C ssize_t");
        }
        return (int) length;
    }

    @Override
    public Iterator<Object> iter() {
        return new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < length;
            }

            @Override
            public Object next() {
                if (i >= length) {
                    throw new NoSuchElementException();
                }
                return start + step * i++;
            }
        };
    }

    @Override
    public Object getItem(Object key) {
        if (key instanceof Slice s) {
            long[] ix = s.indices(length);
            return new PyRange(start + ix[0] * step, start + ix[1] * step, ix[2] * step);
        }
        long i = Numbers.indexValue(key);
        if (i < 0) {
            i += length;
        }
        if (i < 0 || i >= length) {
            throw Py.indexError("range object index out of range");
        }
        return start + i * step;
    }

    @Override
    public boolean contains(Object item) {
        if (item instanceof Long || item instanceof Boolean) {
            long v = Numbers.indexValue(item);
            if (step > 0 ? (v < start || v >= stop) : (v > start || v <= stop)) {
                return false;
            }
            return (v - start) % step == 0;
        }
        return PyObject.super.contains(item);
    }

    @Override
    public boolean isTrue() {
        return length > 0;
    }

    @Override
    public Object compare(CompareOp op, Object other) {
        if ((op == CompareOp.EQ || op == CompareOp.NE) && other instanceof PyRange r) {
            boolean eq = length == r.length && (length == 0 || start == r.start && (length == 1 || step == r.step));
            return op == CompareOp.EQ ? eq : !eq;
        }
        return Py.NOT_IMPLEMENTED;
    }

    @Override
    public Object getAttr(String name) {
        switch (name) {
            case "start": return start;
            case "stop": return stop;
            case "step": return step;
            default: return null;
        }
    }

    @Override
    public String repr() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
