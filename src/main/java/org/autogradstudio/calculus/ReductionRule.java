package org.autogradstudio.calculus;

import java.util.Arrays;
import java.util.List;

/** sum / mean over all elements or over some dimensions: each element's derivative is 1 or 1/n. */
final class ReductionRule implements LocalRule {
    private final String name;
    private final boolean mean;
    /** null: all dimensions. */
    private final int[] dims;
    private final boolean keepdim;

    ReductionRule(String name, boolean mean, int[] dims, boolean keepdim) {
        this.name = name;
        this.mean = mean;
        this.dims = dims;
        this.keepdim = keepdim;
    }

    @Override
    public String name() {
        return name;
    }

    private boolean[] reduced(int rank) {
        boolean[] r = new boolean[rank];
        if (dims == null) {
            Arrays.fill(r, true);
        } else {
            for (int d : dims) {
                r[d < 0 ? d + Math.max(rank, 1) : d] = true;
            }
        }
        return r;
    }

    /** The input's shape with reduced dimensions set to 1. */
    private int[] kept(int[] inShape) {
        boolean[] r = reduced(inShape.length);
        int[] k = inShape.clone();
        for (int d = 0; d < k.length; d++) {
            if (r[d]) {
                k[d] = 1;
            }
        }
        return k;
    }

    private int count(int[] inShape) {
        return Values.numel(inShape) / Math.max(Values.numel(kept(inShape)), 1);
    }

    private int[] outShape(int[] inShape) {
        if (dims == null) {
            return new int[0];
        }
        if (keepdim) {
            return kept(inShape);
        }
        boolean[] r = reduced(inShape.length);
        return java.util.stream.IntStream.range(0, inShape.length).filter(d -> !r[d]).map(d -> inShape[d]).toArray();
    }

    @Override
    public Values forward(List<Values> in) {
        Values x = in.get(0);
        Values s = x.sumTo(kept(x.shape()));
        double n = count(x.shape());
        Values out = mean ? s.map(v -> v / n) : s;
        return out.reshape(outShape(x.shape()));
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        int[] inShape = in.get(0).shape();
        double n = count(inShape);
        Values k = g.reshape(kept(inShape)).broadcastTo(inShape);
        return mean ? k.map(v -> v / n) : new Values(inShape, k.data().clone());
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] outShape) {
        Values s = masks.get(0).sumTo(kept(masks.get(0).shape()));
        return s.map(v -> v != 0 ? 1 : 0).reshape(outShape);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        double local = mean ? 1.0 / count(in.get(0).shape()) : 1;
        double[] v = new double[positions.length];
        Arrays.fill(v, local);
        return new Dual(Expr.num(local), v);
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        if (dims == null) {
            return Expr.apply(mean ? TensorFn.MEAN : TensorFn.SUM, in.get(0));
        }
        String label = "dim=" + (dims.length == 1 ? Integer.toString(dims[0]) : Arrays.toString(dims)) + (keepdim ? ", keepdim=True" : "");
        return Expr.apply(mean ? TensorFn.MEAN_DIM : TensorFn.SUM_DIM, label, in.get(0));
    }

    @Override
    public Expr matrixVjp(Expr g, List<Expr> in, Expr local, int i, int[] inShape, int[] outShape) {
        // the gradient is broadcast back over the reduced elements (scaled by 1/n for a mean)
        return MatrixForm.hadamard(g, local);
    }
}
