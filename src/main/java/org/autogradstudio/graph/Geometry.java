package org.autogradstudio.graph;

import java.util.List;

/** Segment intersection, to count edge crossings of a layout. */
final class Geometry {
    private Geometry() {
    }

    static boolean polylinesCross(List<double[]> a, List<double[]> b) {
        for (int i = 0; i + 1 < a.size(); i++) {
            for (int j = 0; j + 1 < b.size(); j++) {
                if (segmentsCross(a.get(i), a.get(i + 1), b.get(j), b.get(j + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Proper crossing: the segments' interiors intersect (touching at an end point does not count). */
    static boolean segmentsCross(double[] p1, double[] p2, double[] q1, double[] q2) {
        double d1 = orient(q1, q2, p1), d2 = orient(q1, q2, p2), d3 = orient(p1, p2, q1), d4 = orient(p1, p2, q2);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double orient(double[] a, double[] b, double[] c) {
        double v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
        return Math.abs(v) < 1e-9 ? 0 : v;
    }
}
