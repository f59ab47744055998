package org.autogradstudio.script.interp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.autogradstudio.script.runtime.BinaryOp;
import org.autogradstudio.script.runtime.Numbers;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyModule;

/** Python's {@code math} module, with its domain and range errors. */
final class MathModule {
    private MathModule() {
    }

    /** The functions of one float argument ({@link #unary(String, double)}). */
    private static final String[] UNARY = {
        "sqrt", "exp", "log2", "log10", "log1p", "expm1", "sin", "cos", "tan", "asin", "acos", "atan", "sinh",
        "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "degrees", "radians", "erf", "erfc"
    };

    /** The functions that check their own arguments ({@link #other}). */
    private static final String[] OTHERS = {
        "log", "atan2", "copysign", "pow", "fmod", "floor", "ceil", "trunc", "isnan", "isinf", "isfinite", "hypot",
        "fsum", "factorial", "gcd", "comb"
    };

    // the one-argument functions share a lambda (and a small switch); the others get theirs on first call
    private static final PyBuiltin.Bodies UNARY_TABLE = name -> (a, k) -> unary(name, num(a, 0, 1, name));
    private static final PyBuiltin.Bodies OTHERS_TABLE = MathModule::other;
    private static final PyBuiltin.Bodies BOUND_TABLE = MathModule::bound;

    static PyModule create() {
        PyModule m = new PyModule("math");
        m.put("pi", Math.PI).put("e", Math.E).put("tau", 2 * Math.PI).put("inf", Double.POSITIVE_INFINITY)
                .put("nan", Double.NaN);
        for (String name : UNARY) {
            m.put(name, new PyBuiltin(name, UNARY_TABLE));
        }
        for (String name : OTHERS) {
            m.put(name, new PyBuiltin(name, OTHERS_TABLE));
        }
        m.put("isclose", PyBuiltin.bound("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", BOUND_TABLE));
        m.put("prod", PyBuiltin.bound("prod(iterable, *, start=1)", BOUND_TABLE));
        return m;
    }

    private static double unary(String name, double x) {
        switch (name) {
            case "sqrt": {
                if (x < 0) {
                    throw domain();
                }
                return Math.sqrt(x);
            }
            case "exp": return range(Math.exp(x), x);
            case "log2": return log2(x);
            case "log10": {
                checkLog(x);
                return Math.log10(x);
            }
            case "log1p": {
                if (x <= -1) {
                    throw domain();
                }
                return Math.log1p(x);
            }
            case "expm1": return range(Math.expm1(x), x);
            case "sin": return trig(Math.sin(x), x);
            case "cos": return trig(Math.cos(x), x);
            case "tan": return trig(Math.tan(x), x);
            case "asin": {
                if (x < -1 || x > 1) {
                    throw domain();
                }
                return Math.asin(x);
            }
            case "acos": {
                if (x < -1 || x > 1) {
                    throw domain();
                }
                return Math.acos(x);
            }
            case "atan": return Math.atan(x);
            case "sinh": return range(Math.sinh(x), x);
            case "cosh": return range(Math.cosh(x), x);
            case "tanh": return Math.tanh(x);
            case "asinh": return Math.log(x + Math.sqrt(x * x + 1));
            case "acosh": {
                if (x < 1) {
                    throw domain();
                }
                return Math.log(x + Math.sqrt(x * x - 1));
            }
            case "atanh": {
                if (x <= -1 || x >= 1) {
                    throw domain();
                }
                return 0.5 * Math.log((1 + x) / (1 - x));
            }
            case "fabs": return Math.abs(x);
            case "degrees": return Math.toDegrees(x);
            case "radians": return Math.toRadians(x);
            case "erf": return erf(x);
            case "erfc": return 1 - erf(x);
            default: throw new IllegalStateException("no math function " + name);
        }
    }

    private static PyBuiltin.Body other(String name) {
        switch (name) {
            case "log": return (a, k) -> {
                if (a.length < 1 || a.length > 2) {
                    throw Py.typeError("log expected 1 or 2 arguments, got " + a.length);
                }
                double r = log(a[0]);
                return a.length == 2 ? r / log(a[1]) : r;
            };
            case "atan2": return (a, k) -> Math.atan2(num(a, 0, 2, "atan2"), num(a, 1, 2, "atan2"));
            case "copysign": return (a, k) -> Math.copySign(num(a, 0, 2, "copysign"),
                num(a, 1, 2, "copysign"));
            case "pow": return (a, k) -> {
                double x = num(a, 0, 2, "pow");
                double y = num(a, 1, 2, "pow");
                if (x == 0 && y < 0) {
                    throw domain();
                }
                if (x < 0 && !Double.isInfinite(y) && y != Math.rint(y)) {
                    throw domain();
                }
                double r = Math.pow(x, y);
                if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
                    throw Py.overflowError("math range error");
                }
                return r;
            };
            case "fmod": return (a, k) -> {
                double y = num(a, 1, 2, "fmod");
                if (y == 0) {
                    throw domain();
                }
                return num(a, 0, 2, "fmod") % y;
            };
            case "floor":
            case "ceil":
            case "trunc":
                return (a, k) -> toInt(a, name);
            case "isnan": return (a, k) -> Double.isNaN(num(a, 0, 1, "isnan"));
            case "isinf": return (a, k) -> Double.isInfinite(num(a, 0, 1, "isinf"));
            case "isfinite": return (a, k) -> Double.isFinite(num(a, 0, 1, "isfinite"));
            case "hypot": return (a, k) -> {
                double s = 0;
                double max = 0;
                for (Object x : a) {
                    max = Math.max(max, Math.abs(Py.toDouble(x)));
                }
                if (max == 0 || Double.isInfinite(max)) {
                    return max;
                }
                for (Object x : a) {
                    double v = Py.toDouble(x) / max;
                    s += v * v;
                }
                return max * Math.sqrt(s);
            };
            case "fsum": return (a, k) -> fsum(a[0]);
            case "factorial": return (a, k) -> factorial(a);
            case "gcd": return (a, k) -> {
                BigInteger g = BigInteger.ZERO;
                for (Object x : a) {
                    g = g.gcd(big(x));
                }
                return Numbers.normalize(g);
            };
            case "comb": return (a, k) -> {
                long n = Py.toLong(a[0]);
                long r = Py.toLong(a[1]);
                if (n < 0 || r < 0) {
                    throw Py.valueError((n < 0 ? "n" : "k") + " must be a non-negative integer");
                }
                if (r > n) {
                    return 0L;
                }
                BigInteger acc = BigInteger.ONE;
                for (long i = 0; i < Math.min(r, n - r); i++) {
                    acc = acc.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
                }
                return Numbers.normalize(acc);
            };
            default: throw new IllegalStateException("no math function " + name);
        }
    }

    /** Functions with a signature: the arguments come bound. */
    private static PyBuiltin.Body bound(String name) {
        switch (name) {
            case "isclose": return (a, k) -> {
                double x = Py.toDouble(a[0]);
                double y = Py.toDouble(a[1]);
                double rel = Py.toDouble(a[2]);
                double abs = Py.toDouble(a[3]);
                if (rel < 0 || abs < 0) {
                    throw Py.valueError("tolerances must be non-negative");
                }
                if (x == y) {
                    return true;
                }
                if (Double.isInfinite(x) || Double.isInfinite(y)) {
                    return false;
                }
                double d = Math.abs(x - y);
                return d <= Math.abs(rel * y) || d <= Math.abs(rel * x) || d <= abs;
            };
            case "prod": return (a, k) -> {
                Object acc = a[1];
                Iterator<Object> it = Ops.iter(a[0]);
                while (it.hasNext()) {
                    acc = Ops.binary(BinaryOp.MUL, acc, it.next());
                }
                return acc;
            };
            default: throw new IllegalStateException("no math function " + name);
        }
    }

    private static BigInteger big(Object x) {
        if (x instanceof BigInteger b) {
            return b;
        }
        if (!Numbers.isIntegral(x)) {
            throw Py.typeError("'" + Ops.typeName(x) + "' object cannot be interpreted as an integer");
        }
        return BigInteger.valueOf(Py.toLong(x));
    }

    private static Object factorial(Object[] a) {
        if (a.length != 1) {
            throw Py.typeError("factorial() takes exactly one argument (" + a.length + " given)");
        }
        if (a[0] instanceof Double) {
            throw Py.typeError("'float' object cannot be interpreted as an integer");
        }
        long n = Py.toLong(a[0]);
        if (n < 0) {
            throw Py.valueError("factorial() not defined for negative values");
        }
        if (n > 20000) {
            throw new org.autogradstudio.script.runtime.PyException("MemoryError",
                    "factorial too large (Autograd Studio limit)");
        }
        BigInteger r = BigInteger.ONE;
        for (long i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return Numbers.normalize(r);
    }

    private static double num(Object[] a, int i, int n, String name) {
        if (a.length != n) {
            throw Py.typeError(n == 1 ? "math." + name + "() takes exactly one argument (" + a.length + " given)"
                    : name + " expected " + n + " arguments, got " + a.length);
        }
        Object x = a[i];
        if (x instanceof String || x == Py.NONE || x instanceof org.autogradstudio.script.runtime.PyList) {
            throw Py.typeError("must be real number, not " + Ops.typeName(x));
        }
        return Py.toDouble(x);
    }

    /** floor, ceil and trunc: ints as they are, floats rounded the function's way. */
    private static Object toInt(Object[] a, String name) {
        if (a.length == 1 && Numbers.isIntegral(a[0])) {
            return a[0] instanceof Boolean b ? (Object) (b ? 1L : 0L) : a[0];
        }
        double x = num(a, 0, 1, name);
        double r = name.equals("floor") ? Math.floor(x) : name.equals("ceil") ? Math.ceil(x)
                : x < 0 ? Math.ceil(x) : Math.floor(x);
        return Numbers.floatToInt(r);
    }

    private static org.autogradstudio.script.runtime.PyException domain() {
        return Py.valueError("math domain error");
    }

    private static double range(double r, double x) {
        if (Double.isInfinite(r) && !Double.isInfinite(x)) {
            throw Py.overflowError("math range error");
        }
        return r;
    }

    private static double trig(double r, double x) {
        if (Double.isInfinite(x)) {
            throw domain();
        }
        return r;
    }

    private static void checkLog(double x) {
        if (x <= 0) {
            throw domain();
        }
    }

    /** Natural log, exact for huge ints (which do not fit a double). */
    private static double log(Object x) {
        if (x instanceof BigInteger b) {
            if (b.signum() <= 0) {
                throw domain();
            }
            int shift = Math.max(0, b.bitLength() - 60);
            return Math.log(b.shiftRight(shift).doubleValue()) + shift * Math.log(2);
        }
        if (x instanceof String || x == Py.NONE) {
            throw Py.typeError("must be real number, not " + Ops.typeName(x));
        }
        double d = Py.toDouble(x);
        checkLog(d);
        return Math.log(d);
    }

    /** log2 exact at powers of two: x = m * 2**e with m in [1, 2). */
    private static double log2(double x) {
        checkLog(x);
        if (Double.isInfinite(x) || Double.isNaN(x)) {
            return x;
        }
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) {
            return Math.log(x) / Math.log(2);
        }
        double m = x / Math.scalb(1.0, e);
        return m == 1.0 ? e : e + Math.log(m) / Math.log(2);
    }

    /** Error function (Abramowitz-Stegun 7.1.26 is too coarse; this uses a continued series to ~1e-15). */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            double sum = ax;
            double term = ax;
            double x2 = ax * ax;
            for (int n = 1; n < 200; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else if (ax < 6) {
            // continued fraction for erfc
            double x2 = ax * ax;
            double f = 0;
            for (int n = 60; n >= 1; n--) {
                f = n / 2.0 / (ax + f);
            }
            double erfc = Math.exp(-x2) / Math.sqrt(Math.PI) / (ax + f);
            r = 1 - erfc;
        } else {
            r = 1;
        }
        return x < 0 ? -r : r;
    }

    /** Shewchuk's exactly rounded summation, as CPython's fsum. */
    private static double fsum(Object iterable) {
        List<Double> partials = new ArrayList<>();
        Iterator<Object> it = Ops.iter(iterable);
        double special = 0;
        boolean inf = false;
        while (it.hasNext()) {
            double x = Py.toDouble(it.next());
            if (Double.isInfinite(x) || Double.isNaN(x)) {
                special += x;
                inf = true;
                continue;
            }
            int i = 0;
            for (double y : partials) {
                if (Math.abs(x) < Math.abs(y)) {
                    double t = x;
                    x = y;
                    y = t;
                }
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0) {
                    partials.set(i++, lo);
                }
                x = hi;
            }
            while (partials.size() > i) {
                partials.remove(partials.size() - 1);
            }
            partials.add(x);
        }
        if (inf) {
            return special;
        }
        double hi = 0;
        int n = partials.size();
        if (n > 0) {
            hi = partials.get(--n);
            double lo = 0;
            while (n > 0) {
                double x = hi;
                double y = partials.get(--n);
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0) {
                    break;
                }
            }
            if (n > 0 && ((lo < 0 && partials.get(n - 1) < 0) || (lo > 0 && partials.get(n - 1) > 0))) {
                double y = lo * 2;
                double x = hi + y;
                double yr = x - hi;
                if (y == yr) {
                    hi = x;
                }
            }
        }
        return hi;
    }
}
