package org.autogradstudio.calculus;

import java.util.Arrays;
import org.autogradstudio.engine.Tensor;

/**
 * An n-dimensional array of doubles in row-major order: the numbers of a tensor, as the calculus
 * package computes with them (forward replay, vector-Jacobian products) independently of the engine.
 */
public record Values(int[] shape, double[] data) {
    public Values {
        shape = shape.clone();
        if (data.length != numel(shape)) {
            throw new IllegalArgumentException("data length " + data.length + " does not match shape " + Arrays.toString(shape));
        }
    }

    public static Values of(Tensor t) {
        return new Values(t.shape(), t.toArray());
    }

    public static Values scalar(double v) {
        return new Values(new int[0], new double[] {v});
    }

    public static Values zeros(int[] shape) {
        return new Values(shape, new double[numel(shape)]);
    }

    public static Values full(int[] shape, double v) {
        double[] d = new double[numel(shape)];
        Arrays.fill(d, v);
        return new Values(shape, d);
    }

    public int numel() {
        return data.length;
    }

    public int rank() {
        return shape.length;
    }

    public double get(int flat) {
        return data[flat];
    }

    public static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    public static int[] strides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return st;
    }

    /** Broadcasting as PyTorch does it (dimensions aligned at the right). */
    public static int[] broadcastShape(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int ai = i - (n - a.length), bi = i - (n - b.length);
            int sa = ai >= 0 ? a[ai] : 1, sb = bi >= 0 ? b[bi] : 1;
            if (sa != sb && sa != 1 && sb != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
            }
            out[i] = sa == 1 ? sb : sa;
        }
        return out;
    }

    /** For each position of {@code target}, the position of {@code source} that broadcasting reads. */
    public static int[] broadcastMap(int[] source, int[] target) {
        int n = numel(target);
        int[] map = new int[n];
        int[] srcStrides = strides(source);
        int off = target.length - source.length;
        int[] index = new int[target.length];
        for (int k = 0; k < n; k++) {
            int pos = 0;
            for (int d = 0; d < source.length; d++) {
                if (source[d] != 1) {
                    pos += index[d + off] * srcStrides[d];
                }
            }
            map[k] = pos;
            for (int d = target.length - 1; d >= 0; d--) {
                if (++index[d] < target[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return map;
    }

    /** These values read as if broadcast to {@code target}. */
    public Values broadcastTo(int[] target) {
        if (Arrays.equals(shape, target)) {
            return this;
        }
        int[] map = broadcastMap(shape, target);
        double[] out = new double[map.length];
        for (int k = 0; k < map.length; k++) {
            out[k] = data[map[k]];
        }
        return new Values(target, out);
    }

    /** The adjoint of broadcasting: sums over the broadcast dimensions back to {@code target}. */
    public Values sumTo(int[] target) {
        if (Arrays.equals(shape, target)) {
            return this;
        }
        int[] map = broadcastMap(target, shape);
        double[] out = new double[numel(target)];
        for (int k = 0; k < map.length; k++) {
            out[map[k]] += data[k];
        }
        return new Values(target, out);
    }

    public Values reshape(int[] newShape) {
        return new Values(newShape, data);
    }

    public Values map(java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new Values(shape, out);
    }

    /** Elementwise {@code f(a, b)} with broadcasting. */
    public static Values zip(Values a, Values b, java.util.function.DoubleBinaryOperator f) {
        int[] shape = broadcastShape(a.shape, b.shape);
        double[] x = a.broadcastTo(shape).data, y = b.broadcastTo(shape).data;
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(x[i], y[i]);
        }
        return new Values(shape, out);
    }

    public Values times(Values o) {
        return zip(this, o, (x, y) -> x * y);
    }

    public Values plus(Values o) {
        return zip(this, o, Double::sum);
    }

    public double sum() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /** The (n x m) matrix product of row-major arrays. */
    static double[] matmul(double[] a, double[] b, int n, int k, int m) {
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double x = a[i * k + p];
                for (int j = 0; j < m; j++) {
                    out[i * m + j] += x * b[p * m + j];
                }
            }
        }
        return out;
    }

    static double[] transpose(double[] a, int rows, int cols) {
        double[] out = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = a[i * cols + j];
            }
        }
        return out;
    }

    /** The multi-index of a row-major position, e.g. (1, 2). */
    public static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % Math.max(shape[d], 1);
            flat /= Math.max(shape[d], 1);
        }
        return idx;
    }

    public static int ravel(int[] index, int[] shape) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " does not fit shape " + Arrays.toString(shape));
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is out of bounds for shape " + Arrays.toString(shape));
            }
            flat = flat * shape[d] + index[d];
        }
        return flat;
    }

    /** The positions holding a non-zero value (a dependency mask's members). */
    public int[] nonZeroPositions() {
        return java.util.stream.IntStream.range(0, data.length).filter(i -> data[i] != 0).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Values v && Arrays.equals(shape, v.shape) && Arrays.equals(data, v.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Values" + Arrays.toString(shape) + Arrays.toString(data);
    }
}
