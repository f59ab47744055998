package org.autogradstudio.script;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.autogradstudio.engine.DecimalText;

/**
 * Python's number-to-text rules: {@code repr(float)} (shortest round-trip), and the format-spec
 * mini-language ({@code [[fill]align][sign][#][0][width][,|_][.precision][type]}) used by
 * f-strings, {@code format()} and {@code str.format}. Rounding is Python's: half-to-even on the
 * exact binary value (see {@link DecimalText}).
 */
public final class PyFormat {
    private PyFormat() {
    }

    /** Python's {@code repr(x)} for a float: shortest text that round-trips, e.g. 0.1, 1e-08, 110.0, inf, nan. */
    public static String repr(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "nan" : (x > 0 ? "inf" : "-inf");
        }
        String sign = DecimalText.isNegative(x) ? "-" : "";
        DecimalText.Shortest s = DecimalText.shortest(x);
        if (x == 0) {
            return sign + "0.0";
        }
        return sign + placeDigits(s.digits(), s.exponent(), true);
    }

    /** Shortest digits laid out as Python's repr does: fixed for 1e-4 <= |x| < 1e16, else exponent. */
    private static String placeDigits(String digits, int exponent, boolean forceFraction) {
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return mantissa + DecimalText.exponentText(exponent);
        }
        return fixedFromDigits(digits, exponent, forceFraction);
    }

    private static String fixedFromDigits(String digits, int exponent, boolean forceFraction) {
        if (exponent < 0) {
            return "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            String whole = digits + "0".repeat(exponent + 1 - digits.length());
            return forceFraction ? whole + ".0" : whole;
        }
        return digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /** A parsed format spec. */
    private static final class Spec {
        char fill = ' ';
        char align;
        char sign = '-';
        boolean alternate;
        boolean zero;
        int width = -1;
        char grouping;
        int precision = -1;
        char type;

        static Spec parse(String spec) {
            Spec s = new Spec();
            int i = 0;
            int n = spec.length();
            if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
                s.fill = spec.charAt(0);
                s.align = spec.charAt(1);
                i = 2;
            } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
                s.align = spec.charAt(0);
                i = 1;
            }
            if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
                s.sign = spec.charAt(i++);
            }
            if (i < n && spec.charAt(i) == '#') {
                s.alternate = true;
                i++;
            }
            if (i < n && spec.charAt(i) == '0') {
                s.zero = true;
                i++;
            }
            int start = i;
            while (i < n && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (i > start) {
                s.width = Integer.parseInt(spec.substring(start, i));
            }
            if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
                s.grouping = spec.charAt(i++);
            }
            if (i < n && spec.charAt(i) == '.') {
                i++;
                start = i;
                while (i < n && Character.isDigit(spec.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("Format specifier missing precision");
                }
                s.precision = Integer.parseInt(spec.substring(start, i));
            }
            if (i < n) {
                s.type = spec.charAt(i++);
            }
            if (i < n) {
                throw new IllegalArgumentException("Invalid format specifier");
            }
            if (s.zero && s.align == 0) {
                s.fill = '0';
                s.align = '=';
            }
            return s;
        }
    }

    /** Python's {@code format(x, spec)} for a float, e.g. spec ".3f", ".6e", ">8.2f", "", "g", ",.2f", "%". */
    public static String formatFloat(double x, String spec) {
        Spec s = Spec.parse(spec);
        boolean negative = DecimalText.isNegative(x) && !Double.isNaN(x);
        double a = Math.abs(x);
        String body;
        String suffix = "";
        switch (s.type) {
            case 'f':
            case 'F':
                body = DecimalText.fixed(a, s.precision < 0 ? 6 : s.precision);
                break;
            case 'e':
            case 'E':
                body = DecimalText.scientific(a, s.precision < 0 ? 6 : s.precision);
                break;
            case '%':
                body = DecimalText.fixed(a * 100, s.precision < 0 ? 6 : s.precision);
                suffix = "%";
                break;
            case 'g':
            case 'G':
            case 'n':
                body = general(a, s.precision < 0 ? 6 : Math.max(1, s.precision), s.alternate, false);
                break;
            case 0:
                body = s.precision < 0 ? repr(a) : general(a, Math.max(1, s.precision), s.alternate, true);
                break;
            default:
                throw new IllegalArgumentException("Unknown format code '" + s.type + "' for object of type 'float'");
        }
        if (Character.isUpperCase(s.type)) {
            body = body.toUpperCase();
        }
        if (s.alternate && body.indexOf('.') < 0 && Double.isFinite(a) && (s.type == 'f' || s.type == 'F' || s.type == 'e' || s.type == 'E' || s.type == '%')) {
            int e = body.indexOf('e') >= 0 ? body.indexOf('e') : body.indexOf('E');
            body = e >= 0 ? body.substring(0, e) + "." + body.substring(e) : body + ".";
        }
        if (s.grouping != 0) {
            body = group(body, s.grouping);
        }
        return pad(signText(negative, s.sign), body + suffix, s);
    }

    /** The 'g' rules; {@code noType} is the empty type with a precision (keeps one fractional digit). */
    private static String general(double a, int precision, boolean alternate, boolean noType) {
        if (!Double.isFinite(a)) {
            return Double.isNaN(a) ? "nan" : "inf";
        }
        int exponent;
        if (a == 0) {
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(a).round(new MathContext(precision, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - 1 - rounded.scale();
        }
        String text;
        if (exponent >= -4 && exponent < precision) {
            text = DecimalText.fixed(a, precision - 1 - exponent);
            if (!alternate) {
                text = stripZeros(text);
                if (noType && text.indexOf('.') < 0) {
                    text += ".0";
                }
            }
        } else {
            text = DecimalText.scientific(a, precision - 1);
            if (!alternate) {
                int e = text.indexOf('e');
                text = stripZeros(text.substring(0, e)) + text.substring(e);
            }
        }
        return text;
    }

    private static String stripZeros(String fixed) {
        if (fixed.indexOf('.') < 0) {
            return fixed;
        }
        int end = fixed.length();
        while (fixed.charAt(end - 1) == '0') {
            end--;
        }
        if (fixed.charAt(end - 1) == '.') {
            end--;
        }
        return fixed.substring(0, end);
    }

    /** Python's {@code format(n, spec)} for an int (long or BigInteger given as Number), e.g. "d", "05d", ">4", ",", "x", ".2f". */
    public static String formatInt(Number n, String spec) {
        Spec s = Spec.parse(spec);
        if ("eEfFgG%".indexOf(s.type == 0 ? '?' : s.type) >= 0 || (s.type == 0 && s.precision >= 0)) {
            if (s.type == 0) {
                throw new IllegalArgumentException("Precision not allowed in integer format specifier");
            }
            return formatFloat(n.doubleValue(), spec);
        }
        BigInteger value = n instanceof BigInteger ? (BigInteger) n : BigInteger.valueOf(n.longValue());
        boolean negative = value.signum() < 0;
        BigInteger magnitude = value.abs();
        String body;
        String prefix = "";
        switch (s.type) {
            case 0:
            case 'd':
            case 'n':
                body = magnitude.toString();
                break;
            case 'x':
                body = magnitude.toString(16);
                prefix = s.alternate ? "0x" : "";
                break;
            case 'X':
                body = magnitude.toString(16).toUpperCase();
                prefix = s.alternate ? "0X" : "";
                break;
            case 'o':
                body = magnitude.toString(8);
                prefix = s.alternate ? "0o" : "";
                break;
            case 'b':
                body = magnitude.toString(2);
                prefix = s.alternate ? "0b" : "";
                break;
            case 'c':
                body = new String(Character.toChars(value.intValue()));
                break;
            default:
                throw new IllegalArgumentException("Unknown format code '" + s.type + "' for object of type 'int'");
        }
        if (s.grouping != 0) {
            body = group(body, s.grouping);
        }
        return pad(signText(negative, s.sign) + prefix, body, s);
    }

    /** Python's {@code format(s, spec)} for a str, e.g. "<10", "^9", ">5". */
    public static String formatStr(String text, String spec) {
        Spec s = Spec.parse(spec);
        if (s.type != 0 && s.type != 's') {
            throw new IllegalArgumentException("Unknown format code '" + s.type + "' for object of type 'str'");
        }
        if (s.sign != '-') {
            throw new IllegalArgumentException("Sign not allowed in string format specifier");
        }
        if (s.align == '=') {
            throw new IllegalArgumentException("'=' alignment not allowed in string format specifier");
        }
        String body = s.precision >= 0 && s.precision < text.length() ? text.substring(0, s.precision) : text;
        if (s.align == 0) {
            s.align = '<';
        }
        return pad("", body, s);
    }

    private static String signText(boolean negative, char signOption) {
        if (negative) {
            return "-";
        }
        return signOption == '+' ? "+" : signOption == ' ' ? " " : "";
    }

    private static String group(String body, char separator) {
        int end = 0;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        String whole = body.substring(0, end);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(separator);
            }
            grouped.append(whole.charAt(i));
        }
        return grouped + body.substring(end);
    }

    /** Applies fill, alignment and width; numbers default to right alignment. */
    private static String pad(String sign, String body, Spec s) {
        int length = sign.length() + body.length();
        if (s.width <= length) {
            return sign + body;
        }
        String fill = String.valueOf(s.fill).repeat(s.width - length);
        char align = s.align == 0 ? '>' : s.align;
        switch (align) {
            case '<':
                return sign + body + fill;
            case '^': {
                int left = (s.width - length) / 2;
                return fill.substring(0, left) + sign + body + fill.substring(left);
            }
            case '=':
                return sign + fill + body;
            default:
                return fill + sign + body;
        }
    }
}
