package org.autogradstudio.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * Orderings along a dim: {@code sort}, {@code argsort}, {@code topk} and {@code median}, as
 * PyTorch has them (a stable sort, so equal values keep their order; the lower median). The
 * values are picks of input elements, so their gradient goes back to the positions picked.
 * Known difference: among equal values PyTorch's {@code topk} returns them in the order its
 * selection algorithm leaves them; here they keep the order {@code sort} gives.
 */
public final class Sorting {
    private Sorting() {
    }

    /** Values and their int64 indices along the dim. */
    public record Sorted(Tensor values, Tensor indices) {
    }

    /**
     * Each line along {@code dim} ordered (descending or not) and cut to its first {@code k}
     * elements: positions in the input and their indices along the dim.
     */
    private static int[][] order(Tensor x, int dim, boolean descending, int k) {
        int rank = x.dim();
        int d = rank == 0 ? 0 : Shape.wrapDim(dim, rank);
        int[] shape = rank == 0 ? new int[] {1} : x.shape;
        int[] strides = Shape.contiguousStrides(shape);
        int size = shape[d], stride = strides[d];
        int lines = Shape.numel(shape) / Math.max(1, size);
        double[] v = x.values();
        int[] outShape = shape.clone();
        outShape[d] = k;
        int[] outStrides = Shape.contiguousStrides(outShape);
        int[] positions = new int[lines * k];
        int[] along = new int[lines * k];
        Integer[] idx = new Integer[size];
        int line = 0;
        for (int start = 0; start < v.length && line < lines; start++) {
            if ((start / stride) % size != 0) {
                continue; // not the first element of a line along d
            }
            for (int i = 0; i < size; i++) {
                idx[i] = i;
            }
            int base = start;
            // NaN sorts as the largest value, as in PyTorch
            Comparator<Integer> byValue = (p, q) -> Double.compare(v[base + p * stride], v[base + q * stride]);
            Arrays.sort(idx, descending ? byValue.reversed() : byValue);
            int outBase = (start / (stride * size)) * outStrides[d] * k + start % stride;
            for (int j = 0; j < k; j++) {
                int out = outBase + j * outStrides[d];
                positions[out] = base + idx[j] * stride;
                along[out] = idx[j];
            }
            line++;
        }
        return new int[][] {positions, along, outShape};
    }

    /** {@code arguments}: the call's dim, order and k, recorded so the what-if replay can sort the moved values again. */
    private static Sorted picked(Tensor x, int[][] order, String name, boolean scalarShape, Map<String, Object> arguments) {
        int[] shape = scalarShape ? Shape.SCALAR : order[2];
        double[] indices = new double[order[1].length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = order[1][i];
        }
        Tensor values = Selections.pick(x, order[0], shape, name, arguments);
        return new Sorted(values, Tensor.wrap(indices, shape.clone(), DType.INT64));
    }

    public static Sorted sort(Tensor x, int dim, boolean descending) {
        return picked(x, order(x, dim, descending, x.dim() == 0 ? 1 : x.size(dim)), "SortBackward0", x.dim() == 0,
                Map.of("dim", (long) dim, "descending", descending));
    }

    public static Tensor argsort(Tensor x, int dim, boolean descending) {
        return sort(x, dim, descending).indices();
    }

    public static Sorted topk(Tensor x, int k, int dim, boolean largest) {
        int size = x.dim() == 0 ? 1 : x.size(dim);
        if (k < 0 || k > size) {
            throw TorchException.runtime("selected index k out of range");
        }
        return picked(x, order(x, dim, largest, k), "TopkBackward0", x.dim() == 0,
                Map.of("k", (long) k, "dim", (long) dim, "largest", largest));
    }

    /**
     * {@code median()} of all elements: the lower median, its gradient shared evenly by every
     * element equal to it (MedianBackward0, as PyTorch's evenly_distribute_backward).
     */
    public static Tensor median(Tensor x) {
        double[] v = x.values();
        if (v.length == 0) {
            throw TorchException.runtime("median() input tensor cannot be empty");
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double m = sorted[(v.length - 1) / 2];
        Tensor result = Tensor.scalar(m, x.dtype());
        if (Autograd.needed(x)) {
            int[] shape = x.shape;
            Autograd.record(result, "MedianBackward0", new Tensor[] {x}, Autograd.NOTHING, (node, g) -> {
                int ties = 0;
                for (double e : v) {
                    ties += e == m ? 1 : 0;
                }
                double[] grad = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    grad[i] = v[i] == m ? g.scalarValue() / ties : 0;
                }
                return new Tensor[] {Tensor.wrap(grad, shape, DType.FLOAT64)};
            });
        }
        return result;
    }

    /** {@code median(dim, keepdim)}: the lower median of each line and where it is (MedianBackward1). */
    public static Sorted median(Tensor x, int dim, boolean keepdim) {
        int size = x.dim() == 0 ? 1 : x.size(dim);
        int[][] order = order(x, dim, false, size);
        int[] shape = order[2];
        int d = x.dim() == 0 ? 0 : Shape.wrapDim(dim, x.dim());
        int[] strides = Shape.contiguousStrides(shape);
        int lines = Shape.numel(shape) / Math.max(1, size);
        int[] positions = new int[lines];
        double[] indices = new double[lines];
        int[] resultShape = shape.clone();
        resultShape[d] = 1;
        int[] resultStrides = Shape.contiguousStrides(resultShape);
        int mid = (size - 1) / 2;
        for (int r = 0; r < lines; r++) {
            // line r (row-major over resultShape), at the median's rank along d in the sorted lines
            int[] c = new int[shape.length];
            for (int k = 0; k < shape.length; k++) {
                c[k] = r / resultStrides[k] % resultShape[k];
            }
            c[d] = mid;
            int at = 0;
            for (int k = 0; k < shape.length; k++) {
                at += c[k] * strides[k];
            }
            positions[r] = order[0][at];
            indices[r] = order[1][at];
        }
        int[] outShape = x.dim() == 0 ? Shape.SCALAR : keepdim ? resultShape : dropDim(resultShape, d);
        Tensor values = Selections.pick(x, positions, outShape, "MedianBackward1", Map.of("dim", (long) dim, "keepdim", keepdim));
        return new Sorted(values, Tensor.wrap(indices, outShape.clone(), DType.INT64));
    }

    private static int[] dropDim(int[] shape, int d) {
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != d) {
                out[j++] = shape[i];
            }
        }
        return out;
    }
}
