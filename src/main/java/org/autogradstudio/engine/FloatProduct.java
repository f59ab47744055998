package org.autogradstudio.engine;

/**
 * The float32 matrix product of {@link LinearAlgebra}: every output element is the sum of its
 * float products added one by one in order p = 0, 1, ..., each product and each sum rounded to
 * float, as PyTorch 1.13's float matmul does (accumulating in double and rounding once would
 * differ in the last bit). The register tiles below only decide which sums run side by side,
 * never the order within a sum, so every shape gives the same bits.
 * <p>
 * Operands are read through strides ({@code A(i, p) = a[aOff + i * ai + p * ap]}), so no
 * transposed copy is made for the backward's {@code g @ w.T} and {@code x.T @ g}. B, which every
 * pair of rows reads again, is first converted to float in a reused per-thread panel laid out in
 * the order the tile reads it (a fresh array per product would cost more than the conversion: new
 * memory is cold in cache); A is read and converted in the tile, straight from the tensor when its
 * rows are contiguous, else (x of {@code x.T @ g}) from a reused copy of its rows. A 2 x 8 tile
 * keeps 16 sums in registers for 10 loads.
 */
final class FloatProduct {
    /** Rows and columns of the register tile: 16 float sums fit the registers with the operands. */
    private static final int ROWS = 2;
    private static final int COLS = 8;
    /** Scratch arrays up to this many elements are kept for the next product; larger ones are made each time. */
    private static final int KEPT_PANEL = 1 << 20;
    // plain ThreadLocals (null until first use): no lambda to link on a script's first product
    private static final ThreadLocal<float[]> PANEL = new ThreadLocal<>();
    private static final ThreadLocal<double[]> ROWS_SCRATCH = new ThreadLocal<>();

    private FloatProduct() {
    }

    /**
     * C (n x m, row-major) = A (n x k) B (k x m) with A(i, p) = {@code a[aOff + i*ai + p*ap]} and
     * B(p, j) = {@code b[bOff + p*bp + j*bj]}; the values of A and B must be floats.
     */
    static double[] product(double[] a, int aOff, int ai, int ap, double[] b, int bOff, int bp, int bj,
                            int n, int k, int m) {
        double[] out = new double[n * m];
        productInto(a, aOff, ai, ap, b, bOff, bp, bj, n, k, m, out);
        return out;
    }

    /**
     * {@code out += A B}: each element's sum starts from the float already in {@code out} (zero for
     * a plain product; the bias of addmm, as BLAS's {@code C := A B + C} accumulates into C) and
     * adds its products in order.
     */
    static void productInto(double[] a, int aOff, int ai, int ap, double[] b, int bOff, int bp, int bj,
                            int n, int k, int m, double[] out) {
        if (n == 0 || m == 0 || k == 0) {
            return; // an empty sum is the start value (+0 for a plain product)
        }
        if (ap != 1 && k > 1) {
            // A read down its columns (x.T of x.T @ g): copied once into rows, which the tile
            // streams; reading it in place would jump a row of x for every product
            double[] rows = rowScratch(n * k);
            copyRows(a, aOff, ai, ap, n, k, rows);
            a = rows;
            aOff = 0;
            ai = k;
            ap = 1;
        }
        float[] pb = panel(k * m);
        int fullBlocks = m / COLS;
        packColumns(b, bOff, bp, bj, k, m, fullBlocks, pb);
        for (int i = 0; i < n; i += ROWS) {
            // a last single row is read twice and stored once
            int next = i + 1 < n ? ai : 0;
            int o = i * m, o2 = i + 1 < n ? m : -1;
            int ia = aOff + i * ai;
            for (int cb = 0; cb < fullBlocks; cb++) {
                tile(a, ia, ia + next, pb, cb * COLS * k, k, out, o + cb * COLS, o2);
            }
            for (int j = fullBlocks * COLS; j < m; j++) {
                column(a, ia, ia + next, pb, j * k, k, out, o + j, o2);
            }
        }
    }

    /** A reused array of at least {@code size} doubles for A's rows (contents undefined). */
    private static double[] rowScratch(int size) {
        if (size > KEPT_PANEL) {
            return new double[size];
        }
        double[] rows = ROWS_SCRATCH.get();
        if (rows == null || rows.length < size) {
            rows = new double[Math.max(size, rows == null ? 0 : 2 * rows.length)];
            ROWS_SCRATCH.set(rows);
        }
        return rows;
    }

    /** {@code rows[i*k + p] = A(i, p)}, reading A along whichever of its dimensions lies closer together. */
    private static void copyRows(double[] a, int aOff, int ai, int ap, int n, int k, double[] rows) {
        if (Math.abs(ai) <= Math.abs(ap)) {
            for (int p = 0; p < k; p++) {
                for (int i = 0, src = aOff + p * ap; i < n; i++, src += ai) {
                    rows[i * k + p] = a[src];
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                for (int p = 0, src = aOff + i * ai; p < k; p++, src += ap) {
                    rows[i * k + p] = a[src];
                }
            }
        }
    }

    /** A reused panel of at least {@code size} floats (contents undefined). */
    private static float[] panel(int size) {
        if (size > KEPT_PANEL) {
            return new float[size];
        }
        float[] panel = PANEL.get();
        if (panel == null || panel.length < size) {
            panel = new float[Math.max(size, panel == null ? 0 : 2 * panel.length)];
            PANEL.set(panel);
        }
        return panel;
    }

    /**
     * B in blocks of eight columns, interleaved along p ({@code pb[(cb*k + p)*8 + c] = B(p, 8cb + c)}),
     * then each remaining column on its own: {@code pb[j*k + p] = B(p, j)}.
     */
    private static void packColumns(double[] b, int bOff, int bp, int bj, int k, int m, int fullBlocks, float[] pb) {
        int blocked = fullBlocks * COLS;
        if (Math.abs(bj) < Math.abs(bp)) {
            // B's rows lie together (g of x.T @ g): read them in order
            for (int p = 0; p < k; p++) {
                int src = bOff + p * bp;
                for (int j = 0; j < blocked; j++) {
                    pb[(j / COLS) * COLS * k + p * COLS + j % COLS] = (float) b[src + j * bj];
                }
                for (int j = blocked; j < m; j++) {
                    pb[j * k + p] = (float) b[src + j * bj];
                }
            }
            return;
        }
        for (int j = 0; j < m; j++) {
            int src = bOff + j * bj;
            int dst = j < blocked ? (j / COLS) * COLS * k + j % COLS : j * k;
            int step = j < blocked ? COLS : 1;
            for (int p = 0; p < k; p++) {
                pb[dst + p * step] = (float) b[src + p * bp];
            }
        }
    }

    /**
     * One 2 x 8 block of C from the rows of A at {@code a[r0 ...]} and {@code a[r1 ...]} (read and
     * converted here: each is used by one block of every eight columns only), into {@code out[o ...]}
     * and, when {@code next >= 0}, the second row into {@code out[o + next ...]}.
     */
    private static void tile(double[] a, int r0, int r1, float[] pb, int qb, int k, double[] out, int o, int next) {
        float c00 = (float) out[o], c01 = (float) out[o + 1], c02 = (float) out[o + 2], c03 = (float) out[o + 3];
        float c04 = (float) out[o + 4], c05 = (float) out[o + 5], c06 = (float) out[o + 6], c07 = (float) out[o + 7];
        // a last single row (next < 0) computes a second row it does not store
        int o1 = next >= 0 ? o + next : o;
        float c10 = (float) out[o1], c11 = (float) out[o1 + 1], c12 = (float) out[o1 + 2], c13 = (float) out[o1 + 3];
        float c14 = (float) out[o1 + 4], c15 = (float) out[o1 + 5], c16 = (float) out[o1 + 6], c17 = (float) out[o1 + 7];
        for (int p = 0; p < k; p++) {
            int y = qb + p * COLS;
            float x0 = (float) a[r0 + p], x1 = (float) a[r1 + p];
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

    /** One 2 x 1 block (see {@link #tile}): a column outside the blocks of eight. */
    private static void column(double[] a, int r0, int r1, float[] pb, int qb, int k, double[] out, int o, int next) {
        float c0 = (float) out[o], c1 = (float) out[next >= 0 ? o + next : o];
        for (int p = 0; p < k; p++) {
            float y = pb[qb + p];
            c0 += (float) a[r0 + p] * y;
            c1 += (float) a[r1 + p] * y;
        }
        out[o] = c0;
        if (next >= 0) {
            out[o + next] = c1;
        }
    }
}
