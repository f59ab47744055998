package org.autogradstudio.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's decimal text for binary doubles. Python rounds the exact binary value half-to-even
 * ({@code f"{2.675:.2f}"} is {@code 2.67}, {@code f"{0.125:.2f}"} is {@code 0.12}); Java's
 * {@code String.format} rounds the shortest decimal half-up and would differ, so every printed
 * number (tensors and Python floats) goes through here.
 */
public final class DecimalText {
    private DecimalText() {
    }

    /** {@code f"{x:.{decimals}f}"} without sign handling quirks: {@code -0.0} keeps its minus. */
    public static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        String digits = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).abs().toPlainString();
        return (isNegative(x) ? "-" : "") + digits;
    }

    /** {@code f"{x:.{decimals}e}"}, e.g. {@code 1.0240e+02}: exponent signed, at least two digits. */
    public static String scientific(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        String sign = isNegative(x) ? "-" : "";
        if (x == 0) {
            return sign + (decimals > 0 ? "0." + "0".repeat(decimals) : "0") + "e+00";
        }
        BigDecimal rounded = new BigDecimal(Math.abs(x)).round(new MathContext(decimals + 1, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        if (digits.length() < decimals + 1) {
            digits = digits + "0".repeat(decimals + 1 - digits.length());
        } else if (digits.length() > decimals + 1) {
            digits = digits.substring(0, decimals + 1);
        }
        String mantissa = decimals > 0 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return sign + mantissa + exponentText(exponent);
    }

    /** The shortest decimal digits that read back as {@code x}, and the power of ten of the first. */
    public static Shortest shortest(double x) {
        double a = Math.abs(x);
        if (a == 0) {
            return new Shortest("0", 0);
        }
        // Double.toString on Java 17 round-trips but is not always shortest: try fewer digits first.
        BigDecimal exact = new BigDecimal(a);
        String javaDigits = new BigDecimal(Double.toString(a)).stripTrailingZeros().unscaledValue().toString();
        for (int precision = 1; precision < javaDigits.length(); precision++) {
            // the nearest p-digit decimal first; failing that, the one on the other side of x, which
            // can be the only one that reads back where the gap below x is half the gap above (powers of 2)
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(nearest.toString()) == a) {
                return shortestOf(nearest);
            }
            RoundingMode otherSide = nearest.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
            BigDecimal other = exact.round(new MathContext(precision, otherSide));
            if (Double.parseDouble(other.toString()) == a) {
                return shortestOf(other);
            }
        }
        return shortestOf(new BigDecimal(Double.toString(a)));
    }

    private static Shortest shortestOf(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Shortest(digits, digits.length() - 1 - stripped.scale());
    }

    /** Digits without leading or trailing zeros and the decimal exponent of the first digit. */
    public record Shortest(String digits, int exponent) {
    }

    /** {@code e+05} style exponent as Python writes it. */
    public static String exponentText(int exponent) {
        String magnitude = Integer.toString(Math.abs(exponent));
        return (exponent < 0 ? "e-" : "e+") + (magnitude.length() < 2 ? "0" + magnitude : magnitude);
    }

    public static boolean isNegative(double x) {
        return x < 0 || (x == 0 && 1 / x < 0);
    }

    private static String nonFinite(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        return x > 0 ? "inf" : "-inf";
    }
}
