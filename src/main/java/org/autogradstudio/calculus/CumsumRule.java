package org.autogradstudio.calculus;

import java.util.List;

/**
 * {@code cumsum(dim)}: out_j = Σ_{i ≤ j} x_i along the dim. Every input element enters each later
 * running sum with factor 1, so the backward is the running sum of g taken from the other end.
 * Within one group (a line along the dim) row-major order is the order along the dim.
 */
final class CumsumRule implements LocalRule {
    private final String name;
    private final int dim;

    CumsumRule(String name, int dim) {
        this.name = name;
        this.dim = dim;
    }

    @Override
    public String name() {
        return name;
    }

    private DimGroups groups(int[] shape) {
        return new DimGroups(shape, shape.length == 0 ? null : new int[] {dim});
    }

    /** Running sums in row-major order ({@code reverse}: from the last element back). */
    private double[] running(double[] v, int[] shape, boolean reverse) {
        DimGroups gr = groups(shape);
        double[] acc = new double[gr.count];
        double[] out = new double[v.length];
        for (int n = 0; n < v.length; n++) {
            int i = reverse ? v.length - 1 - n : n;
            acc[gr.groupOf[i]] += v[i];
            out[i] = acc[gr.groupOf[i]];
        }
        return out;
    }

    @Override
    public Values forward(List<Values> in) {
        Values x = in.get(0);
        return new Values(x.shape(), running(x.data(), x.shape(), false));
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        Values x = in.get(0);
        return new Values(x.shape(), running(g.broadcastTo(x.shape()).data(), x.shape(), true));
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] outShape) {
        Values m = masks.get(0);
        double[] reached = running(m.data(), m.shape(), false);
        return new Values(outShape, reached).map(v -> v != 0 ? 1 : 0);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        double[] ones = new double[positions.length];
        java.util.Arrays.fill(ones, 1);
        return new Dual(Expr.ONE, ones);
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        return Expr.apply(TensorFn.CUMSUM, "dim=" + dim, in.get(0));
    }

    @Override
    public Expr matrixVjp(Expr g, List<Expr> in, Expr local, int i, int[] inShape, int[] outShape) {
        return Expr.apply(TensorFn.CUMSUM, "reverse, dim=" + dim, g);
    }
}
