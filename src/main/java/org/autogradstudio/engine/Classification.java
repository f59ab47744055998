package org.autogradstudio.engine;

import java.util.Map;

/**
 * Multi-class outputs as PyTorch has them: {@code softmax}, {@code log_softmax} along a dim,
 * {@code nll_loss} and {@code cross_entropy} (= nll_loss of log_softmax, so the graph shows
 * NllLossBackward0 over LogSoftmaxBackward0 as PyTorch's does). Values are worked in double from
 * the row maximum (so {@code softmax([1000, 0])} is {@code [1, 0]}, not NaN) and rounded once.
 */
public final class Classification {
    /** PyTorch's default {@code ignore_index}. */
    public static final long IGNORE_INDEX = -100;

    private Classification() {
    }

    /** Whether ATen's row kernels compute this: float32 along the last dim (Groups wraps dim). */
    private static boolean lastDimFloat(Tensor x, int dim) {
        return x.dtype() == DType.FLOAT32 && x.dim() >= 1 && Shape.wrapDim(dim, x.dim()) == x.dim() - 1 && x.numel() > 0;
    }

    /** A row kernel of SoftmaxKernels over the last dim: values in, values out. */
    private interface RowKernel {
        double[] apply(double[] x, int rows, int cols);
    }

    /** Its backward, given the incoming gradient and the saved output. */
    private interface RowBackward {
        double[] apply(double[] g, double[] y, int rows, int cols);
    }

    /** softmax or log_softmax of a float32 tensor along its last dim with ATen's row kernels, recorded with its backward kernel. */
    private static Tensor rowKernel(Tensor x, int dim, String name, RowKernel forward, RowBackward backward) {
        int cols = x.shape[x.dim() - 1], rows = x.numel() / cols;
        Tensor result = Tensor.wrap(forward.apply(x.values(), rows, cols), x.shape.clone(), DType.FLOAT32);
        if (Autograd.needed(x)) {
            Autograd.record(result, name, new Tensor[] {x}, new Tensor[] {result}, null, Map.of("dim", (long) dim),
                    (node, g) -> new Tensor[] {Tensor.wrap(backward.apply(g.values(), node.saved(0).values(), rows, cols),
                            x.shape, DType.FLOAT32)});
        }
        return result;
    }

    public static Tensor softmax(Tensor x, int dim) {
        if (lastDimFloat(x, dim)) {
            return rowKernel(x, dim, "SoftmaxBackward0", SoftmaxKernels::softmax, SoftmaxKernels::softmaxBackward);
        }
        Groups groups = Groups.of(x.shape, new int[] {dim}, true);
        double[] y = expShifted(x.values(), groups);
        double[] sums = groups.sums(y);
        DType type = floatType(x);
        for (int i = 0; i < y.length; i++) {
            y[i] = type.round(y[i] / sums[groups.groupOf[i]]);
        }
        Tensor result = Tensor.wrap(y, x.shape.clone(), type);
        if (Autograd.needed(x)) {
            // d softmax: y * (g - sum(g * y)) along the dim
            Autograd.record(result, "SoftmaxBackward0", new Tensor[] {x}, new Tensor[] {result}, null, Map.of("dim", (long) dim),
                    (node, g) -> {
                        double[] out = node.saved(0).toArray(), gv = g.values();
                        double[] dot = new double[groups.count];
                        for (int i = 0; i < out.length; i++) {
                            dot[groups.groupOf[i]] += gv[i] * out[i];
                        }
                        for (int i = 0; i < out.length; i++) {
                            out[i] = out[i] * (gv[i] - dot[groups.groupOf[i]]);
                        }
                        return new Tensor[] {Tensor.wrap(out, x.shape, DType.FLOAT64)};
                    });
        }
        return result;
    }

    public static Tensor logSoftmax(Tensor x, int dim) {
        if (lastDimFloat(x, dim)) {
            return rowKernel(x, dim, "LogSoftmaxBackward0", SoftmaxKernels::logSoftmax, SoftmaxKernels::logSoftmaxBackward);
        }
        Groups groups = Groups.of(x.shape, new int[] {dim}, true);
        double[] v = x.values();
        double[] max = groups.maxima(v);
        double[] e = expShifted(v, groups);
        double[] sums = groups.sums(e);
        DType type = floatType(x);
        double[] y = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int k = groups.groupOf[i];
            y[i] = type.round(v[i] - max[k] - Math.log(sums[k]));
        }
        Tensor result = Tensor.wrap(y, x.shape.clone(), type);
        if (Autograd.needed(x)) {
            // d log_softmax: g - exp(y) * sum(g) along the dim
            Autograd.record(result, "LogSoftmaxBackward0", new Tensor[] {x}, new Tensor[] {result}, null, Map.of("dim", (long) dim),
                    (node, g) -> {
                        double[] out = node.saved(0).toArray(), gv = g.values();
                        double[] gs = groups.sums(gv);
                        for (int i = 0; i < out.length; i++) {
                            out[i] = gv[i] - Math.exp(out[i]) * gs[groups.groupOf[i]];
                        }
                        return new Tensor[] {Tensor.wrap(out, x.shape, DType.FLOAT64)};
                    });
        }
        return result;
    }

    /** exp(v - max of its group), unrounded. */
    private static double[] expShifted(double[] v, Groups groups) {
        double[] max = groups.maxima(v);
        double[] e = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double m = max[groups.groupOf[i]];
            e[i] = Math.exp(Double.isInfinite(m) ? v[i] - (m > 0 ? m : 0) : v[i] - m);
        }
        return e;
    }

    private static DType floatType(Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw TorchException.runtime("\"softmax_lastdim_kernel_impl\" not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
        return x.dtype();
    }

    /** {@code one_hot(t, num_classes)}: an int64 tensor with one more dim, 1 at each class index (num_classes -1: max + 1). */
    public static Tensor oneHot(Tensor t, int numClasses) {
        if (t.dtype() != DType.INT64) {
            throw TorchException.runtime("one_hot is only applicable to index tensor.");
        }
        double[] v = t.values();
        int classes = numClasses;
        if (classes == -1) {
            classes = 0;
            for (double x : v) {
                classes = Math.max(classes, (int) x + 1);
            }
        }
        int[] shape = java.util.Arrays.copyOf(t.shape, t.dim() + 1);
        shape[t.dim()] = classes;
        double[] out = new double[v.length * classes];
        for (int i = 0; i < v.length; i++) {
            long c = (long) v[i];
            if (c < 0) {
                throw TorchException.runtime("Class values must be non-negative.");
            }
            if (c >= classes) {
                throw TorchException.runtime("Class values must be smaller than num_classes.");
            }
            out[i * classes + (int) c] = 1;
        }
        return Tensor.wrap(out, shape, DType.INT64);
    }

    /**
     * {@code nll_loss(input, target, weight, ignore_index, reduction)}: input (N, C) or (C) of
     * log-probabilities, target (N) or () of class indices; the mean divides by the summed weights
     * of the targets not ignored.
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
        if (target.dtype() != DType.INT64) {
            throw TorchException.runtime("expected scalar type Long but found " + target.dtype().scalarTypeName());
        }
        if (input.dim() < 1 || input.dim() > 2) {
            throw new TorchException("ValueError", "Expected 1 or 2 dimensions (got " + input.dim() + ")");
        }
        boolean batched = input.dim() == 2;
        int n = batched ? input.shape[0] : 1;
        int classes = input.shape[input.dim() - 1];
        if (batched ? target.dim() != 1 || target.shape[0] != n : target.dim() != 0) {
            throw new TorchException("ValueError", "Expected input batch_size (" + n + ") to match target batch_size ("
                    + (target.dim() == 0 ? 1 : target.shape[0]) + ").");
        }
        if (weight != null && (weight.dim() != 1 || weight.shape[0] != classes)) {
            throw TorchException.runtime("weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: " + Shape.torchSize(weight.shape));
        }
        double[] x = input.values(), t = target.values(), w = weight == null ? null : weight.values();
        double[] per = new double[n];
        double[] scale = new double[n];
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            long c = (long) t[i];
            if (c == ignoreIndex) {
                continue;
            }
            if (c < 0 || c >= classes) {
                throw new TorchException("IndexError", "Target " + c + " is out of bounds.");
            }
            scale[i] = w == null ? 1 : w[(int) c];
            per[i] = -scale[i] * x[i * classes + (int) c];
            totalWeight += scale[i];
        }
        DType type = input.dtype();
        Tensor result;
        double divisor;
        switch (reduction) {
            case "none":
                for (int i = 0; i < n; i++) {
                    per[i] = type.round(per[i]);
                }
                result = batched ? Tensor.wrap(per, new int[] {n}, type) : Tensor.scalar(per[0], type);
                divisor = 1;
                break;
            case "sum":
                result = Tensor.scalar(type == DType.FLOAT32 && batched ? floatNllSum(x, t, w, classes, ignoreIndex)[0]
                        : java.util.Arrays.stream(per).sum(), type);
                divisor = 1;
                break;
            case "mean":
                if (type == DType.FLOAT32 && batched) {
                    float[] sums = floatNllSum(x, t, w, classes, ignoreIndex);
                    result = Tensor.scalar(sums[0] / sums[1], type);
                    divisor = sums[1];
                } else {
                    result = Tensor.scalar(java.util.Arrays.stream(per).sum() / totalWeight, type);
                    divisor = totalWeight;
                }
                break;
            default:
                throw new TorchException("ValueError", reduction + " is not a valid value for reduction");
        }
        if (Autograd.needed(input)) {
            int[] shape = input.shape;
            // the target and weight are not inputs of the node: the derivation panel reads them here
            long[] classIndices = new long[n];
            for (int i = 0; i < n; i++) {
                classIndices[i] = (long) t[i];
            }
            Map<String, Object> attributes = w == null
                    ? Map.of("reduction", reduction, "ignore_index", ignoreIndex, "target", classIndices)
                    : Map.of("reduction", reduction, "ignore_index", ignoreIndex, "target", classIndices, "weight", w.clone());
            Autograd.record(result, "NllLossBackward0", new Tensor[] {input}, Autograd.NOTHING, null, attributes, (node, g) -> {
                        double[] gv = g.values();
                        double[] out = new double[x.length];
                        boolean single = type == DType.FLOAT32;
                        for (int i = 0; i < n; i++) {
                            long c = (long) t[i];
                            if (c != ignoreIndex) {
                                double gi = reduction.equals("none") ? gv[i] : gv[0];
                                // float32 as ATen: -(g / total weight), then times the class weight
                                out[i * classes + (int) c] = single
                                        ? (w == null ? 1f : (float) scale[i]) * -((float) gi / (float) divisor)
                                        : -scale[i] * gi / divisor;
                            }
                        }
                        return new Tensor[] {Tensor.wrap(out, shape, single ? DType.FLOAT32 : DType.FLOAT64)};
                    });
        }
        return result;
    }

    /**
     * ATen's float32 nll_loss reduction over a batch: {@code -x[i, t_i] * w} and {@code w} summed
     * in float in a cascade of four levels, level j spilling into j + 1 after element b when the
     * j-th group of bits of b is zero (so element 0 goes straight to the top); then the levels are
     * added up from 0. Returns {total loss, total weight}.
     */
    private static float[] floatNllSum(double[] x, double[] t, double[] w, int classes, long ignoreIndex) {
        final int levels = 4;
        int n = t.length;
        int levelPower = Math.max(4, CascadeSum.ceilLog2(n) / levels);
        int levelMask = (1 << levelPower) - 1;
        float[] loss = new float[levels], weights = new float[levels];
        int ignored = 0;
        for (int b = 0; b < n; b++) {
            long c = (long) t[b];
            if (c == ignoreIndex) {
                ignored++;
                continue;
            }
            float wc = w == null ? 1f : (float) w[(int) c];
            weights[0] += wc;
            loss[0] -= (float) x[b * classes + (int) c] * wc;
            for (int j = 0; j + 1 < levels; j++) {
                if ((b & (levelMask << (j * levelPower))) != 0) {
                    break;
                }
                weights[j + 1] += weights[j];
                loss[j + 1] += loss[j];
                weights[j] = 0;
                loss[j] = 0;
            }
        }
        float total = 0, totalWeight = 0;
        for (int j = 0; j < levels; j++) {
            total += loss[j];
            totalWeight += weights[j];
        }
        return new float[] {total, w == null ? (float) (n - ignored) : totalWeight};
    }

    /**
     * {@code cross_entropy(input, target, weight, ignore_index, reduction)}: class indices as
     * target give {@code nll_loss(log_softmax(input, 1), target)}; a floating target of the input's
     * shape holds class probabilities, as PyTorch 1.13 allows.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
        int classDim = input.dim() == 1 ? 0 : 1;
        if (input.dim() == 0) {
            throw TorchException.runtime("Dimension specified as 0 but tensor has no dimensions");
        }
        Tensor logp = logSoftmax(input, classDim);
        if (target.dtype().isFloatingPoint() && java.util.Arrays.equals(target.shape, input.shape)) {
            return probabilityTarget(logp, target, weight, classDim, reduction);
        }
        return nllLoss(logp, target, weight, ignoreIndex, reduction);
    }

    /** -(target * log p) summed over the classes, reduced as PyTorch's soft-label path (mean: divided by N). */
    private static Tensor probabilityTarget(Tensor logp, Tensor target, Tensor weight, int classDim, String reduction) {
        Tensor product = logp.mul(target);
        if (weight != null) {
            int[] shape = new int[logp.dim()];
            java.util.Arrays.fill(shape, 1);
            shape[classDim] = weight.numel();
            product = product.mul(weight.reshape(shape));
        }
        switch (reduction) {
            case "none": return product.sum(new int[] {classDim}, false).neg();
            case "sum": return product.sum().neg();
            case "mean": {
                int n = logp.numel() / logp.shape[classDim];
                Tensor total = product.sum().neg();
                Tensor result = Tensor.scalar(total.item() / n, total.dtype());
                if (Autograd.needed(total)) {
                    Autograd.record(result, "DivBackward1", new Tensor[] {total}, Autograd.NOTHING, null,
                            Map.of("other", (long) n), (node, g) -> new Tensor[] {g.div(Tensor.wrappedNumber(n, false))});
                }
                return result;
            }
            default: throw new TorchException("ValueError", reduction + " is not a valid value for reduction");
        }
    }
}
