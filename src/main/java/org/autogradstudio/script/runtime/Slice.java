package org.autogradstudio.script.runtime;

/**
 * A slice {@code start:stop:step} as passed to {@link PyObject#getItem}. Omitted parts are
 * {@link Py#NONE}; {@link #indices(long)} resolves them for a sequence length as Python does.
 */
public final class Slice implements PyObject {
    public final Object start;
    public final Object stop;
    public final Object step;

    public Slice(Object start, Object stop, Object step) {
        this.start = start == null ? Py.NONE : start;
        this.stop = stop == null ? Py.NONE : stop;
        this.step = step == null ? Py.NONE : step;
    }

    /** The start as a long, or null when omitted. */
    public Long startOrNull() {
        return start == Py.NONE ? null : Numbers.indexValue(start);
    }

    public Long stopOrNull() {
        return stop == Py.NONE ? null : Numbers.indexValue(stop);
    }

    public Long stepOrNull() {
        return step == Py.NONE ? null : Numbers.indexValue(step);
    }

    /** {@code slice.indices(length)} plus the element count: {start, stop, step, count}. */
    public long[] indices(long length) {
        long st = step == Py.NONE ? 1 : Numbers.indexValue(step);
        if (st == 0) {
            throw Py.valueError("slice step cannot be zero");
        }
        long lo = clamp(start, length, st, st < 0 ? length - 1 : 0);
        long hi = clamp(stop, length, st, st < 0 ? -1 : length);
        long count;
        if (st < 0) {
            count = hi < lo ? (lo - hi - 1) / (-st) + 1 : 0;
        } else {
            count = lo < hi ? (hi - lo - 1) / st + 1 : 0;
        }
        return new long[] {lo, hi, st, count};
    }

    private static long clamp(Object v, long length, long step, long dflt) {
        if (v == Py.NONE) {
            return dflt;
        }
        long i = Numbers.indexValueClamped(v);
        if (i < 0) {
            i += length;
            if (i < 0) {
                i = step < 0 ? -1 : 0;
            }
        } else if (i >= length) {
            i = step < 0 ? length - 1 : length;
        }
        return i;
    }

    @Override
    public String typeName() {
        return "slice";
    }

    @Override
    public PyType type() {
        return Types.SLICE;
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
    public Object compare(CompareOp op, Object other) {
        if (op == CompareOp.EQ && other instanceof Slice s) {
            return Ops.eq(start, s.start) && Ops.eq(stop, s.stop) && Ops.eq(step, s.step);
        }
        return Py.NOT_IMPLEMENTED;
    }

    @Override
    public String repr() {
        return "slice(" + Ops.repr(start) + ", " + Ops.repr(stop) + ", " + Ops.repr(step) + ")";
    }
}
