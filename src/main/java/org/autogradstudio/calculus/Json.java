package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.List;

/** Numbers made JSON-safe: NaN and infinities become the strings Python prints for them. */
final class Json {
    private Json() {
    }

    static Object number(Double v) {
        if (v == null) {
            return null;
        }
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v;
    }

    static List<Object> numbers(double[] v) {
        List<Object> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(number(x));
        }
        return out;
    }

    static List<Integer> ints(int[] v) {
        List<Integer> out = new ArrayList<>(v.length);
        for (int x : v) {
            out.add(x);
        }
        return out;
    }
}
