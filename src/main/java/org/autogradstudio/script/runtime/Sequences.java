package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.List;

/** Index arithmetic and comparisons shared by list, tuple, str and range. */
public final class Sequences {
    /** Largest sequence the sandbox builds by repetition or conversion, to fail fast instead of exhausting memory. */
    public static final long MAX_SIZE = 50_000_000L;

    private Sequences() {
    }

    /** A normalised index into a sequence of {@code len} items, or IndexError / TypeError. */
    public static int index(Object key, int len, String typeName) {
        long i;
        if (key instanceof Long l) {
            i = l;
        } else if (key instanceof Boolean b) {
            i = b ? 1 : 0;
        } else if (key instanceof PyObject p && !(key instanceof Slice) && !(key instanceof PyTuple)
                && !(key instanceof PySingleton) && !(key instanceof PyList)) {
            try {
                i = Numbers.indexValue(p.index());
            } catch (PyException e) {
                throw Py.typeError(typeName + " indices must be integers or slices, not " + Ops.typeName(key));
            }
        } else if (key instanceof java.math.BigInteger) {
            throw Py.indexError("cannot fit 'int' into an index-sized integer");
        } else {
            throw Py.typeError(typeName + " indices must be integers or slices, not " + Ops.typeName(key));
        }
        if (i < 0) {
            i += len;
        }
        if (i < 0 || i >= len) {
            throw Py.indexError(typeName + " index out of range");
        }
        return (int) i;
    }

    /** The items selected by a slice. */
    public static List<Object> slice(List<Object> items, Slice s) {
        long[] ix = s.indices(items.size());
        List<Object> out = new ArrayList<>((int) ix[3]);
        long i = ix[0];
        for (long k = 0; k < ix[3]; k++, i += ix[2]) {
            out.add(items.get((int) i));
        }
        return out;
    }

    /** Lexicographic rich comparison of two sequences, as Python compares lists and tuples. */
    public static boolean compare(List<Object> a, List<Object> b, CompareOp op) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x == y || Ops.eq(x, y)) {
                continue;
            }
            if (op == CompareOp.EQ) {
                return false;
            }
            if (op == CompareOp.NE) {
                return true;
            }
            return Ops.truthy(Ops.compare(op, x, y));
        }
        return op.test(Integer.compare(a.size(), b.size()));
    }

    /** Checks that repeating a sequence of {@code size} items {@code times} times stays within limits. */
    public static int repeatCount(long size, Object times) {
        long n = Numbers.indexValueClamped(times);
        if (n <= 0 || size == 0) {
            return 0;
        }
        if (n > MAX_SIZE || size * n > MAX_SIZE) {
            throw new PyException("MemoryError", "sequence too large (Autograd Studio limit)");
        }
        return (int) n;
    }

    public static String join(List<Object> items, String open, String close) {
        StringBuilder sb = new StringBuilder(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Ops.repr(items.get(i)));
        }
        return sb.append(close).toString();
    }
}
