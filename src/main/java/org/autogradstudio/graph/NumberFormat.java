package org.autogradstudio.graph;

import java.util.Locale;

/** How numbers and shapes read inside vertices: four decimals, as PyTorch prints tensors. */
public final class NumberFormat {
    private NumberFormat() {
    }

    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    public static String shape(int[] shape) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? "×" : "").append(shape[i]);
        }
        return s.append(']').toString();
    }
}
