package org.autogradstudio.engine;

import java.util.Arrays;

/** Static helpers on shapes ({@code int[]} sizes) and row-major strides. */
public final class Shape {
    public static final int[] SCALAR = new int[0];

    private Shape() {
    }

    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE) {
            throw new TorchException("RuntimeError", "tensor of " + n + " elements is too large");
        }
        return (int) n;
    }

    public static int[] contiguousStrides(int[] shape) {
        if (shape.length == 0) {
            // 0-d tensors are the common case in scalar lessons: share the (immutable) empty array.
            return SCALAR;
        }
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** PyTorch's broadcasting rule; throws PyTorch's message when the sizes do not match. */
    public static int[] broadcast(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a;
        }
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        // from the last dimension, as PyTorch's infer_size: the first mismatch reported is the rightmost
        for (int i = n - 1; i >= 0; i--) {
            int ai = i - (n - a.length), bi = i - (n - b.length);
            int sa = ai >= 0 ? a[ai] : 1, sb = bi >= 0 ? b[bi] : 1;
            if (sa != sb && sa != 1 && sb != 1) {
                throw new TorchException("RuntimeError", "The size of tensor a (" + sa
                        + ") must match the size of tensor b (" + sb + ") at non-singleton dimension " + i);
            }
            out[i] = sa == 1 ? sb : sa;
        }
        return out;
    }

    /** Strides for reading a tensor of {@code shape}/{@code strides} as if it had {@code target} shape. */
    public static int[] broadcastStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int off = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            out[i + off] = shape[i] == 1 && target[i + off] != 1 ? 0 : strides[i];
        }
        return out;
    }

    /** Python-style tuple text for messages: {@code [2, 3]}. */
    public static String toString(int[] shape) {
        return Arrays.toString(shape);
    }

    /** {@code torch.Size([2, 3])}. */
    public static String torchSize(int[] shape) {
        return "torch.Size(" + Arrays.toString(shape) + ")";
    }

    /** Normalises a possibly negative dimension index, with PyTorch's IndexError text. */
    public static int wrapDim(int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new TorchException("IndexError", "Dimension out of range (expected to be in range of ["
                    + (-r) + ", " + (r - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + r : dim;
    }
}
