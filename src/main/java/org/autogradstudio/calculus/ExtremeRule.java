package org.autogradstudio.calculus;

import java.util.Arrays;
import java.util.List;

/**
 * max / min, over everything (the gradient is shared evenly by the elements equal to the extreme,
 * as the engine does) or along a dimension (it goes to the first element chosen).
 */
final class ExtremeRule implements LocalRule {
    private final String name;
    private final boolean max;
    /** -1: over all elements. */
    private final int dim;
    private final boolean keepdim;

    ExtremeRule(String name, boolean max, int dim, boolean keepdim) {
        this.name = name;
        this.max = max;
        this.dim = dim;
        this.keepdim = keepdim;
    }

    @Override
    public String name() {
        return name;
    }

    private boolean better(double x, double best) {
        return Double.isNaN(x) || (max ? x > best : x < best);
    }

    /** For each input position, the share of the output gradient it receives. */
    private double[] shares(Values x) {
        double[] v = x.data();
        double[] share = new double[v.length];
        if (dim < 0) {
            double best = v[0];
            for (double e : v) {
                if (better(e, best)) {
                    best = e;
                    if (Double.isNaN(e)) {
                        break;
                    }
                }
            }
            double b = best;
            long hits = Arrays.stream(v).filter(e -> e == b).count();
            for (int i = 0; i < v.length; i++) {
                share[i] = v[i] == best ? 1.0 / hits : 0;
            }
            return share;
        }
        int[] s = x.shape();
        int outer = 1, inner = 1, n = s[dim];
        for (int i = 0; i < dim; i++) {
            outer *= s[i];
        }
        for (int i = dim + 1; i < s.length; i++) {
            inner *= s[i];
        }
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int bestK = 0;
                double best = v[o * n * inner + in];
                for (int k = 1; k < n; k++) {
                    double e = v[(o * n + k) * inner + in];
                    if (!Double.isNaN(best) && better(e, best)) {
                        best = e;
                        bestK = k;
                    }
                }
                share[(o * n + bestK) * inner + in] = 1;
            }
        }
        return share;
    }

    private int[] keptShape(int[] s) {
        int[] k = s.clone();
        if (dim >= 0) {
            k[dim] = 1;
        } else {
            Arrays.fill(k, 1);
        }
        return k;
    }

    private int[] outShape(int[] s) {
        if (dim < 0) {
            return new int[0];
        }
        if (keepdim) {
            return keptShape(s);
        }
        int[] out = new int[s.length - 1];
        for (int d = 0, j = 0; d < s.length; d++) {
            if (d != dim) {
                out[j++] = s[d];
            }
        }
        return out;
    }

    @Override
    public Values forward(List<Values> in) {
        Values x = in.get(0);
        double[] share = shares(x);
        double[] sel = new double[share.length];
        for (int i = 0; i < sel.length; i++) {
            sel[i] = share[i] != 0 ? x.data()[i] * share[i] : 0;
        }
        return new Values(x.shape(), sel).sumTo(keptShape(x.shape())).reshape(outShape(x.shape()));
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        Values x = in.get(0);
        Values spread = g.reshape(keptShape(x.shape())).broadcastTo(x.shape());
        return spread.times(new Values(x.shape(), shares(x)));
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] shape) {
        return masks.get(0).sumTo(keptShape(masks.get(0).shape())).map(v -> v != 0 ? 1 : 0).reshape(shape);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        double[] share = shares(in.get(0));
        double[] v = new double[positions.length];
        for (int p = 0; p < positions.length; p++) {
            v[p] = share[positions[p]];
        }
        Dual d = new Dual(Expr.ZERO, v);
        if (d.isUniform()) {
            return new Dual(Expr.num(v[0]), v);
        }
        return new Dual(Expr.apply(TensorFn.OTHER, max ? "is_argmax" : "is_argmin", inExprs.get(0)), v);
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        return Expr.apply(max ? TensorFn.MAX : TensorFn.MIN, dim < 0 ? "" : "dim=" + dim, in.get(0));
    }
}
