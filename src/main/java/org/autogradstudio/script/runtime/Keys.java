package org.autogradstudio.script.runtime;

import java.math.BigInteger;

/**
 * Dict keys and set members: Python considers {@code 1}, {@code 1.0} and {@code True} the same
 * key, so they are normalised to one Java value before hashing; unhashable values are refused.
 */
public final class Keys {
    private Keys() {
    }

    /** CPython's hash modulus for numbers, the Mersenne prime 2**61 - 1. */
    private static final long MODULUS = (1L << 61) - 1;

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
            long h = Math.floorMod(l, MODULUS);
            if (l < 0) {
                h = -Math.floorMod(-l, MODULUS);
            }
            return h == -1 ? -2 : h;
        }
        if (k instanceof BigInteger b) {
            long h = b.abs().mod(BigInteger.valueOf(MODULUS)).longValue();
            return b.signum() < 0 ? (h == 1 ? -2 : -h) : h;
        }
        if (k instanceof Double d) {
            return floatHash(d);
        }
        if (k instanceof PyTuple t) {
            return tupleHash(t);
        }
        return k.hashCode();
    }

    /** CPython's hash of a float that is not an integer: its value modulo 2**61 - 1, 28 bits at a time. */
    private static long floatHash(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? 314159 : -314159;
        }
        if (Double.isNaN(v)) {
            return 0;
        }
        if (v == 0) {
            return 0;
        }
        double a = Math.abs(v);
        // frexp: a = m * 2**e with 0.5 <= m < 1 (a subnormal scaled up first to find its exponent)
        int e = a < Double.MIN_NORMAL ? Math.getExponent(a * 0x1p64) + 1 - 64 : Math.getExponent(a) + 1;
        double m = Math.scalb(a, -e);
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & MODULUS) | x >>> (61 - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (Long.compareUnsigned(x, MODULUS) >= 0) {
                x -= MODULUS;
            }
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
        x = ((x << e) & MODULUS) | x >>> (61 - e);
        if (v < 0) {
            x = -x;
        }
        return x == -1 ? -2 : x;
    }

    /** CPython 3.11's tuple hash (xxHash's mixing over the items' hashes). */
    private static long tupleHash(PyTuple t) {
        final long prime1 = 0x9E3779B185EBCA87L;
        final long prime2 = 0xC2B2AE3D27D4EB4FL;
        final long prime5 = 0x27D4EB2F165667C5L;
        long acc = prime5;
        java.util.List<Object> items = t.items();
        for (Object item : items) {
            long lane = hash(item);
            acc += lane * prime2;
            acc = Long.rotateLeft(acc, 31);
            acc *= prime1;
        }
        acc += items.size() ^ (prime5 ^ 3527539L);
        return acc == -1 ? 1546275796 : acc;
    }
}
