package org.autogradstudio.calculus;

import java.util.List;

/**
 * softmax and log_softmax along a dim. Each output element depends on its whole row along the
 * dim, so the local derivative is a Jacobian per row, not an element factor:
 * softmax {@code dy_j/dx_i = y_j (δ_ij - y_i)}, whose vector product is
 * {@code y ⊙ (g - Σ_dim g ⊙ y)}; log_softmax {@code dy_j/dx_i = δ_ij - softmax(x)_i}, giving
 * {@code g - softmax(x) ⊙ Σ_dim g}. Values are worked from the row maximum, as the engine does,
 * so large logits stay finite.
 */
final class SoftmaxRule implements LocalRule {
    private final String name;
    private final boolean log;
    private final int dim;

    SoftmaxRule(String name, boolean log, int dim) {
        this.name = name;
        this.log = log;
        this.dim = dim;
    }

    @Override
    public String name() {
        return name;
    }

    private DimGroups groups(int[] shape) {
        return new DimGroups(shape, shape.length == 0 ? null : new int[] {dim});
    }

    /** softmax of {@code x} along the dim, in double. */
    private double[] softmax(Values x) {
        DimGroups gr = groups(x.shape());
        double[] v = x.data();
        double[] max = new double[gr.count];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < v.length; i++) {
            max[gr.groupOf[i]] = Math.max(max[gr.groupOf[i]], v[i]);
        }
        double[] e = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double m = max[gr.groupOf[i]];
            e[i] = Math.exp(v[i] - (Double.isInfinite(m) ? 0 : m));
        }
        double[] s = gr.sums(e);
        for (int i = 0; i < e.length; i++) {
            e[i] /= s[gr.groupOf[i]];
        }
        return e;
    }

    @Override
    public Values forward(List<Values> in) {
        Values x = in.get(0);
        double[] p = softmax(x);
        if (log) {
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.log(p[i]);
            }
        }
        return new Values(x.shape(), p);
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        Values x = in.get(0);
        DimGroups gr = groups(x.shape());
        double[] p = softmax(x), gv = g.broadcastTo(x.shape()).data();
        double[] grad = new double[p.length];
        if (log) {
            double[] gs = gr.sums(gv);
            for (int k = 0; k < p.length; k++) {
                grad[k] = gv[k] - p[k] * gs[gr.groupOf[k]];
            }
        } else {
            double[] gy = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                gy[k] = gv[k] * p[k];
            }
            double[] dot = gr.sums(gy);
            for (int k = 0; k < p.length; k++) {
                grad[k] = p[k] * (gv[k] - dot[gr.groupOf[k]]);
            }
        }
        return new Values(x.shape(), grad);
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] outShape) {
        DimGroups gr = groups(masks.get(0).shape());
        return new Values(outShape, gr.spread(gr.anyMarked(masks.get(0))));
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        return null; // a row's Jacobian, not one factor per element: shown in the matrix form
    }

    private String label() {
        return "dim=" + dim;
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        return Expr.apply(log ? TensorFn.LOG_SOFTMAX : TensorFn.SOFTMAX, label(), in.get(0));
    }

    @Override
    public Expr matrixVjp(Expr g, List<Expr> in, Expr local, int i, int[] inShape, int[] outShape) {
        Expr p = Expr.apply(TensorFn.SOFTMAX, label(), in.get(0));
        String along = label() + ", keepdim=True";
        if (log) {
            return Expr.sub(g, Expr.apply(TensorFn.HADAMARD, p, Expr.apply(TensorFn.SUM_DIM, along, g)));
        }
        Expr dot = Expr.apply(TensorFn.SUM_DIM, along, Expr.apply(TensorFn.HADAMARD, g, p));
        return Expr.apply(TensorFn.HADAMARD, p, Expr.sub(g, dot));
    }
}
