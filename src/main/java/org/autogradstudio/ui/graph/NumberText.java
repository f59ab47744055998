package org.autogradstudio.ui.graph;

import java.util.Locale;

/** Numbers on graph labels: four decimals as PyTorch prints scalars, scientific where it would be. */
public final class NumberText {
    private NumberText() {
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (v == 0) {
            return (1 / v < 0) ? "-0.0000" : "0.0000";
        }
        if (a >= 1e4 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Compact form for cells of a small matrix: up to four significant decimals. */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (v != 0 && (a >= 1e4 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.3f", v);
    }
}
