package org.autogradstudio.ui.whatif;

import java.util.Arrays;

/** Reading a node's recorded attributes back (numbers, flags, dims) for a replay. */
final class RecordedArgs {
    private RecordedArgs() {
    }

    static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    static int integer(Object o) {
        return ((Number) o).intValue();
    }

    static boolean bool(Object o) {
        return Boolean.TRUE.equals(o);
    }

    /** {@code [1, 2]}, {@code 1}, or an int[] as an int[]. */
    static int[] ints(Object o) {
        if (o instanceof int[] a) {
            return a;
        }
        if (o instanceof Number num) {
            return new int[] {num.intValue()};
        }
        String s = String.valueOf(o).replaceAll("[\\[\\]()\\s]", "");
        if (s.isEmpty()) {
            return new int[0];
        }
        return Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
