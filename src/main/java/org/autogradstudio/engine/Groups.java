package org.autogradstudio.engine;

/**
 * The elements of a tensor grouped by the dimensions a reduction keeps: two elements are in one
 * group when they differ only along the reduced dimensions. A reduction along {@code dim}
 * ({@code norm}, {@code var}, {@code softmax} ...) is then a loop over the elements adding into
 * their group, whatever the rank and whichever dimensions are reduced.
 */
final class Groups {
    /** For each element (row-major), the row-major index of its group in {@link #keptShape}. */
    final int[] groupOf;
    /** The input's shape with every reduced dimension set to 1 (the keepdim=True result shape). */
    final int[] keptShape;
    /** The result shape: {@link #keptShape} without the reduced dimensions unless keepdim. */
    final int[] resultShape;
    final int count;
    /** Elements per group. */
    final int size;

    private Groups(int[] groupOf, int[] keptShape, int[] resultShape, int count, int size) {
        this.groupOf = groupOf;
        this.keptShape = keptShape;
        this.resultShape = resultShape;
        this.count = count;
        this.size = size;
    }

    /** Groups over {@code dims} (null: every dimension), each wrapped as PyTorch wraps a dim. */
    static Groups of(int[] shape, int[] dims, boolean keepdim) {
        int rank = shape.length;
        boolean[] reduced = new boolean[rank];
        if (dims == null) {
            java.util.Arrays.fill(reduced, true);
        } else {
            for (int d : dims) {
                int w = Shape.wrapDim(d, Math.max(rank, 1));
                if (rank > 0) {
                    if (reduced[w]) {
                        throw TorchException.runtime("dim " + w + " appears multiple times in the list of dims");
                    }
                    reduced[w] = true;
                }
            }
        }
        int[] kept = shape.clone();
        int size = 1;
        int kr = 0;
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                size *= kept[d];
                kept[d] = 1;
            } else {
                kr++;
            }
        }
        int[] result = kept;
        if (!keepdim) {
            result = new int[kr];
            for (int d = 0, j = 0; d < rank; d++) {
                if (!reduced[d]) {
                    result[j++] = shape[d];
                }
            }
        }
        int n = Shape.numel(shape);
        int[] groupOf = new int[n];
        int[] keptStrides = Shape.contiguousStrides(kept);
        int[] index = new int[rank];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            groupOf[i] = pos;
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                if (!reduced[d]) {
                    pos += keptStrides[d];
                }
                if (index[d] < shape[d]) {
                    break;
                }
                if (!reduced[d]) {
                    pos -= keptStrides[d] * shape[d];
                }
                index[d] = 0;
            }
        }
        return new Groups(groupOf, kept, result, Shape.numel(kept), size);
    }

    /** The sum of each group's values. */
    double[] sums(double[] values) {
        double[] out = new double[count];
        for (int i = 0; i < values.length; i++) {
            out[groupOf[i]] += values[i];
        }
        return out;
    }

    /** Each group's maximum (NaN if it holds one, as PyTorch's max). */
    double[] maxima(double[] values) {
        double[] out = new double[count];
        java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < values.length; i++) {
            int g = groupOf[i];
            double v = values[i];
            if (v > out[g] || Double.isNaN(v)) {
                out[g] = v;
            }
        }
        return out;
    }

    /** A per-group value (row-major over {@link #keptShape}) spread back to every element. */
    double[] spread(double[] perGroup) {
        double[] out = new double[groupOf.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = perGroup[groupOf[i]];
        }
        return out;
    }
}
