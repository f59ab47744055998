package org.autogradstudio.script.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python's int, float and bool arithmetic: ints are Long, promoted to BigInteger on overflow;
 * floor division and modulo round toward negative infinity; int/int is a float; comparisons
 * between ints and floats are exact.
 */
public final class Numbers {
    /** Largest int result (in bits) the sandbox computes, to keep runaway powers from hanging. */
    static final long MAX_BITS = 4_000_000L;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Numbers() {
    }

    public static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean || o instanceof BigInteger;
    }

    public static boolean isIntegral(Object o) {
        return o instanceof Long || o instanceof Boolean || o instanceof BigInteger;
    }

    public static Object normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    static BigInteger big(Object o) {
        if (o instanceof BigInteger b) {
            return b;
        }
        return BigInteger.valueOf(o instanceof Boolean bo ? (bo ? 1 : 0) : (Long) o);
    }

    static long asLong(Object o) {
        return o instanceof Boolean b ? (b ? 1L : 0L) : (Long) o;
    }

    /** float(o) for numbers and objects with __float__. */
    public static double toDouble(Object o, String what) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (o instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw Py.overflowError("int too large to convert to float");
            }
            return d;
        }
        if (o instanceof PyObject p && !(o instanceof PySingleton)) {
            return p.toDouble();
        }
        throw Py.typeError(what.equals("must be real number") ? "must be real number, not " + Ops.typeName(o) : what);
    }

    /** An integer for indexing ({@code __index__}); TypeError for floats and others. */
    public static long indexValue(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof BigInteger) {
            throw Py.indexError("cannot fit 'int' into an index-sized integer");
        }
        if (o instanceof PyObject p && !(o instanceof PySingleton)) {
            Object r = p.index();
            if (r instanceof Long || r instanceof Boolean) {
                return asLong(r);
            }
        }
        throw Py.typeError("'" + Ops.typeName(o) + "' object cannot be interpreted as an integer");
    }

    /** Like {@link #indexValue} but clamps huge ints (for slice bounds and repetition counts). */
    static long indexValueClamped(Object o) {
        if (o instanceof BigInteger b) {
            return b.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        return indexValue(o);
    }

    // ---------------------------------------------------------------- arithmetic

    /** Numeric binary operation, or null when the operands are not both numbers. */
    static Object binary(BinaryOp op, Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            return floatOp(op, toDouble(a, ""), toDouble(b, ""), a instanceof Double && b instanceof Double);
        }
        if ((a instanceof Long || a instanceof Boolean) && (b instanceof Long || b instanceof Boolean)) {
            if (op == BinaryOp.AND && a instanceof Boolean x && b instanceof Boolean y) {
                return x & y;
            }
            if (op == BinaryOp.OR && a instanceof Boolean x && b instanceof Boolean y) {
                return x | y;
            }
            if (op == BinaryOp.XOR && a instanceof Boolean x && b instanceof Boolean y) {
                return x ^ y;
            }
            return longOp(op, asLong(a), asLong(b));
        }
        return bigOp(op, big(a), big(b));
    }

    static Object longOp(BinaryOp op, long x, long y) {
        switch (op) {
            case ADD: {
                long r = x + y;
                if (((x ^ r) & (y ^ r)) < 0) {
                    return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
                }
                return r;
            }
            case SUB: {
                long r = x - y;
                if (((x ^ y) & (x ^ r)) < 0) {
                    return BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
                }
                return r;
            }
            case MUL: {
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    return lo;
                }
                return BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
            }
            case TRUEDIV:
                if (y == 0) {
                    throw Py.zeroDivision("division by zero");
                }
                if (Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) {
                    return (double) x / (double) y;
                }
                return bigTrueDiv(BigInteger.valueOf(x), BigInteger.valueOf(y));
            case FLOORDIV:
                if (y == 0) {
                    throw Py.zeroDivision("integer division or modulo by zero");
                }
                if (x == Long.MIN_VALUE && y == -1) {
                    return BigInteger.valueOf(x).negate();
                }
                return Math.floorDiv(x, y);
            case MOD:
                if (y == 0) {
                    throw Py.zeroDivision("integer modulo by zero");
                }
                return Math.floorMod(x, y);
            case POW:
                return intPow(x, y);
            case LSHIFT:
                if (y < 0) {
                    throw Py.valueError("negative shift count");
                }
                if (y < 62 && Math.abs(x) < (1L << (62 - y))) {
                    return x << y;
                }
                return bigOp(op, BigInteger.valueOf(x), BigInteger.valueOf(y));
            case RSHIFT:
                if (y < 0) {
                    throw Py.valueError("negative shift count");
                }
                return x >> Math.min(y, 63);
            case AND: return x & y;
            case OR: return x | y;
            case XOR: return x ^ y;
            default: return Py.NOT_IMPLEMENTED;
        }
    }

    private static Object intPow(long x, long y) {
        if (y < 0) {
            if (x == 0) {
                throw Py.zeroDivision("0.0 cannot be raised to a negative power");
            }
            return floatOp(BinaryOp.POW, x, y, false);
        }
        long result = 1;
        long base = x;
        long e = y;
        while (true) {
            if ((e & 1) != 0) {
                long hi = Math.multiplyHigh(result, base);
                long lo = result * base;
                if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) {
                    return bigPow(BigInteger.valueOf(x), y);
                }
                result = lo;
            }
            e >>= 1;
            if (e == 0) {
                return result;
            }
            long hi = Math.multiplyHigh(base, base);
            long lo = base * base;
            if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) {
                return bigPow(BigInteger.valueOf(x), y);
            }
            base = lo;
        }
    }

    private static Object bigPow(BigInteger x, long y) {
        if (x.abs().equals(BigInteger.ONE) || x.signum() == 0) {
            return normalize(x.pow((int) Math.min(y, 2)).signum() == 0 ? BigInteger.ZERO
                    : (x.signum() < 0 && (y & 1) == 1 ? BigInteger.ONE.negate() : BigInteger.ONE));
        }
        if ((double) x.bitLength() * y > MAX_BITS) {
            throw new PyException("MemoryError", "integer result too large (Autograd Studio limit)");
        }
        return normalize(x.pow((int) y));
    }

    static Object bigOp(BinaryOp op, BigInteger x, BigInteger y) {
        switch (op) {
            case ADD: return normalize(x.add(y));
            case SUB: return normalize(x.subtract(y));
            case MUL:
                if ((long) x.bitLength() + y.bitLength() > MAX_BITS) {
                    throw new PyException("MemoryError", "integer result too large (Autograd Studio limit)");
                }
                return normalize(x.multiply(y));
            case TRUEDIV:
                if (y.signum() == 0) {
                    throw Py.zeroDivision("division by zero");
                }
                return bigTrueDiv(x, y);
            case FLOORDIV: {
                if (y.signum() == 0) {
                    throw Py.zeroDivision("integer division or modulo by zero");
                }
                BigInteger[] qr = x.divideAndRemainder(y);
                BigInteger q = qr[0];
                if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                    q = q.subtract(BigInteger.ONE);
                }
                return normalize(q);
            }
            case MOD: {
                if (y.signum() == 0) {
                    throw Py.zeroDivision("integer modulo by zero");
                }
                BigInteger r = x.mod(y.abs());
                if (y.signum() < 0 && r.signum() != 0) {
                    r = r.add(y);
                }
                return normalize(r);
            }
            case POW:
                if (y.signum() < 0) {
                    return floatOp(BinaryOp.POW, x.doubleValue(), y.doubleValue(), false);
                }
                if (y.bitLength() > 31) {
                    if (x.abs().compareTo(BigInteger.ONE) <= 0) {
                        return bigPow(x, y.testBit(0) ? 1 : 2);
                    }
                    throw new PyException("MemoryError", "integer result too large (Autograd Studio limit)");
                }
                return bigPow(x, y.longValue());
            case LSHIFT:
                if (y.signum() < 0) {
                    throw Py.valueError("negative shift count");
                }
                if (y.bitLength() > 31 || x.bitLength() + y.longValue() > MAX_BITS) {
                    throw new PyException("MemoryError", "integer result too large (Autograd Studio limit)");
                }
                return normalize(x.shiftLeft(y.intValue()));
            case RSHIFT:
                if (y.signum() < 0) {
                    throw Py.valueError("negative shift count");
                }
                return normalize(y.bitLength() > 31 ? BigInteger.valueOf(x.signum() < 0 ? -1 : 0)
                        : x.shiftRight(y.intValue()));
            case AND: return normalize(x.and(y));
            case OR: return normalize(x.or(y));
            case XOR: return normalize(x.xor(y));
            default: return Py.NOT_IMPLEMENTED;
        }
    }

    private static double bigTrueDiv(BigInteger x, BigInteger y) {
        double r = new BigDecimal(x).divide(new BigDecimal(y), java.math.MathContext.DECIMAL128).doubleValue();
        if (Double.isInfinite(r)) {
            throw Py.overflowError("integer division result too large for a float");
        }
        return r;
    }

    static Object floatOp(BinaryOp op, double x, double y, boolean bothFloat) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case TRUEDIV:
                if (y == 0) {
                    throw Py.zeroDivision("float division by zero");
                }
                return x / y;
            case FLOORDIV:
                if (y == 0) {
                    throw Py.zeroDivision("float floor division by zero");
                }
                return floorDiv(x, y);
            case MOD:
                if (y == 0) {
                    throw Py.zeroDivision("float modulo");
                }
                return floatMod(x, y);
            case POW:
                return floatPow(x, y);
            default:
                return Py.NOT_IMPLEMENTED;
        }
    }

    static double floatMod(double x, double y) {
        double mod = x % y;
        if (mod != 0) {
            if ((y < 0) != (mod < 0)) {
                mod += y;
            }
        } else {
            mod = Math.copySign(0.0, y);
        }
        return mod;
    }

    static double floorDiv(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0 && ((y < 0) != (mod < 0))) {
            div -= 1.0;
        }
        if (div != 0) {
            double floor = Math.floor(div);
            if (div - floor > 0.5) {
                floor += 1.0;
            }
            return floor;
        }
        return Math.copySign(0.0, x / y);
    }

    /** float ** float with Python's errors. */
    public static double floatPow(double x, double y) {
        if (y == 0) {
            return 1.0;
        }
        if (x == 1.0) {
            return 1.0;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0 && y < 0 && !Double.isInfinite(y)) {
            throw Py.zeroDivision("0.0 cannot be raised to a negative power");
        }
        if (x < 0 && !Double.isInfinite(x) && !Double.isInfinite(y) && y != Math.rint(y)) {
            throw Py.valueError("negative number cannot be raised to a fractional power "
                    + "(complex numbers are not supported in Autograd Studio)");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw Py.overflowError("(34, 'Numerical result out of range')");
        }
        return r;
    }

    static Object negate(Object a) {
        if (a instanceof Long l) {
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : (Object) (-l);
        }
        if (a instanceof Double d) {
            return -d;
        }
        if (a instanceof Boolean b) {
            return b ? -1L : 0L;
        }
        return normalize(((BigInteger) a).negate());
    }

    static Object abs(Object a) {
        if (a instanceof Double d) {
            return Math.abs(d);
        }
        if (a instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (a instanceof Long l) {
            return l < 0 ? negate(l) : l;
        }
        return normalize(((BigInteger) a).abs());
    }

    static Object invert(Object a) {
        if (a instanceof Double) {
            return Py.NOT_IMPLEMENTED;
        }
        if (a instanceof BigInteger b) {
            return normalize(b.not());
        }
        return ~asLong(a);
    }

    // ---------------------------------------------------------------- comparison

    /** Exact three-way comparison of two numbers; 2 when unordered (NaN). */
    static int compare(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            if (a instanceof Double x && b instanceof Double y) {
                return Double.isNaN(x) || Double.isNaN(y) ? 2 : Double.compare(x + 0.0, y + 0.0);
            }
            boolean flip = !(a instanceof Double);
            double d = (Double) (flip ? b : a);
            Object i = flip ? a : b;
            int c = compareFloatInt(d, i);
            return c == 2 ? 2 : flip ? -c : c;
        }
        if ((a instanceof Long || a instanceof Boolean) && (b instanceof Long || b instanceof Boolean)) {
            return Long.compare(asLong(a), asLong(b));
        }
        return big(a).compareTo(big(b));
    }

    private static int compareFloatInt(double d, Object i) {
        if (Double.isNaN(d)) {
            return 2;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? 1 : -1;
        }
        if (i instanceof Long || i instanceof Boolean) {
            long l = asLong(i);
            if (Math.abs(l) < (1L << 53)) {
                return Double.compare(d + 0.0, (double) l);
            }
        }
        return new BigDecimal(d).compareTo(new BigDecimal(big(i)));
    }

    static boolean eq(Object a, Object b) {
        return compare(a, b) == 0;
    }

    // ---------------------------------------------------------------- conversions

    /** int(x) for a float: truncation, with Python's errors for inf and nan. */
    public static Object floatToInt(double d) {
        if (Double.isNaN(d)) {
            throw Py.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw Py.overflowError("cannot convert float infinity to integer");
        }
        if (Math.abs(d) < 9.0e18) {
            return (long) d;
        }
        return normalize(new BigDecimal(d).toBigInteger());
    }

    /** str(int), with Python 3.11's 4300-digit limit. */
    static String intToString(Object o) {
        if (o instanceof BigInteger b) {
            if (b.bitLength() > 14300) {
                throw Py.valueError("Exceeds the limit (4300 digits) for integer string conversion; "
                        + "use sys.set_int_max_str_digits() to increase the limit");
            }
            String s = b.toString();
            if (s.length() - (b.signum() < 0 ? 1 : 0) > 4300) {
                throw Py.valueError("Exceeds the limit (4300 digits) for integer string conversion; "
                        + "use sys.set_int_max_str_digits() to increase the limit");
            }
            return s;
        }
        return String.valueOf(asLong(o));
    }

    /** round(x, ndigits) for a float: correctly rounded half-even on the exact decimal value. */
    public static double roundFloat(double x, long ndigits) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return x;
        }
        if (ndigits > 330) {
            return x;
        }
        if (ndigits < -330) {
            return Math.copySign(0.0, x);
        }
        BigDecimal bd = new BigDecimal(x).setScale((int) ndigits, java.math.RoundingMode.HALF_EVEN);
        double r = bd.doubleValue();
        if (Double.isInfinite(r)) {
            throw Py.overflowError("rounded value too large to represent");
        }
        return r == 0 ? Math.copySign(0.0, x) : r;
    }

    /** round(n, ndigits) for an int with negative ndigits: half-even to a multiple of 10**-ndigits. */
    public static Object roundInt(Object n, long ndigits) {
        if (ndigits >= 0) {
            return n instanceof Boolean b ? (b ? 1L : 0L) : n;
        }
        if (ndigits < -5000) {
            return 0L;
        }
        BigDecimal bd = new BigDecimal(big(n)).setScale((int) ndigits, java.math.RoundingMode.HALF_EVEN);
        return normalize(bd.toBigInteger());
    }

    static boolean fitsLong(BigInteger b) {
        return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0;
    }
}
