package org.autogradstudio.calculus;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting for formulas: Python-style shortest repr, PyTorch-style rounding, fractions. */
public final class Numbers {
    private Numbers() {
    }

    /** p/q (q &gt; 0, q &lt;= maxDen) equal to v up to rounding, else null. */
    public static long[] fraction(double v, int maxDen) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > 1e12) {
            return null;
        }
        for (int q = 1; q <= maxDen; q++) {
            double p = Math.rint(v * q);
            if (Math.abs(p / q - v) <= 1e-12 * Math.max(1, Math.abs(v))) {
                return new long[] {(long) p, q};
            }
        }
        return null;
    }

    /** The fraction to show instead of a decimal that never ends (2/3, 1/7), else null (0.25 stays 0.25). */
    public static long[] displayFraction(double v) {
        long[] f = fraction(v, 1000);
        if (f == null || f[1] == 1) {
            return null;
        }
        long q = f[1];
        while (q % 2 == 0) {
            q /= 2;
        }
        while (q % 5 == 0) {
            q /= 5;
        }
        return q == 1 ? null : f;
    }

    /**
     * The shortest text that reads back as {@code v} (as Python's repr; the float32 reading when
     * the value is a float32 and that is shorter: {@code 6.7} rather than {@code 6.699999809265137}),
     * with integral values written without a decimal point.
     */
    public static String shortest(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return Long.toString((long) v);
        }
        String digits = Double.toString(v);
        if ((double) (float) v == v) {
            String f = Float.toString((float) v);
            if (f.length() < digits.length()) {
                digits = f;
            }
        }
        return pythonStyle(new BigDecimal(digits));
    }

    /** Rounded for display as PyTorch prints: 4 decimals ({@code 0.9988}, {@code 6.6918}), trailing zeros dropped. */
    public static String rounded(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return shortest(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= Math.pow(10, -decimals) && a < 1e8) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            s = stripZeros(s);
            return s.equals("-0") ? "0" : s;
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "e", v);
        int e = s.indexOf('e');
        String mantissa = stripZeros(s.substring(0, e));
        int exp = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String pythonStyle(BigDecimal d) {
        d = d.stripTrailingZeros();
        double a = Math.abs(d.doubleValue());
        if (a >= 1e-4 && a < 1e16) {
            String s = d.toPlainString();
            return s;
        }
        // scientific as Python writes it: 1e-08, 1.5e+20
        String unscaled = d.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - d.scale();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /** A plain number ({@code 1e-08}) as LaTeX ({@code 1 \times 10^{-8}}). */
    public static String latexNumber(String text) {
        int e = text.indexOf('e');
        if (e < 0) {
            return text;
        }
        String mantissa = text.substring(0, e);
        int exp = Integer.parseInt(text.substring(e + 1));
        String power = "10^{" + exp + "}";
        return mantissa.equals("1") ? power : mantissa.equals("-1") ? "-" + power : mantissa + " \\times " + power;
    }
}
