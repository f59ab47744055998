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
    /**
     * From this many columns (or rows) of C on, its rows (or columns) are summed in float arrays,
     * whose loop along them the JIT turns into vector instructions: about 3x the register tile's
     * speed at 256 x 256. A loop much shorter than this runs as scalar code; smaller products keep the tile.
     */
    private static final int VECTOR_LENGTH = 48;
    /**
     * ... and from this many products on: the vector loops gain little on a hidden layer's
     * 200 x 16 x 16 (10 % once compiled) and their compilation costs a short script more than that
     * (b3_mlp_moons.py: 20 % slower from a cold start), while 256 x 256 x 256 runs 3x as fast.
     */
    private static final long VECTOR_WORK = 1 << 18;
    // plain ThreadLocals (null until first use): no lambda to link on a script's first product
    private static final ThreadLocal<float[]> PANEL = new ThreadLocal<>();
    private static final ThreadLocal<RowScratch> ROW_SCRATCH = new ThreadLocal<>();
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
        if ((long) n * k * m >= VECTOR_WORK) {
            if (m >= VECTOR_LENGTH && m >= n) {
                productByRows(a, aOff, ai, b, bOff, bp, bj, n, k, m, out);
                return;
            }
            if (n >= VECTOR_LENGTH) {
                productByColumns(a, aOff, ai, b, bOff, bp, bj, n, k, m, out);
                return;
            }
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

    /**
     * The product four rows of C at a time: each row's sums live in a float array, and for every p
     * the row adds {@code A(i, p) * B(p, j)} to all its columns j in one loop. B's rows are separate
     * float arrays on purpose: the loop then reads B and the sums at the same index j, which is
     * what lets the JIT vectorize it (with B at an offset it cannot rule out that the two overlap).
     * Every sum still adds its products in order p = 0, 1, ..., as {@link #tile} does.
     */
    private static void productByRows(double[] a, int aOff, int ai, double[] b, int bOff, int bp, int bj,
                                      int n, int k, int m, double[] out) {
        RowScratch s = rowScratch(k, m);
        float[][] rows = s.rows;
        for (int p = 0; p < k; p++) {
            float[] row = rows[p];
            for (int j = 0, src = bOff + p * bp; j < m; j++, src += bj) {
                row[j] = (float) b[src];
            }
        }
        float[] c0 = s.c0, c1 = s.c1, c2 = s.c2, c3 = s.c3;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int r0 = aOff + i * ai, r1 = r0 + ai, r2 = r1 + ai, r3 = r2 + ai;
            int o0 = i * m, o1 = o0 + m, o2 = o1 + m, o3 = o2 + m;
            for (int j = 0; j < m; j++) {
                c0[j] = (float) out[o0 + j];
                c1[j] = (float) out[o1 + j];
                c2[j] = (float) out[o2 + j];
                c3[j] = (float) out[o3 + j];
            }
            for (int p = 0; p < k; p++) {
                float x0 = (float) a[r0 + p], x1 = (float) a[r1 + p], x2 = (float) a[r2 + p], x3 = (float) a[r3 + p];
                float[] row = rows[p];
                for (int j = 0; j < m; j++) {
                    float y = row[j];
                    c0[j] += x0 * y;
                    c1[j] += x1 * y;
                    c2[j] += x2 * y;
                    c3[j] += x3 * y;
                }
            }
            for (int j = 0; j < m; j++) {
                out[o0 + j] = c0[j];
                out[o1 + j] = c1[j];
                out[o2 + j] = c2[j];
                out[o3 + j] = c3[j];
            }
        }
        for (; i < n; i++) {
            int r0 = aOff + i * ai, o0 = i * m;
            for (int j = 0; j < m; j++) {
                c0[j] = (float) out[o0 + j];
            }
            for (int p = 0; p < k; p++) {
                float x0 = (float) a[r0 + p];
                float[] row = rows[p];
                for (int j = 0; j < m; j++) {
                    c0[j] += x0 * row[j];
                }
            }
            for (int j = 0; j < m; j++) {
                out[o0 + j] = c0[j];
            }
        }
    }

    /**
     * The product four columns of C at a time, for C with many rows and few columns (a hidden
     * layer's {@code x @ w}: 200 x 16): as {@link #productByRows} with the roles of rows and columns
     * swapped, so the vector loop runs down a column of C and a column of A.
     */
    private static void productByColumns(double[] a, int aOff, int ai, double[] b, int bOff, int bp, int bj,
                                         int n, int k, int m, double[] out) {
        RowScratch s = rowScratch(k, n);
        float[][] cols = s.rows;
        for (int p = 0; p < k; p++) {
            float[] col = cols[p];
            for (int i = 0, src = aOff + p; i < n; i++, src += ai) {
                col[i] = (float) a[src];
            }
        }
        float[] c0 = s.c0, c1 = s.c1, c2 = s.c2, c3 = s.c3;
        int j = 0;
        for (; j + 4 <= m; j += 4) {
            for (int i = 0, o = j; i < n; i++, o += m) {
                c0[i] = (float) out[o];
                c1[i] = (float) out[o + 1];
                c2[i] = (float) out[o + 2];
                c3[i] = (float) out[o + 3];
            }
            int q = bOff + j * bj;
            for (int p = 0; p < k; p++, q += bp) {
                float y0 = (float) b[q], y1 = (float) b[q + bj], y2 = (float) b[q + 2 * bj], y3 = (float) b[q + 3 * bj];
                float[] col = cols[p];
                for (int i = 0; i < n; i++) {
                    float x = col[i];
                    c0[i] += x * y0;
                    c1[i] += x * y1;
                    c2[i] += x * y2;
                    c3[i] += x * y3;
                }
            }
            for (int i = 0, o = j; i < n; i++, o += m) {
                out[o] = c0[i];
                out[o + 1] = c1[i];
                out[o + 2] = c2[i];
                out[o + 3] = c3[i];
            }
        }
        for (; j < m; j++) {
            for (int i = 0, o = j; i < n; i++, o += m) {
                c0[i] = (float) out[o];
            }
            int q = bOff + j * bj;
            for (int p = 0; p < k; p++, q += bp) {
                float y = (float) b[q];
                float[] col = cols[p];
                for (int i = 0; i < n; i++) {
                    c0[i] += col[i] * y;
                }
            }
            for (int i = 0, o = j; i < n; i++, o += m) {
                out[o] = c0[i];
            }
        }
    }

    /** B's rows (or A's columns) as floats and four lines of sums, for {@link #productByRows}; reused while small. */
    private static final class RowScratch {
        final float[][] rows;
        final float[] c0;
        final float[] c1;
        final float[] c2;
        final float[] c3;

        RowScratch(int k, int m) {
            rows = new float[k][m];
            c0 = new float[m];
            c1 = new float[m];
            c2 = new float[m];
            c3 = new float[m];
        }

        boolean fits(int k, int m) {
            return rows.length >= k && c0.length >= m;
        }
    }

    private static RowScratch rowScratch(int k, int m) {
        if ((long) k * m > KEPT_PANEL) {
            return new RowScratch(k, m);
        }
        RowScratch s = ROW_SCRATCH.get();
        if (s == null || !s.fits(k, m)) {
            s = new RowScratch(Math.max(k, s == null ? 0 : s.rows.length), Math.max(m, s == null ? 0 : s.c0.length));
            ROW_SCRATCH.set(s);
        }
        return s;
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
