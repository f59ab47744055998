package org.autogradstudio.script.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;

/** The few attributes of int and float that scripts use. */
final class NumberMethods {
    private NumberMethods() {
    }

    static Object getAttr(Object n, String name) {
        switch (name) {
            case "real":
                return n instanceof Boolean b ? (Object) (b ? 1L : 0L) : n;
            case "imag":
                return n instanceof Double ? (Object) 0.0 : 0L;
            case "conjugate":
                return new PyBuiltin("conjugate", (a, k) -> n);
            case "numerator":
                return Numbers.isIntegral(n) ? n : null;
            case "denominator":
                return Numbers.isIntegral(n) ? 1L : null;
            case "bit_length":
                return Numbers.isIntegral(n) ? new PyBuiltin("bit_length",
                        (a, k) -> (long) Numbers.big(n).abs().bitLength()) : null;
            case "is_integer":
                return n instanceof Double d ? new PyBuiltin("is_integer",
                        (a, k) -> !Double.isInfinite(d) && d == Math.rint(d)) : null;
            case "as_integer_ratio":
                return new PyBuiltin("as_integer_ratio", (a, k) -> ratio(n));
            default:
                return null;
        }
    }

    private static PyTuple ratio(Object n) {
        if (!(n instanceof Double d)) {
            return PyTuple.of(n, 1L);
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw Py.valueError("cannot convert " + (Double.isNaN(d) ? "NaN" : "Infinity") + " to integer ratio");
        }
        BigDecimal bd = new BigDecimal(d);
        BigInteger num = bd.unscaledValue();
        BigInteger den = BigInteger.TEN.pow(Math.max(0, bd.scale()));
        if (bd.scale() < 0) {
            num = num.multiply(BigInteger.TEN.pow(-bd.scale()));
        }
        BigInteger g = num.gcd(den);
        return PyTuple.of(Numbers.normalize(num.divide(g)), Numbers.normalize(den.divide(g)));
    }
}
