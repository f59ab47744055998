package org.autogradstudio.calculus;

import java.util.List;

/**
 * {@code masked_fill(mask, value)}: the filled positions hold a constant, so their derivative is
 * 0 and the others pass the gradient through (factor 1). The engine records the filled positions
 * (the mask broadcast to the input) and the value, which are not inputs of the node. tril and
 * triu are the same rule: the positions outside the triangle are filled with 0.
 */
final class MaskedFillRule extends PointwiseRule {
    private final int[] filled;
    private final double value;
    /** The op the forward expression names: masked_fill, or tril/triu (which fill the other triangle with 0). */
    private final String op;

    MaskedFillRule(String name, int[] filled, double value) {
        this(name, filled, value, "masked_fill");
    }

    MaskedFillRule(String name, int[] filled, double value, String op) {
        super(name);
        this.filled = filled.clone();
        this.value = value;
        this.op = op;
    }

    private double[] kept(int n) {
        double[] keep = new double[n];
        java.util.Arrays.fill(keep, 1);
        for (int p : filled) {
            keep[p] = 0;
        }
        return keep;
    }

    @Override
    public Values forward(List<Values> in) {
        double[] out = in.get(0).data().clone();
        for (int p : filled) {
            out[p] = value;
        }
        return new Values(in.get(0).shape(), out);
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        return new Values(in.get(0).shape(), kept(in.get(0).numel())).times(g.broadcastTo(in.get(0).shape()));
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] outShape) {
        return masks.get(0).times(new Values(outShape, kept(Values.numel(outShape))));
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        double[] keep = kept(in.get(0).numel());
        double[] v = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            v[k] = keep[positions[k]];
        }
        if (new Dual(Expr.ZERO, v).isUniform()) {
            return new Dual(Expr.num(v[0]), v);
        }
        return new Dual(Expr.apply(TensorFn.OTHER, "not_mask"), v);
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        return new Expr.Apply(TensorFn.ELEMENTWISE, op, List.of(in.get(0), Expr.num(value)));
    }
}
