package org.autogradstudio.ui.graph;

import java.util.Arrays;
import org.autogradstudio.engine.Tensor;

/**
 * A copy of a tensor's numbers taken on the script thread, so the UI never reads a tensor the
 * next cell may be changing in place. {@code repr} is PyTorch's printed form at that moment.
 */
public record TensorSnapshot(int[] shape, double[] values, String dtype, String repr) {
    /** Tensors larger than this keep only their first values (the heatmap shows those). */
    public static final int MAX_VALUES = 65_536;

    public static TensorSnapshot of(Tensor t) {
        if (t == null) {
            return null;
        }
        double[] all = t.numel() <= MAX_VALUES ? t.toArray() : Arrays.copyOf(t.toArray(), MAX_VALUES);
        String repr;
        try {
            repr = t.toString();
        } catch (RuntimeException | Error e) {
            repr = "tensor(" + Arrays.toString(Arrays.copyOf(all, Math.min(all.length, 8))) + ")";
        }
        return new TensorSnapshot(t.shape().clone(), all, t.dtype().torchName(), repr);
    }

    /** The numbers only, without PyTorch's printed form (cheap: the recorder copies every gradient of every pass). */
    public static TensorSnapshot valuesOf(Tensor t) {
        if (t == null) {
            return null;
        }
        double[] all = t.numel() <= MAX_VALUES ? t.toArray() : Arrays.copyOf(t.toArray(), MAX_VALUES);
        return new TensorSnapshot(t.shape().clone(), all, t.dtype().torchName(), null);
    }

    public static TensorSnapshot scalar(double v) {
        return new TensorSnapshot(new int[0], new double[] {v}, "float32", NumberText.format(v));
    }

    public int numel() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public boolean isSingle() {
        return values.length == 1;
    }

    public int rows() {
        return shape.length < 2 ? 1 : numel() / shape[shape.length - 1];
    }

    public int cols() {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    /** {@code [2, 3]} as PyTorch prints {@code torch.Size}, without the prefix; {@code []} for a scalar. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** Short text for labels: the number for one element, else the shape as {@code 2×3}. */
    public String shortText() {
        if (values.length == 1 && numel() == 1) {
            return NumberText.format(values[0]);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? "\u00d7" : "").append(shape[i]);
        }
        return "[" + sb + "]";
    }

    /** Elementwise {@code a / b} when both have the same number of elements and b has no zero. */
    public static TensorSnapshot quotient(TensorSnapshot a, TensorSnapshot b) {
        if (a == null || b == null) {
            return null;
        }
        if (b.values.length == 1 && b.values[0] != 0 && a.values.length >= 1) {
            double[] v = new double[a.values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = a.values[i] / b.values[0];
            }
            return new TensorSnapshot(a.shape, v, a.dtype, null);
        }
        if (a.values.length != b.values.length || !Arrays.equals(a.shape, b.shape)) {
            return null;
        }
        double[] v = new double[a.values.length];
        for (int i = 0; i < v.length; i++) {
            if (b.values[i] == 0) {
                return null;
            }
            v[i] = a.values[i] / b.values[i];
        }
        return new TensorSnapshot(a.shape, v, a.dtype, null);
    }

    /** Elementwise sum of two snapshots of one shape (running sums where paths meet). */
    public static TensorSnapshot sum(TensorSnapshot a, TensorSnapshot b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.values.length != b.values.length) {
            return b.values.length > a.values.length ? b : a;
        }
        double[] v = new double[a.values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.values[i] + b.values[i];
        }
        return new TensorSnapshot(a.shape, v, a.dtype, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSnapshot s && Arrays.equals(shape, s.shape) && Arrays.equals(values, s.values)
                && dtype.equals(s.dtype);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return repr != null ? repr : shortText();
    }
}
