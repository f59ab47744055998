package org.autogradstudio.engine;

import java.util.Arrays;
import java.util.Map;

/** Reductions: sum, mean, max/min, norm, with {@code dim}/{@code keepdim} as PyTorch has them. */
public final class Reductions {
    private Reductions() {
    }

    /** The output dtype of sum: integers and bools sum to int64. */
    private static DType sumType(DType d) {
        return d.isFloatingPoint() ? d : DType.INT64;
    }

    public static Tensor sum(Tensor a) {
        double[] v = a.values();
        double s = CascadeSum.sum(v, 0, 1, v.length, a.dtype());
        DType outType = sumType(a.dtype());
        Tensor result = Tensor.scalar(s, outType);
        if (Autograd.needed(a)) {
            int[] shape = a.shape;
            Autograd.record(result, "SumBackward0", new Tensor[] {a}, Autograd.NOTHING,
                    (node, g) -> new Tensor[] {ShapeOps.expandValues(g, shape)});
        }
        return result;
    }

    public static Tensor mean(Tensor a) {
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime("mean(): could not infer output dtype. Input dtype must be either a floating"
                    + " point or complex dtype. Got: " + (a.dtype() == DType.BOOL ? "Bool" : "Long"));
        }
        double[] v = a.values();
        // ATen's mean of a whole tensor: its sum (added as the sum kernel adds), divided by the count
        double s = CascadeSum.sum(v, 0, 1, v.length, a.dtype());
        int n = a.numel();
        Tensor result = Tensor.scalar(s / n, a.dtype());
        if (Autograd.needed(a)) {
            int[] shape = a.shape;
            Autograd.record(result, "MeanBackward0", new Tensor[] {a}, Autograd.NOTHING,
                    (node, g) -> new Tensor[] {meanBackward(g, n, shape)});
        }
        return result;
    }

    /**
     * The whole-tensor mean's backward: {@code g / n} spread over the input's shape. A 0-d g (the
     * usual loss) is divided once, as the division by the wrapped count rounds it, and filled in.
     */
    private static Tensor meanBackward(Tensor g, int n, int[] shape) {
        DType t = g.dtype();
        if (g.shape.length != 0 || !t.isFloatingPoint()) {
            return ShapeOps.expandValues(g.div(Tensor.wrappedNumber(n, false)), shape);
        }
        double[] out = new double[Shape.numel(shape)];
        // the count cast to the dtype first, as the wrapped number is
        Arrays.fill(out, t.round(g.scalarValue() / (t == DType.FLOAT32 ? (float) n : n)));
        return Tensor.wrap(out, shape.clone(), t);
    }

    public static Tensor sum(Tensor a, int[] dims, boolean keepdim) {
        return reduceDims(a, dims, keepdim, false);
    }

    public static Tensor mean(Tensor a, int[] dims, boolean keepdim) {
        if (!a.dtype().isFloatingPoint()) {
            return mean(a);
        }
        return reduceDims(a, dims, keepdim, true);
    }

    private static Tensor reduceDims(Tensor a, int[] dims, boolean keepdim, boolean average) {
        boolean[] reduced = new boolean[a.dim()];
        for (int d : dims) {
            reduced[Shape.wrapDim(d, a.dim())] = true;
        }
        int[] keptShape = a.shape.clone();
        int count = 1;
        for (int d = 0; d < a.dim(); d++) {
            if (reduced[d]) {
                count *= keptShape[d];
                keptShape[d] = 1;
            }
        }
        double[] values = a.values();
        double[] out = CascadeSum.reduce(values, a.shape, reduced, a.dtype());
        if (out == null) {
            out = sumInto(a, keptShape);
        }
        if (average) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= count;
            }
        }
        DType outType = average ? a.dtype() : sumType(a.dtype());
        for (int i = 0; i < out.length; i++) {
            out[i] = outType.round(out[i]);
        }
        int[] outShape = keepdim ? keptShape : dropDims(keptShape, reduced);
        Tensor result = Tensor.wrap(out, outShape, outType);
        if (Autograd.needed(a)) {
            int[] shape = a.shape;
            int n = count;
            Autograd.record(result, average ? "MeanBackward1" : "SumBackward1", new Tensor[] {a}, Autograd.NOTHING, null,
                    Map.of("dim", Arrays.toString(dims), "keepdim", keepdim), (node, g) -> {
                        Tensor kept = Tensor.wrap(g.values(), keptShape, g.dtype());
                        Tensor scaled = average ? kept.div(Tensor.wrappedNumber(n, false)) : kept;
                        return new Tensor[] {ShapeOps.expandValues(scaled, shape)};
                    });
        }
        return result;
    }

    private static int[] dropDims(int[] shape, boolean[] drop) {
        int k = 0;
        for (boolean b : drop) {
            k += b ? 0 : 1;
        }
        int[] out = new int[k];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (!drop[d]) {
                out[j++] = shape[d];
            }
        }
        return out;
    }

    /** Sums {@code a} over every dimension where {@code target} has size 1 (row-major result). */
    private static double[] sumInto(Tensor a, int[] target) {
        double[] v = a.values();
        double[] out = new double[Shape.numel(target)];
        int[] targetStrides = Shape.broadcastStrides(target, Shape.contiguousStrides(target), a.shape);
        int rank = a.shape.length;
        int[] index = new int[rank];
        int pos = 0;
        for (int i = 0; i < v.length; i++) {
            out[pos] += v[i];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                pos += targetStrides[d];
                if (index[d] < a.shape[d]) {
                    break;
                }
                pos -= targetStrides[d] * a.shape[d];
                index[d] = 0;
            }
        }
        return out;
    }

    /**
     * The dimensions of {@code from} that summing it to {@code to} adds over, as ATen's sum_to:
     * every leading dimension, and those {@code to} keeps at size 1.
     */
    static boolean[] sumToDims(int[] from, int[] to) {
        int lead = from.length - to.length;
        boolean[] reduced = new boolean[from.length];
        for (int d = 0; d < from.length; d++) {
            reduced[d] = d < lead || (to[d - lead] == 1 && from[d] != 1);
        }
        return reduced;
    }

    /** Reduces a broadcast gradient back to an input's shape (sum over the broadcast dimensions). */
    static Tensor sumToShape(Tensor g, int[] shape) {
        if (shape.length == 0 && g.dtype().isFloatingPoint()) {
            // to a 0-d input (a scalar weight times a batch): the one row sum CascadeSum.reduce would make
            double[] v = g.values();
            return Tensor.wrapScalar(g.dtype().round(CascadeSum.sum(v, 0, 1, v.length, g.dtype())), g.dtype());
        }
        int lead = g.dim() - shape.length;
        int[] kept = new int[g.dim()];
        for (int d = 0; d < g.dim(); d++) {
            kept[d] = d < lead ? 1 : shape[d - lead];
        }
        boolean[] reduced = sumToDims(g.shape, shape);
        boolean any = false;
        for (boolean r : reduced) {
            any |= r;
        }
        // nothing to sum (sum_to_size of the same shape is the tensor itself, -0.0 included);
        // otherwise ATen's order of additions where it has one, else the rows added in double
        double[] out = !any ? g.toArray() : CascadeSum.reduce(g.values(), g.shape, reduced, g.dtype());
        if (out == null) {
            out = leadingRowsReduced(g, kept) ? ArrayKernels.sumRows(g.values(), rowCount(g, kept), Shape.numel(kept))
                    : sumInto(g, kept);
        }
        DType t = g.dtype();
        for (int i = 0; i < out.length; i++) {
            out[i] = t.round(out[i]);
        }
        return Tensor.wrap(out, shape, t);
    }

    /**
     * Whether reducing {@code g} to {@code kept} sums whole leading dimensions only (a bias's
     * gradient summed over the batch), so the kept elements are one row of a row-major matrix.
     */
    private static boolean leadingRowsReduced(Tensor g, int[] kept) {
        int d = 0;
        while (d < kept.length && kept[d] == 1) {
            d++;
        }
        for (int e = d; e < kept.length; e++) {
            if (kept[e] != g.shape[e]) {
                return false;
            }
        }
        return true;
    }

    /** The number of rows summed by {@link #leadingRowsReduced}. */
    private static int rowCount(Tensor g, int[] kept) {
        int rows = 1;
        for (int d = 0; d < kept.length && kept[d] == 1; d++) {
            rows *= g.shape[d];
        }
        return rows;
    }

    /** {@code max()}/{@code min()} over all elements; the gradient goes evenly to the extreme elements. */
    public static Tensor extreme(Tensor a, boolean max) {
        if (a.numel() == 0) {
            throw TorchException.runtime((max ? "max" : "min") + "(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        }
        double[] v = a.values();
        double best = v[0];
        for (double x : v) {
            if (Double.isNaN(x) || (max ? x > best : x < best)) {
                best = x;
                if (Double.isNaN(x)) {
                    break;
                }
            }
        }
        Tensor result = Tensor.scalar(best, a.dtype());
        if (Autograd.needed(a)) {
            double chosen = best;
            int[] shape = a.shape;
            Autograd.record(result, max ? "MaxBackward1" : "MinBackward1", new Tensor[] {a}, new Tensor[] {a}, (node, g) -> {
                double[] in = node.saved(0).values();
                long hits = Arrays.stream(in).filter(x -> x == chosen).count();
                double share = g.item() / hits;
                double[] out = new double[in.length];
                for (int i = 0; i < in.length; i++) {
                    out[i] = in[i] == chosen ? share : 0;
                }
                return new Tensor[] {Tensor.wrap(out, shape, DType.FLOAT64)};
            });
        }
        return result;
    }

    /**
     * {@code max(dim)}/{@code min(dim)}: values and int64 indices; the gradient goes to the chosen element.
     * Returns {values, indices}.
     */
    public static Tensor[] extreme(Tensor a, int dim, boolean keepdim, boolean max) {
        int d = Shape.wrapDim(dim, a.dim());
        if (a.dim() == 0) {
            return new Tensor[] {a, Tensor.scalar(0, DType.INT64)};
        }
        int outer = 1, inner = 1, n = a.shape[d];
        for (int i = 0; i < d; i++) {
            outer *= a.shape[i];
        }
        for (int i = d + 1; i < a.dim(); i++) {
            inner *= a.shape[i];
        }
        double[] v = a.values();
        double[] values = new double[outer * inner];
        double[] indices = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int bestK = 0;
                double best = v[o * n * inner + in];
                for (int k = 1; k < n; k++) {
                    double x = v[(o * n + k) * inner + in];
                    if (!Double.isNaN(best) && (Double.isNaN(x) || (max ? x > best : x < best))) {
                        best = x;
                        bestK = k;
                    }
                }
                values[o * inner + in] = best;
                indices[o * inner + in] = bestK;
            }
        }
        int[] kept = a.shape.clone();
        kept[d] = 1;
        boolean[] drop = new boolean[a.dim()];
        drop[d] = true;
        int[] outShape = keepdim ? kept : dropDims(kept, drop);
        Tensor result = Tensor.wrap(values, outShape, a.dtype());
        Tensor idx = Tensor.wrap(indices, outShape, DType.INT64);
        if (Autograd.needed(a)) {
            int[] shape = a.shape;
            int nn = n, inn = inner;
            Autograd.record(result, max ? "MaxBackward0" : "MinBackward0", new Tensor[] {a}, Autograd.NOTHING, null,
                    Map.of("dim", d, "keepdim", keepdim), (node, g) -> {
                        double[] gv = g.values();
                        double[] out = new double[Shape.numel(shape)];
                        for (int i = 0; i < gv.length; i++) {
                            int o = i / inn, in = i % inn;
                            out[(o * nn + (int) indices[i]) * inn + in] += gv[i];
                        }
                        return new Tensor[] {Tensor.wrap(out, shape, g.dtype())};
                    });
        }
        return new Tensor[] {result, idx};
    }

    /** {@code norm(p=2)} over all elements. */
    public static Tensor norm(Tensor a, double p) {
        // one p-norm for all: the inf-norm's gradient then goes to the largest magnitudes, shared when they tie
        return GroupReductions.norm(a, p, null, false);
    }
}
