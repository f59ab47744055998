package org.autogradstudio.engine;

/**
 * Elementwise functions of two broadcast tensors that are not in the {@link ElementwiseOp} table:
 * {@code maximum} and {@code minimum} (MaximumBackward0 / MinimumBackward0; a tie sends half the
 * gradient to each side, as PyTorch's formula does) and the tolerance tests {@code isclose} and
 * {@code allclose} that lessons use to compare a manual gradient with autograd's.
 */
public final class PairwiseOps {
    /** PyTorch's default tolerances of isclose/allclose. */
    public static final double RTOL = 1e-05;
    public static final double ATOL = 1e-08;

    private PairwiseOps() {
    }

    public static Tensor maximum(Tensor a, Tensor b) {
        return extreme(a, b, true);
    }

    public static Tensor minimum(Tensor a, Tensor b) {
        return extreme(a, b, false);
    }

    private static Tensor extreme(Tensor a, Tensor b, boolean max) {
        DType type = DType.promote(a.dtype(), b.dtype());
        int[] shape = Shape.broadcast(a.shape, b.shape);
        double[] x = Pointwise.broadcastValues(a, shape), y = Pointwise.broadcastValues(b, shape);
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            double u = x[i], v = y[i];
            out[i] = type.round(Double.isNaN(u) || Double.isNaN(v) ? Double.NaN : max ? Math.max(u, v) : Math.min(u, v));
        }
        Tensor result = Tensor.wrap(out, shape, type);
        if (Autograd.needed(a, b)) {
            Autograd.record(result, max ? "MaximumBackward0" : "MinimumBackward0", new Tensor[] {a, b}, new Tensor[] {a, b},
                    (node, g) -> {
                        double[] xs = Pointwise.broadcastValues(node.saved(0), shape);
                        double[] ys = Pointwise.broadcastValues(node.saved(1), shape);
                        double[] gv = Pointwise.broadcastValues(g, shape);
                        double[] ga = new double[gv.length], gb = new double[gv.length];
                        for (int i = 0; i < gv.length; i++) {
                            double share = xs[i] == ys[i] ? gv[i] / 2 : gv[i];
                            boolean aWins = max ? xs[i] >= ys[i] : xs[i] <= ys[i];
                            boolean bWins = max ? ys[i] >= xs[i] : ys[i] <= xs[i];
                            ga[i] = aWins ? share : 0;
                            gb[i] = bWins ? share : 0;
                        }
                        return new Tensor[] {Tensor.wrap(ga, shape, DType.FLOAT64), Tensor.wrap(gb, shape, DType.FLOAT64)};
                    });
        }
        return result;
    }

    /** {@code isclose(a, b, rtol, atol, equal_nan)}: |a - b| <= atol + rtol * |b|, elementwise. */
    public static Tensor isclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime(a.dtype().scalarTypeName() + " did not match " + b.dtype().scalarTypeName());
        }
        int[] shape = Shape.broadcast(a.shape, b.shape);
        double[] x = Pointwise.broadcastValues(a, shape), y = Pointwise.broadcastValues(b, shape);
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = close(x[i], y[i], rtol, atol, equalNan) ? 1 : 0;
        }
        return Tensor.wrap(out, shape, DType.BOOL);
    }

    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
        for (double v : isclose(a, b, rtol, atol, equalNan).values()) {
            if (v == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean close(double u, double v, double rtol, double atol, boolean equalNan) {
        if (Double.isNaN(u) || Double.isNaN(v)) {
            return equalNan && Double.isNaN(u) && Double.isNaN(v);
        }
        if (u == v) {
            return true; // also equal infinities
        }
        if (Double.isInfinite(u) || Double.isInfinite(v)) {
            return false;
        }
        return Math.abs(u - v) <= atol + rtol * Math.abs(v);
    }
}
