package org.autogradstudio.engine;

import java.util.Map;

/**
 * {@code tril} and {@code triu}: the lower or upper triangle of the last two dimensions, from the
 * {@code diagonal}-th diagonal on (0 the main one, positive above it), zeros elsewhere; the
 * gradient passes through the kept triangle only. An attention mask is built with them.
 */
public final class Triangular {
    private Triangular() {
    }

    public static Tensor tril(Tensor x, long diagonal) {
        return triangle(x, diagonal, true);
    }

    public static Tensor triu(Tensor x, long diagonal) {
        return triangle(x, diagonal, false);
    }

    private static Tensor triangle(Tensor x, long diagonal, boolean lower) {
        Shape.wrapDim(-2, x.dim()); // PyTorch 1.13 refuses fewer than two dimensions with this IndexError
        boolean[] keep = kept(x.shape, diagonal, lower);
        double[] v = x.values();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = keep[i] ? v[i] : 0;
        }
        Tensor result = Tensor.wrap(out, x.shape.clone(), x.dtype());
        if (Autograd.needed(x)) {
            // the zeroed positions are not inputs of the node: the derivation panel reads them here
            int[] zeroed = java.util.stream.IntStream.range(0, keep.length).filter(i -> !keep[i]).toArray();
            Autograd.record(result, lower ? "TrilBackward0" : "TriuBackward0", new Tensor[] {x}, Autograd.NOTHING, null,
                    Map.of("diagonal", diagonal, "filled", zeroed), (node, g) -> {
                double[] gv = g.values();
                double[] grad = new double[gv.length];
                for (int i = 0; i < gv.length; i++) {
                    grad[i] = keep[i] ? gv[i] : 0;
                }
                return new Tensor[] {Tensor.wrap(grad, x.shape, g.dtype())};
            });
        }
        return result;
    }

    /** Which row-major positions the triangle keeps: column - row <= diagonal (lower) or >= diagonal (upper). */
    private static boolean[] kept(int[] shape, long diagonal, boolean lower) {
        int rows = shape[shape.length - 2], cols = shape[shape.length - 1];
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            int inMatrix = rows * cols == 0 ? 0 : i % (rows * cols);
            long offset = (long) (inMatrix % cols) - inMatrix / cols;
            keep[i] = lower ? offset <= diagonal : offset >= diagonal;
        }
        return keep;
    }
}
