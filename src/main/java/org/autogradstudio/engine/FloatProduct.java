package org.autogradstudio.engine;

/**
 * The float32 matrix product of {@link LinearAlgebra}: every output element is the sum of its
 * float products added one by one in order p = 0, 1, ..., each product and each sum rounded to
 * float, as PyTorch 1.13's float matmul does (accumulating in double and rounding once would
 * differ in the last bit). The register tiles below only decide which sums run side by side,
 * never the order within a sum, so every shape gives the same bits.
 * <p>
 * Operands are read through strides ({@code A(i, p) = a[aOff + i * ai + p * ap]}), so the
 * backward's {@code x.T @ g} and {@code g @ w.T} read {@code x} and {@code w} where they lie. Both
 * are first converted to float in reused per-thread panels laid out in the order the tile reads
 * them: a fresh array per product costs more than the conversion (new memory is cold in cache),
 * and a tile that streams both panels keeps 16 sums in registers for 10 loads.
 */
final class FloatProduct {
    /** Rows and columns of the register tile: 16 float sums fit the registers with the operands. */
    private static final int ROWS = 2;
    private static final int COLS = 8;
    /** Panels up to this many floats are kept for the next product; larger ones are made each time. */
    private static final int KEPT_PANEL = 1 << 20;
    private static final ThreadLocal<float[][]> PANELS = ThreadLocal.withInitial(() -> new float[2][0]);

    private FloatProduct() {
    }

    /**
     * C (n x m, row-major) = A (n x k) B (k x m) with A(i, p) = {@code a[aOff + i*ai + p*ap]} and
     * B(p, j) = {@code b[bOff + p*bp + j*bj]}; the values of A and B must be floats.
     */
    static double[] product(double[] a, int aOff, int ai, int ap, double[] b, int bOff, int bp, int bj,
                            int n, int k, int m) {
        double[] out = new double[n * m];
        if (n == 0 || m == 0 || k == 0) {
            return out; // an empty sum is +0, as the kernels' first 0 + product
        }
        int rowBlocks = (n + ROWS - 1) / ROWS;
        float[] pa = panel(0, rowBlocks * ROWS * k);
        float[] pb = panel(1, k * m);
        packRows(a, aOff, ai, ap, n, k, pa);
        int fullBlocks = m / COLS;
        packColumns(b, bOff, bp, bj, k, m, fullBlocks, pb);
        for (int rb = 0; rb < rowBlocks; rb++) {
            int i = rb * ROWS;
            boolean second = i + 1 < n;
            for (int cb = 0; cb < fullBlocks; cb++) {
                tile(pa, rb * ROWS * k, pb, cb * COLS * k, k, out, i * m + cb * COLS, second ? m : -1);
            }
            for (int j = fullBlocks * COLS; j < m; j++) {
                column(pa, rb * ROWS * k, pb, j * k, k, out, i * m + j, second ? m : -1);
            }
        }
        return out;
    }

    /** A reused panel of at least {@code size} floats (contents undefined). */
    private static float[] panel(int which, int size) {
        if (size > KEPT_PANEL) {
            return new float[size];
        }
        float[][] panels = PANELS.get();
        if (panels[which].length < size) {
            panels[which] = new float[Math.max(size, 2 * panels[which].length)];
        }
        return panels[which];
    }

    /** A in blocks of two rows, interleaved along p: {@code pa[(rb*k + p)*2 + r] = A(2rb + r, p)}, a missing row as 0. */
    private static void packRows(double[] a, int aOff, int ai, int ap, int n, int k, float[] pa) {
        for (int i = 0; i < n; i++) {
            int src = aOff + i * ai, dst = (i / ROWS) * ROWS * k + i % ROWS;
            for (int p = 0; p < k; p++) {
                pa[dst + p * ROWS] = (float) a[src + p * ap];
            }
        }
        if (n % ROWS != 0) {
            int dst = (n / ROWS) * ROWS * k + 1;
            for (int p = 0; p < k; p++) {
                pa[dst + p * ROWS] = 0;
            }
        }
    }

    /**
     * B in blocks of eight columns, interleaved along p ({@code pb[(cb*k + p)*8 + c] = B(p, 8cb + c)}),
     * then each remaining column on its own: {@code pb[j*k + p] = B(p, j)}.
     */
    private static void packColumns(double[] b, int bOff, int bp, int bj, int k, int m, int fullBlocks, float[] pb) {
        for (int j = 0; j < m; j++) {
            int src = bOff + j * bj;
            int cb = j / COLS;
            int dst = cb < fullBlocks ? cb * COLS * k + j % COLS : j * k;
            int step = cb < fullBlocks ? COLS : 1;
            for (int p = 0; p < k; p++) {
                pb[dst + p * step] = (float) b[src + p * bp];
            }
        }
    }

    /**
     * One 2 x 8 block of C into {@code out[o ...]} and, when {@code next >= 0}, its second row into
     * {@code out[o + next ...]}.
     */
    private static void tile(float[] pa, int qa, float[] pb, int qb, int k, double[] out, int o, int next) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0, c05 = 0, c06 = 0, c07 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0;
        for (int p = 0; p < k; p++) {
            int x = qa + p * ROWS, y = qb + p * COLS;
            float x0 = pa[x], x1 = pa[x + 1];
            float y0 = pb[y], y1 = pb[y + 1], y2 = pb[y + 2], y3 = pb[y + 3];
            float y4 = pb[y + 4], y5 = pb[y + 5], y6 = pb[y + 6], y7 = pb[y + 7];
            c00 += x0 * y0;
            c01 += x0 * y1;
            c02 += x0 * y2;
            c03 += x0 * y3;
            c04 += x0 * y4;
            c05 += x0 * y5;
            c06 += x0 * y6;
            c07 += x0 * y7;
            c10 += x1 * y0;
            c11 += x1 * y1;
            c12 += x1 * y2;
            c13 += x1 * y3;
            c14 += x1 * y4;
            c15 += x1 * y5;
            c16 += x1 * y6;
            c17 += x1 * y7;
        }
        out[o] = c00;
        out[o + 1] = c01;
        out[o + 2] = c02;
        out[o + 3] = c03;
        out[o + 4] = c04;
        out[o + 5] = c05;
        out[o + 6] = c06;
        out[o + 7] = c07;
        if (next >= 0) {
            o += next;
            out[o] = c10;
            out[o + 1] = c11;
            out[o + 2] = c12;
            out[o + 3] = c13;
            out[o + 4] = c14;
            out[o + 5] = c15;
            out[o + 6] = c16;
            out[o + 7] = c17;
        }
    }

    /** One 2 x 1 block: a column outside the blocks of eight. */
    private static void column(float[] pa, int qa, float[] pb, int qb, int k, double[] out, int o, int next) {
        float c0 = 0, c1 = 0;
        for (int p = 0; p < k; p++) {
            float y = pb[qb + p];
            c0 += pa[qa + p * ROWS] * y;
            c1 += pa[qa + p * ROWS + 1] * y;
        }
        out[o] = c0;
        if (next >= 0) {
            out[o + next] = c1;
        }
    }
}
