package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever kernel a shape takes (the register tile, rows of C in vector loops, or columns of C),
 * every element of a float32 product is PyTorch's sum: its start value, then each float product
 * added in order p = 0, 1, ..., rounded to float at every step. Checked to the bit against that
 * definition written as a plain loop, for operands read in rows or down their columns.
 */
class FloatProductPropertiesTest {
    @Property(tries = 200)
    void everyKernelAddsInOrderInFloat(@ForAll @IntRange(min = 1, max = 130) int n, @ForAll @IntRange(min = 1, max = 70) int k,
            @ForAll @IntRange(min = 1, max = 130) int m, @ForAll long seed) {
        Random r = new Random(seed);
        boolean aTransposed = r.nextBoolean(), bTransposed = r.nextBoolean();
        double[] a = floats(r, n * k), b = floats(r, k * m);
        // A(i, p) and B(p, j) through strides, as the backward's g @ w.T and x.T @ g read them
        int ai = aTransposed ? 1 : k, ap = aTransposed ? n : 1;
        int bp = bTransposed ? 1 : m, bj = bTransposed ? k : 1;
        double[] start = r.nextBoolean() ? new double[n * m] : floats(r, n * m);
        double[] out = start.clone();
        FloatProduct.productInto(a, 0, ai, ap, b, 0, bp, bj, n, k, m, out);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                float c = (float) start[i * m + j];
                for (int p = 0; p < k; p++) {
                    c += (float) a[i * ai + p * ap] * (float) b[p * bp + j * bj];
                }
                if (Float.floatToIntBits(c) != Float.floatToIntBits((float) out[i * m + j])) {
                    assertEquals(c, (float) out[i * m + j], n + "x" + k + "x" + m + " element (" + i + ", " + j + ")");
                }
            }
        }
    }

    private static double[] floats(Random r, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (r.nextGaussian() * (r.nextInt(4) == 0 ? 1e3 : 1));
        }
        return v;
    }
}
