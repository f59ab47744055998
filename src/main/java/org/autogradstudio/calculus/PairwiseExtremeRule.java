package org.autogradstudio.calculus;

import java.util.List;

/**
 * {@code maximum(a, b)} / {@code minimum(a, b)} elementwise with broadcasting: the gradient goes
 * to the side that wins, and a tie splits it in halves, as PyTorch's formula does.
 */
final class PairwiseExtremeRule extends PointwiseRule {
    private final boolean max;

    PairwiseExtremeRule(String name, boolean max) {
        super(name);
        this.max = max;
    }

    /** The share of the output gradient input {@code i} gets where the values are x (input 0) and y (input 1). */
    private double share(double x, double y, int i) {
        if (x == y) {
            return 0.5;
        }
        boolean firstWins = max ? x > y : x < y;
        return (i == 0) == firstWins ? 1 : 0;
    }

    @Override
    public Values forward(List<Values> in) {
        return Values.zip(in.get(0), in.get(1),
                (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : max ? Math.max(x, y) : Math.min(x, y));
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        int[] shape = out.shape();
        double[] x = in.get(0).broadcastTo(shape).data(), y = in.get(1).broadcastTo(shape).data();
        double[] gv = g.broadcastTo(shape).data();
        double[] grad = new double[gv.length];
        for (int k = 0; k < grad.length; k++) {
            grad[k] = gv[k] * share(x[k], y[k], i);
        }
        return new Values(shape, grad).sumTo(in.get(i).shape());
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] outShape) {
        return Values.zip(masks.get(0), masks.get(1), (p, q) -> p != 0 || q != 0 ? 1 : 0).broadcastTo(outShape);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        int[] mapX = Values.broadcastMap(in.get(0).shape(), out.shape()), mapY = Values.broadcastMap(in.get(1).shape(), out.shape());
        double[] v = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            v[k] = share(in.get(0).data()[mapX[positions[k]]], in.get(1).data()[mapY[positions[k]]], i);
        }
        if (new Dual(Expr.ZERO, v).isUniform()) {
            return new Dual(Expr.num(v[0]), v);
        }
        String what = (i == 0 ? "a" : "b") + (max ? "_is_larger" : "_is_smaller");
        return new Dual(new Expr.Apply(TensorFn.OTHER, what, inExprs), v);
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        return new Expr.Apply(TensorFn.ELEMENTWISE, max ? "maximum" : "minimum", in);
    }
}
