package org.autogradstudio.engine;

import java.util.Map;

/**
 * Reductions over chosen dims worked on {@link Groups}: the p-norm, variance and standard
 * deviation ({@code dims} null: over all elements), with PyTorch's names (NormBackward1,
 * VarBackward0, StdBackward0) and its {@code correction} (1 by default: the unbiased estimate).
 */
public final class GroupReductions {
    private GroupReductions() {
    }

    /** {@code norm(p, dim, keepdim)}; p may be infinite (the largest magnitude). */
    public static Tensor norm(Tensor a, double p, int[] dims, boolean keepdim) {
        return norm(a, p, dims, keepdim, "NormBackward1");
    }

    /** {@code torch.linalg.vector_norm}: the same norm, recorded under its own grad_fn name. */
    public static Tensor vectorNorm(Tensor a, double p, int[] dims, boolean keepdim) {
        return norm(a, p, dims, keepdim, "LinalgVectorNormBackward0");
    }

    private static Tensor norm(Tensor a, double p, int[] dims, boolean keepdim, String gradFn) {
        Groups groups = Groups.of(a.shape, dims, keepdim);
        double[] v = a.values();
        double[] norms = new double[groups.count];
        for (int i = 0; i < v.length; i++) {
            int k = groups.groupOf[i];
            double m = Math.abs(v[i]);
            norms[k] = Double.isInfinite(p) ? Math.max(norms[k], m) : norms[k] + Math.pow(m, p);
        }
        DType type = floatType(a, "norm");
        for (int k = 0; k < norms.length; k++) {
            norms[k] = type.round(Double.isInfinite(p) ? norms[k] : Math.pow(norms[k], 1 / p));
        }
        Tensor result = Tensor.wrap(norms, groups.resultShape, type);
        if (Autograd.needed(a)) {
            Autograd.record(result, gradFn, new Tensor[] {a}, new Tensor[] {a}, null,
                    dims == null && !keepdim ? Map.of("p", p)
                            : Map.of("p", p, "dim", dims == null ? "None" : java.util.Arrays.toString(dims), "keepdim", keepdim),
                    (node, g) -> {
                        double[] x = node.saved(0).values(), gv = g.values();
                        double[] out = new double[x.length];
                        double[] ties = Double.isInfinite(p) ? new double[groups.count] : null;
                        if (ties != null) {
                            // the maximum's gradient is shared by the elements that reach it, as PyTorch does
                            for (int i = 0; i < x.length; i++) {
                                ties[groups.groupOf[i]] += Math.abs(x[i]) == norms[groups.groupOf[i]] ? 1 : 0;
                            }
                        }
                        for (int i = 0; i < x.length; i++) {
                            int k = groups.groupOf[i];
                            double n = norms[k];
                            if (ties != null) {
                                out[i] = Math.abs(x[i]) == n ? Math.signum(x[i]) * gv[k] / ties[k] : 0;
                            } else {
                                out[i] = n == 0 ? 0 : gv[k] * Math.signum(x[i]) * Math.pow(Math.abs(x[i]), p - 1) / Math.pow(n, p - 1);
                            }
                        }
                        return new Tensor[] {Tensor.wrap(out, a.shape, DType.FLOAT64)};
                    });
        }
        return result;
    }

    public static Tensor var(Tensor a, int[] dims, double correction, boolean keepdim) {
        return moment(a, dims, correction, keepdim, false);
    }

    public static Tensor std(Tensor a, int[] dims, double correction, boolean keepdim) {
        return moment(a, dims, correction, keepdim, true);
    }

    /** Variance (or its square root) per group: sum((x - mean)^2) / (N - correction), worked in double. */
    private static Tensor moment(Tensor a, int[] dims, double correction, boolean keepdim, boolean root) {
        DType type = floatType(a, root ? "std" : "var");
        Groups groups = Groups.of(a.shape, dims, keepdim);
        double[] v = a.values();
        double[] mean = groups.sums(v);
        for (int k = 0; k < mean.length; k++) {
            mean[k] /= groups.size;
        }
        double[] squares = new double[groups.count];
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - mean[groups.groupOf[i]];
            squares[groups.groupOf[i]] += d * d;
        }
        double denominator = Math.max(0, groups.size - correction);
        double[] out = new double[groups.count];
        for (int k = 0; k < out.length; k++) {
            double variance = squares[k] / denominator;
            out[k] = type.round(root ? Math.sqrt(variance) : variance);
        }
        Tensor result = Tensor.wrap(out, groups.resultShape, type);
        if (Autograd.needed(a)) {
            Autograd.record(result, root ? "StdBackward0" : "VarBackward0", new Tensor[] {a}, new Tensor[] {a}, null,
                    Map.of("dim", dims == null ? "None" : java.util.Arrays.toString(dims), "correction", correction,
                            "keepdim", keepdim), (node, g) -> {
                        double[] x = node.saved(0).values(), gv = g.values();
                        double[] grad = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            int k = groups.groupOf[i];
                            // d var/dx_i = 2 (x_i - mean) / (N - c); d std = d var / (2 std), 0 where std is 0
                            double local = 2 * (x[i] - mean[k]) / denominator;
                            if (root) {
                                local = out[k] == 0 ? 0 : local / (2 * out[k]);
                            }
                            grad[i] = gv[k] * local;
                        }
                        return new Tensor[] {Tensor.wrap(grad, a.shape, DType.FLOAT64)};
                    });
        }
        return result;
    }

    /**
     * {@code prod()} (ProdBackward0) or {@code prod(dim, keepdim)} (ProdBackward1). The gradient of
     * each element is the product of the others, worked without dividing so zeros are exact: one
     * zero in a group gets the product of the rest, the others 0; two zeros give 0 everywhere.
     */
    public static Tensor prod(Tensor a, Integer dim, boolean keepdim) {
        Groups groups = Groups.of(a.shape, dim == null ? null : new int[] {dim}, dim != null && keepdim);
        double[] v = a.values();
        double[] products = new double[groups.count];
        java.util.Arrays.fill(products, 1);
        for (int i = 0; i < v.length; i++) {
            products[groups.groupOf[i]] *= v[i];
        }
        DType type = a.dtype().isFloatingPoint() ? a.dtype() : DType.INT64;
        for (int k = 0; k < products.length; k++) {
            products[k] = type.round(products[k]);
        }
        Tensor result = Tensor.wrap(products, groups.resultShape, type);
        if (Autograd.needed(a)) {
            Autograd.record(result, dim == null ? "ProdBackward0" : "ProdBackward1", new Tensor[] {a}, new Tensor[] {a}, null,
                    dim == null ? Map.of() : Map.of("dim", (long) dim, "keepdim", keepdim), (node, g) -> {
                        double[] x = node.saved(0).values(), gv = g.values();
                        int[] zeros = new int[groups.count];
                        double[] nonzero = new double[groups.count];
                        java.util.Arrays.fill(nonzero, 1);
                        for (int i = 0; i < x.length; i++) {
                            int k = groups.groupOf[i];
                            if (x[i] == 0) {
                                zeros[k]++;
                            } else {
                                nonzero[k] *= x[i];
                            }
                        }
                        double[] out = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            int k = groups.groupOf[i];
                            double others = zeros[k] == 0 ? nonzero[k] / x[i] : zeros[k] == 1 && x[i] == 0 ? nonzero[k] : 0;
                            out[i] = gv[k] * others;
                        }
                        return new Tensor[] {Tensor.wrap(out, a.shape, DType.FLOAT64)};
                    });
        }
        return result;
    }

    /** {@code cumsum(dim)} (CumsumBackward0): running sums along dim; the gradient is the reversed running sum of g. */
    public static Tensor cumsum(Tensor a, int dim) {
        int d = Shape.wrapDim(dim, Math.max(1, a.dim()));
        Groups groups = Groups.of(a.shape, a.dim() == 0 ? null : new int[] {d}, true);
        double[] v = a.values();
        DType type = a.dtype().isFloatingPoint() ? a.dtype() : DType.INT64;
        double[] running = new double[groups.count];
        double[] out = new double[v.length];
        // within a group, flat order is the order along dim; ATen accumulates a float cumsum in double
        for (int i = 0; i < v.length; i++) {
            int k = groups.groupOf[i];
            running[k] += v[i];
            out[i] = type.round(running[k]);
        }
        Tensor result = Tensor.wrap(out, a.shape.clone(), type);
        if (Autograd.needed(a)) {
            Autograd.record(result, "CumsumBackward0", new Tensor[] {a}, Autograd.NOTHING, null, Map.of("dim", (long) dim),
                    (node, g) -> {
                        double[] gv = g.values();
                        double[] back = new double[groups.count];
                        double[] grad = new double[gv.length];
                        for (int i = gv.length - 1; i >= 0; i--) {
                            int k = groups.groupOf[i];
                            back[k] += gv[i];
                            grad[i] = back[k];
                        }
                        return new Tensor[] {Tensor.wrap(grad, a.shape, DType.FLOAT64)};
                    });
        }
        return result;
    }

    /** {@code logsumexp(dim, keepdim)}: max + log(sum(exp(x - max))) per group, stable for large x. */
    public static Tensor logsumexp(Tensor a, int[] dims, boolean keepdim) {
        DType type = a.dtype().isFloatingPoint() ? a.dtype() : DType.FLOAT32;
        Groups groups = Groups.of(a.shape, dims, keepdim);
        double[] v = a.values();
        double[] max = groups.maxima(v);
        double[] sums = new double[groups.count];
        for (int i = 0; i < v.length; i++) {
            double m = max[groups.groupOf[i]];
            sums[groups.groupOf[i]] += Math.exp(v[i] - (Double.isInfinite(m) ? 0 : m));
        }
        double[] out = new double[groups.count];
        for (int k = 0; k < out.length; k++) {
            out[k] = type.round((Double.isInfinite(max[k]) ? 0 : max[k]) + Math.log(sums[k]));
        }
        Tensor result = Tensor.wrap(out, groups.resultShape, type);
        if (Autograd.needed(a)) {
            Autograd.record(result, "LogsumexpBackward0", new Tensor[] {a}, new Tensor[] {a}, null,
                    Map.of("dim", java.util.Arrays.toString(dims), "keepdim", keepdim), (node, g) -> {
                        double[] x = node.saved(0).values(), gv = g.values();
                        double[] grad = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            int k = groups.groupOf[i];
                            grad[i] = gv[k] * Math.exp(x[i] - out[k]);
                        }
                        return new Tensor[] {Tensor.wrap(grad, a.shape, DType.FLOAT64)};
                    });
        }
        return result;
    }

    /** {@code amax}/{@code amin(dim, keepdim)} (dims null: all): the gradient is shared evenly by the elements that tie. */
    public static Tensor amax(Tensor a, int[] dims, boolean keepdim, boolean max) {
        Groups groups = Groups.of(a.shape, dims, keepdim);
        double[] v = a.values();
        double[] best = new double[groups.count];
        java.util.Arrays.fill(best, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        for (int i = 0; i < v.length; i++) {
            int k = groups.groupOf[i];
            if (Double.isNaN(v[i]) || (max ? v[i] > best[k] : v[i] < best[k])) {
                best[k] = Double.isNaN(best[k]) ? best[k] : v[i];
            }
        }
        Tensor result = Tensor.wrap(best, groups.resultShape, a.dtype());
        if (Autograd.needed(a)) {
            Autograd.record(result, max ? "AmaxBackward0" : "AminBackward0", new Tensor[] {a}, new Tensor[] {a}, null,
                    Map.of("dim", dims == null ? "()" : java.util.Arrays.toString(dims), "keepdim", keepdim), (node, g) -> {
                        double[] x = node.saved(0).values(), gv = g.values();
                        double[] ties = new double[groups.count];
                        for (int i = 0; i < x.length; i++) {
                            ties[groups.groupOf[i]] += x[i] == best[groups.groupOf[i]] ? 1 : 0;
                        }
                        double[] grad = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            int k = groups.groupOf[i];
                            grad[i] = x[i] == best[k] ? gv[k] / ties[k] : 0;
                        }
                        return new Tensor[] {Tensor.wrap(grad, a.shape, DType.FLOAT64)};
                    });
        }
        return result;
    }

    private static DType floatType(Tensor a, String op) {
        if (!a.dtype().isFloatingPoint()) {
            throw TorchException.runtime(op.equals("norm") ? "norm(): input dtype should be either floating point or complex. Got "
                    + a.dtype().scalarTypeName() + " instead." : "std and var only support floating point and complex dtypes");
        }
        return a.dtype();
    }
}
