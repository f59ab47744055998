package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Python's float text: repr is the shortest round-trip; format specs round half-even on the exact value. */
class PyFormatTest {
    @Property(tries = 2000)
    void reprReadsBackAsTheSameDouble(@ForAll double x) {
        String r = PyFormat.repr(x);
        if (Double.isFinite(x)) {
            assertEquals(x, Double.parseDouble(r), r);
        }
    }

    @Property(tries = 500)
    void reprHasNoShorterRoundTrip(@ForAll double x) {
        if (!Double.isFinite(x) || x == 0) {
            return;
        }
        String digits = new BigDecimal(PyFormat.repr(Math.abs(x))).unscaledValue().toString().replaceAll("0+$", "");
        int n = digits.length();
        if (n > 1) {
            BigDecimal shorter = new BigDecimal(Math.abs(x)).round(new java.math.MathContext(n - 1));
            assertTrue(shorter.doubleValue() != Math.abs(x), "shorter " + shorter + " also reads back as " + x);
        }
    }

    @Test
    void reprLaysOutAsPythonDoes() {
        assertEquals("0.1", PyFormat.repr(0.1));
        assertEquals("1e-05", PyFormat.repr(1e-5));
        assertEquals("0.0001", PyFormat.repr(1e-4));
        assertEquals("1e+16", PyFormat.repr(1e16));
        assertEquals("1000000000000000.0", PyFormat.repr(1e15));
        assertEquals("-0.0", PyFormat.repr(-0.0));
        assertEquals("6.701176166534424", PyFormat.repr((float) 6.701176166534424));
        assertEquals("5e-324", PyFormat.repr(Double.MIN_VALUE));
        assertEquals("inf", PyFormat.repr(Double.POSITIVE_INFINITY));
    }

    @Test
    void formatSpecsRoundLikePython() {
        // values recorded from Python 3.11: f"{v:{spec}}"
        assertEquals("2.67", PyFormat.formatFloat(2.675, ".2f"));
        assertEquals("0.12", PyFormat.formatFloat(0.125, ".2f"));
        assertEquals("1.0240e+02", PyFormat.formatFloat(102.4, ".4e"));
        assertEquals("  3.14", PyFormat.formatFloat(3.14159, "6.2f"));
        assertEquals("3.14  ", PyFormat.formatFloat(3.14159, "<6.2f"));
        assertEquals("1,234,567.89", PyFormat.formatFloat(1234567.891, ",.2f"));
        assertEquals("50.0%", PyFormat.formatFloat(0.5, ".1%"));
        assertEquals("1e-05", PyFormat.formatFloat(1e-5, "g"));
        assertEquals("123457", PyFormat.formatFloat(123456.7, "g"));
        assertEquals("1.23457e+06", PyFormat.formatFloat(1234567.0, "g"));
        assertEquals("1.0", PyFormat.formatFloat(1.0, ".3"));
        assertEquals("+1.50", PyFormat.formatFloat(1.5, "+.2f"));
        assertEquals("-0001.5", PyFormat.formatFloat(-1.5, "07.1f"));
        assertEquals("0042", PyFormat.formatInt(42L, "04d"));
        assertEquals("ff", PyFormat.formatInt(255L, "x"));
        assertEquals("1,000,000", PyFormat.formatInt(1000000L, ","));
        assertEquals("3.00", PyFormat.formatInt(3L, ".2f"));
        assertEquals("  ab  ", PyFormat.formatStr("ab", "^6"));
        assertEquals("ab****", PyFormat.formatStr("ab", "*<6"));
    }
}
