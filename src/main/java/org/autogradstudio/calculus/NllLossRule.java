package org.autogradstudio.calculus;

import java.util.List;

/**
 * {@code nll_loss(input, target, weight, ignore_index, reduction)} with input (N, C) or (C) and
 * the class indices recorded by the engine (the target and weight are not inputs of the node).
 * Each row contributes {@code -w[y_i] · input[i, y_i]}, so the local derivative picks the target
 * class: {@code -w[y_i]} at (i, y_i) and 0 elsewhere, divided by the summed weights for a mean.
 * Over log_softmax this gives cross-entropy's familiar {@code (p - onehot(y)) / N}.
 */
final class NllLossRule implements LocalRule {
    private final String name;
    private final String reduction;
    private final long ignoreIndex;
    private final long[] target;
    /** null: every class weighs 1. */
    private final double[] weight;

    NllLossRule(String name, String reduction, long ignoreIndex, long[] target, double[] weight) {
        this.name = name;
        this.reduction = reduction;
        this.ignoreIndex = ignoreIndex;
        this.target = target.clone();
        this.weight = weight == null ? null : weight.clone();
    }

    @Override
    public String name() {
        return name;
    }

    private static int classes(Values x) {
        return x.rank() == 0 ? 1 : x.shape()[x.rank() - 1];
    }

    private double weightOf(int row) {
        long c = target[row];
        return c == ignoreIndex ? 0 : weight == null ? 1 : weight[(int) c];
    }

    /** The summed weights the mean divides by (1 for sum and none). */
    private double divisor() {
        if (!reduction.equals("mean")) {
            return 1;
        }
        double total = 0;
        for (int r = 0; r < target.length; r++) {
            total += weightOf(r);
        }
        return total;
    }

    /** The input position a row's loss reads, or -1 when its target is ignored. */
    private int picked(int row, int classes) {
        return target[row] == ignoreIndex ? -1 : row * classes + (int) target[row];
    }

    /** d loss / d input at every input position (the upstream gradient of each row is {@code gRow}). */
    private double[] local(Values x, double[] gRow) {
        int c = classes(x);
        double[] grad = new double[x.numel()];
        double div = divisor();
        for (int r = 0; r < target.length; r++) {
            int p = picked(r, c);
            if (p >= 0) {
                grad[p] = -weightOf(r) * gRow[gRow.length == 1 ? 0 : r] / div;
            }
        }
        return grad;
    }

    @Override
    public boolean flows(int i) {
        return i == 0;
    }

    @Override
    public Values forward(List<Values> in) {
        Values x = in.get(0);
        int c = classes(x);
        double[] per = new double[target.length];
        for (int r = 0; r < per.length; r++) {
            int p = picked(r, c);
            per[r] = p < 0 ? 0 : -weightOf(r) * x.data()[p];
        }
        if (reduction.equals("none")) {
            return new Values(x.rank() == 2 ? new int[] {per.length} : new int[0], per);
        }
        double s = 0;
        for (double v : per) {
            s += v;
        }
        return Values.scalar(s / divisor());
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        return new Values(in.get(0).shape(), local(in.get(0), g.data()));
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] outShape) {
        Values m = masks.get(0);
        int c = classes(m);
        double[] rows = new double[target.length];
        for (int r = 0; r < rows.length; r++) {
            int p = picked(r, c);
            rows[r] = p >= 0 && m.data()[p] != 0 ? 1 : 0;
        }
        if (reduction.equals("none")) {
            return new Values(outShape, rows);
        }
        double any = 0;
        for (double v : rows) {
            any = Math.max(any, v);
        }
        return Values.full(outShape, any);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        double[] ones = new double[target.length];
        java.util.Arrays.fill(ones, 1);
        double[] all = local(in.get(0), ones);
        double[] v = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            v[k] = all[positions[k]];
        }
        Dual d = new Dual(Expr.ZERO, v);
        if (d.isUniform()) {
            return new Dual(Expr.num(v[0]), v); // e.g. -1/N at a target class, 0 at the others
        }
        double div = divisor();
        Expr onehot = Expr.apply(TensorFn.ONEHOT, weight == null ? "y" : "w_y", inExprs.get(0));
        return new Dual(Expr.mul(Expr.num(-1 / div), onehot), v);
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        return Expr.apply(TensorFn.NLL_LOSS, reduction.equals("mean") ? "" : "reduction='" + reduction + "'", in.get(0));
    }

    @Override
    public Expr matrixVjp(Expr g, List<Expr> in, Expr local, int i, int[] inShape, int[] outShape) {
        Expr onehot = Expr.apply(TensorFn.ONEHOT, weight == null ? "y" : "w_y", in.get(0));
        Expr scaled = Expr.mul(Expr.num(-1 / divisor()), onehot);
        return MatrixForm.hadamard(g, scaled);
    }
}
