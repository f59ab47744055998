package org.autogradstudio.calculus;

import java.util.stream.IntStream;

/**
 * The elements of a tensor grouped by the dims an op works along (softmax's dim, a variance's
 * dims, a cumulative sum's dim): elements that differ only along those dims form one group, and
 * a reduction gives one output element per group. Groups are numbered in the row-major order of
 * the kept shape (the input's shape with those dims set to 1), which is also the order of the
 * reduced output, with or without keepdim.
 */
final class DimGroups {
    final int[] shape;
    final int[] keptShape;
    /** For each row-major input position, its group. */
    final int[] groupOf;
    final int count;
    /** Elements per group. */
    final int size;
    private final boolean[] reduced;

    /** {@code dims} null or empty: one group of all elements (PyTorch's reductions without dim). */
    DimGroups(int[] shape, int[] dims) {
        this.shape = shape.clone();
        this.reduced = new boolean[shape.length];
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(reduced, true);
        } else {
            for (int d : dims) {
                reduced[d < 0 ? d + shape.length : d] = true;
            }
        }
        keptShape = shape.clone();
        for (int d = 0; d < shape.length; d++) {
            if (reduced[d]) {
                keptShape[d] = 1;
            }
        }
        // broadcasting the kept shape back over the input reads exactly the group of each position
        groupOf = Values.broadcastMap(keptShape, shape);
        count = Values.numel(keptShape);
        size = count == 0 ? 0 : Values.numel(shape) / count;
    }

    /** The reduced output's shape: the kept shape, or without the reduced dims. */
    int[] outShape(boolean keepdim) {
        if (keepdim) {
            return keptShape.clone();
        }
        return IntStream.range(0, shape.length).filter(d -> !reduced[d]).map(d -> shape[d]).toArray();
    }

    /** Per group, the sum of {@code v} over its elements. */
    double[] sums(double[] v) {
        double[] s = new double[count];
        for (int i = 0; i < v.length; i++) {
            s[groupOf[i]] += v[i];
        }
        return s;
    }

    /** Per input position, the group value {@code perGroup} it belongs to. */
    double[] spread(double[] perGroup) {
        double[] out = new double[groupOf.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = perGroup[groupOf[i]];
        }
        return out;
    }

    /** 1 for every group holding a marked position, else 0. */
    double[] anyMarked(Values mask) {
        double[] out = new double[count];
        double[] m = mask.data();
        for (int i = 0; i < m.length; i++) {
            if (m[i] != 0) {
                out[groupOf[i]] = 1;
            }
        }
        return out;
    }

    /** The dims as PyTorch prints them in a call: {@code dim=1} or {@code dim=[0, 1]}. */
    static String label(int[] dims, boolean keepdim) {
        String d = dims == null ? "" : "dim=" + (dims.length == 1 ? Integer.toString(dims[0]) : java.util.Arrays.toString(dims));
        return keepdim && !d.isEmpty() ? d + ", keepdim=True" : d;
    }
}
