package org.autogradstudio.script.runtime;

import java.math.BigInteger;

/**
 * Dict keys and set members: Python considers {@code 1}, {@code 1.0} and {@code True} the same
 * key, so they are normalised to one Java value before hashing; unhashable values are refused.
 */
public final class Keys {
    private Keys() {
    }

    public static Object normalize(Object o) {
        if (o instanceof String || o instanceof Long) {
            return o;
        }
        if (o instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (o instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 9.2e18) {
                return (long) v;
            }
            return d;
        }
        if (o instanceof BigInteger) {
            return o;
        }
        if (o instanceof PyObject p && !p.isHashable()) {
            throw Py.typeError("unhashable type: '" + p.typeName() + "'");
        }
        return o;
    }

    /** Python's {@code hash()} of a value. */
    public static long hash(Object o) {
        Object k = normalize(o);
        if (k instanceof Long l) {
            long m = (1L << 61) - 1;
            long h = Math.floorMod(l, m);
            if (l < 0) {
                h = -Math.floorMod(-l, m);
            }
            return h == -1 ? -2 : h;
        }
        if (k instanceof BigInteger b) {
            long h = b.abs().mod(BigInteger.valueOf((1L << 61) - 1)).longValue();
            return b.signum() < 0 ? (h == 1 ? -2 : -h) : h;
        }
        return k.hashCode();
    }
}
