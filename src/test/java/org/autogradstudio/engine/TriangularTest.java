package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** tril/triu against their definition and finite differences; hstack/vstack and nonzero against what PyTorch returns. */
class TriangularTest {

    @Property(tries = 30)
    void trianglesKeepTheirDiagonalsAndPassTheirGradient(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = r.nextBoolean() ? new int[] {1 + r.nextInt(4), 1 + r.nextInt(4)}
                : new int[] {1 + r.nextInt(2), 1 + r.nextInt(3), 1 + r.nextInt(3)};
        long diagonal = r.nextInt(5) - 2;
        double[] v = GradCheck.values(r, shape, GradCheck.uniform(-2, 2));
        Tensor x = Tensor.of(v, shape, DType.FLOAT64);
        double[] lower = Triangular.tril(x, diagonal).values(), upper = Triangular.triu(x, diagonal).values();
        int rows = shape[shape.length - 2], cols = shape[shape.length - 1];
        for (int i = 0; i < v.length; i++) {
            int row = (i / cols) % rows, col = i % cols;
            assertEquals(col - row <= diagonal ? v[i] : 0, lower[i], "tril at " + i);
            assertEquals(col - row >= diagonal ? v[i] : 0, upper[i], "triu at " + i);
        }
        GradCheck.check("tril", t -> Triangular.tril(t[0], diagonal).mul(t[0]), new int[][] {shape}, new double[][] {v}, seed);
        GradCheck.check("triu", t -> Triangular.triu(t[0].mul(t[0]), diagonal), new int[][] {shape}, new double[][] {v}, seed);
    }

    @Property(tries = 20)
    void stacksPassTheirGradients(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(3);
        double[] a = GradCheck.values(r, new int[] {n}, GradCheck.uniform(-2, 2));
        double[] b = GradCheck.values(r, new int[] {n}, GradCheck.uniform(-2, 2));
        GradCheck.check("hstack", t -> ShapeOps.hstack(new Tensor[] {t[0], t[1].mul(t[1])}), new int[][] {{n}, {n}},
                new double[][] {a, b}, seed);
        GradCheck.check("vstack", t -> ShapeOps.vstack(new Tensor[] {t[0].mul(t[1]), t[1]}), new int[][] {{n}, {n}},
                new double[][] {a, b}, seed);
    }

    @Test
    void stacksAndNonzeroGivePyTorchsShapes() {
        Tensor a = Tensor.of(new double[] {1, 2}, new int[] {2}, DType.FLOAT32);
        assertArrayEquals(new int[] {4}, ShapeOps.hstack(new Tensor[] {a, a}).shape);
        assertArrayEquals(new int[] {2, 2}, ShapeOps.vstack(new Tensor[] {a, a}).shape);
        Tensor c = Tensor.of(new double[] {0, 1, 0, 2, 0, 3}, new int[] {2, 3}, DType.INT64);
        Tensor idx = Indexing.nonzero(c);
        assertArrayEquals(new int[] {3, 2}, idx.shape);
        assertArrayEquals(new double[] {0, 1, 1, 0, 1, 2}, idx.values());
        Tensor[] per = Indexing.nonzeroPerDimension(c);
        assertArrayEquals(new double[] {0, 1, 1}, per[0].values());
        assertArrayEquals(new double[] {1, 0, 2}, per[1].values());
        assertArrayEquals(new int[] {1, 0}, Indexing.nonzero(Tensor.of(new double[] {3}, new int[0], DType.FLOAT32)).shape);
    }
}
