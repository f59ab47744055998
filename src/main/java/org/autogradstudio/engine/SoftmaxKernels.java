package org.autogradstudio.engine;

/**
 * float32 softmax and log_softmax along the last dim, forward and backward, as ATen's vectorized
 * CPU kernels compute them row by row, so the last bits are PyTorch's: the row's maximum and sums
 * are reduced in vectors of {@link Float32Math#LANES} (lanes added across the row, then the lanes
 * of the one vector folded in halves), exp and log are SLEEF's ({@link Float32Math}), and every
 * step is a float operation. Worked in double and rounded once, as the general path does, about
 * half the probabilities differ from PyTorch's in the last bit.
 */
final class SoftmaxKernels {
    private static final int LANES = Float32Math.LANES;

    private SoftmaxKernels() {
    }

    /** {@code softmax} of each row of {@code cols} elements: exp(x - max), times 1 / their sum. */
    static double[] softmax(double[] x, int rows, int cols) {
        double[] out = new double[x.length];
        float[] e = new float[cols];
        for (int r = 0, at = 0; r < rows; r++, at += cols) {
            expShifted(x, at, cols, e);
            float inv = 1f / reduceSum(e, cols);
            for (int j = 0; j < cols; j++) {
                out[at + j] = e[j] * inv;
            }
        }
        return out;
    }

    /** {@code log_softmax} of each row: x - max - log(sum of exp(x - max)), subtracted in that order. */
    static double[] logSoftmax(double[] x, int rows, int cols) {
        double[] out = new double[x.length];
        float[] e = new float[cols];
        for (int r = 0, at = 0; r < rows; r++, at += cols) {
            float max = expShifted(x, at, cols, e);
            float logSum = Float32Math.log(reduceSum(e, cols));
            for (int j = 0; j < cols; j++) {
                out[at + j] = ((float) x[at + j] - max) - logSum;
            }
        }
        return out;
    }

    /** {@code e[j] = exp(x[at + j] - max)} over a row; returns the row's max. */
    private static float expShifted(double[] x, int at, int cols, float[] e) {
        float max = reduceMax(x, at, cols);
        for (int j = 0; j < cols; j++) {
            e[j] = Float32Math.exp((float) x[at + j] - max);
        }
        return max;
    }

    /**
     * softmax's backward: {@code (g - sum(g * y)) * y} per row. The compiler fuses the kernel's
     * {@code acc + g * y} into one multiply-add past the first vector (a row of at most 8 has its
     * products rounded, then added lane by lane).
     */
    static double[] softmaxBackward(double[] g, double[] y, int rows, int cols) {
        double[] out = new double[g.length];
        for (int r = 0, at = 0; r < rows; r++, at += cols) {
            float sum = dotSum(g, y, at, cols);
            for (int j = 0; j < cols; j++) {
                out[at + j] = ((float) g[at + j] - sum) * (float) y[at + j];
            }
        }
        return out;
    }

    /** log_softmax's backward: {@code g - exp(y) * sum(g)} per row, the product and difference fused (as compiled). */
    static double[] logSoftmaxBackward(double[] g, double[] y, int rows, int cols) {
        double[] out = new double[g.length];
        float[] row = new float[cols];
        for (int r = 0, at = 0; r < rows; r++, at += cols) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) g[at + j];
            }
            float sum = reduceSum(row, cols);
            for (int j = 0; j < cols; j++) {
                out[at + j] = Math.fma(-Float32Math.exp((float) y[at + j]), sum, (float) g[at + j]);
            }
        }
        return out;
    }

    // ---- vec::reduce_all ------------------------------------------------------------------------

    /** {@code vec::map2_reduce_all(x * y, +)} over a row, as compiled (see {@link #softmaxBackward}). */
    private static float dotSum(double[] g, double[] y, int at, int n) {
        if (n < LANES) {
            float acc = (float) g[at] * (float) y[at];
            for (int i = 1; i < n; i++) {
                acc = acc + (float) g[at + i] * (float) y[at + i];
            }
            return acc;
        }
        float[] acc = new float[LANES];
        for (int k = 0; k < LANES; k++) {
            acc[k] = (float) g[at + k] * (float) y[at + k];
        }
        int d = LANES;
        for (; d < n - n % LANES; d += LANES) {
            for (int k = 0; k < LANES; k++) {
                acc[k] = Math.fma((float) g[at + d + k], (float) y[at + d + k], acc[k]);
            }
        }
        for (int k = 0; d + k < n; k++) {
            acc[k] = Math.fma((float) g[at + d + k], (float) y[at + d + k], acc[k]);
        }
        return fold(acc, false);
    }

    private static float reduceMax(double[] x, int at, int n) {
        float[] row = new float[n];
        for (int j = 0; j < n; j++) {
            row[j] = (float) x[at + j];
        }
        return reduce(row, n, true);
    }

    private static float reduceSum(float[] v, int n) {
        return reduce(v, n, false);
    }

    /**
     * ATen's {@code vec::reduce_all}: fewer than 8 elements are folded one by one; otherwise the
     * first vector takes each following full vector lane by lane, the lanes a last partial vector
     * covers take it too, and the vector's 8 lanes are then folded in halves (4 + 4, 2 + 2, 1 + 1).
     */
    private static float reduce(float[] v, int n, boolean max) {
        if (n < LANES) {
            float acc = v[0];
            for (int i = 1; i < n; i++) {
                acc = op(acc, v[i], max);
            }
            return acc;
        }
        float[] acc = new float[LANES];
        System.arraycopy(v, 0, acc, 0, LANES);
        int d = LANES;
        for (; d < n - n % LANES; d += LANES) {
            for (int k = 0; k < LANES; k++) {
                acc[k] = op(acc[k], v[d + k], max);
            }
        }
        for (int k = 0; d + k < n; k++) {
            acc[k] = op(acc[k], v[d + k], max);
        }
        return fold(acc, max);
    }

    /** The lanes of one vector folded in halves: 4 + 4, then 2 + 2, then 1 + 1 (AVX2's shuffles). */
    private static float fold(float[] acc, boolean max) {
        for (int width = LANES / 2; width >= 1; width /= 2) {
            for (int k = 0; k < width; k++) {
                acc[k] = op(acc[k], acc[k + width], max);
            }
        }
        return acc[0];
    }

    private static float op(float a, float b, boolean max) {
        return max ? (a > b || a != a ? a : b) : a + b;
    }
}
