package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Finite-difference gradient checks in float64, as {@code torch.autograd.gradcheck}: the engine's
 * gradients of {@code <f(x), R>} for a random weight tensor {@code R} (so upstream gradients are
 * not all ones) against central differences {@code (f(x+h) - f(x-h)) / 2h} element by element.
 */
final class GradCheck {
    private static final double H = 1e-6;
    private static final double TOLERANCE = 1e-5;

    private GradCheck() {
    }

    /** Random float64 values of {@code shape}, each drawn by {@code draw}. */
    static double[] values(Random random, int[] shape, DoubleUnaryOperator draw) {
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = draw.applyAsDouble(random.nextDouble());
        }
        return v;
    }

    /** Uniform in [lo, hi). */
    static DoubleUnaryOperator uniform(double lo, double hi) {
        return u -> lo + (hi - lo) * u;
    }

    /** Magnitude in [lo, hi), random sign: keeps values away from a kink at 0. */
    static DoubleUnaryOperator awayFromZero(double lo, double hi) {
        return u -> {
            double m = lo + (hi - lo) * (u < 0.5 ? 2 * u : 2 * u - 1);
            return u < 0.5 ? -m : m;
        };
    }

    /**
     * Checks the gradient of {@code f} w.r.t. every input. {@code inputs[i]} holds the values of
     * input {@code i} with shape {@code shapes[i]}; all inputs require grad.
     */
    static void check(String what, Function<Tensor[], Tensor> f, int[][] shapes, double[][] inputs, long seed) {
        check(what, f, shapes, inputs, null, seed);
    }

    /** As {@link #check(String, Function, int[][], double[][], long)}, only inputs with {@code differentiable[i]} get grad. */
    static void check(String what, Function<Tensor[], Tensor> f, int[][] shapes, double[][] inputs, boolean[] differentiable, long seed) {
        Tensor[] leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = Tensor.of(inputs[i], shapes[i], DType.FLOAT64);
            if (differentiable == null || differentiable[i]) {
                leaves[i].requiresGrad_(true);
            }
        }
        Tensor out = f.apply(leaves);
        assertEquals(DType.FLOAT64, out.dtype(), what + ": float64 in, float64 out");
        Random random = new Random(seed);
        double[] weights = values(random, out.shape, uniform(-1, 1));
        Tensor r = Tensor.of(weights, out.shape, DType.FLOAT64);
        out.backward(r, false);
        for (int i = 0; i < inputs.length; i++) {
            if (differentiable != null && !differentiable[i]) {
                continue;
            }
            Tensor grad = leaves[i].grad();
            assertNotNull(grad, what + ": input " + i + " received no gradient");
            assertTrue(Arrays.equals(shapes[i], grad.shape), what + ": grad shape " + Arrays.toString(grad.shape)
                    + " for input of shape " + Arrays.toString(shapes[i]));
            double[] analytic = grad.toArray();
            for (int k = 0; k < inputs[i].length; k++) {
                double numeric = (weighted(f, shapes, inputs, i, k, H, weights) - weighted(f, shapes, inputs, i, k, -H, weights)) / (2 * H);
                double tol = TOLERANCE * Math.max(1, Math.abs(numeric));
                assertTrue(Math.abs(analytic[k] - numeric) <= tol, what + ": d/d input" + i + "[" + k + "] autograd "
                        + analytic[k] + " vs finite difference " + numeric + " (shapes " + Arrays.deepToString(shapes) + ")");
            }
        }
    }

    /** {@code <f(inputs with input[i][k] moved by delta), weights>}, computed without recording. */
    private static double weighted(Function<Tensor[], Tensor> f, int[][] shapes, double[][] inputs, int i, int k, double delta, double[] weights) {
        Tensor[] ts = new Tensor[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            double[] v = inputs[j].clone();
            if (j == i) {
                v[k] += delta;
            }
            ts[j] = Tensor.of(v, shapes[j], DType.FLOAT64);
        }
        double[] out = GradModeScope.withoutGrad(() -> f.apply(ts)).toArray();
        double s = 0;
        for (int n = 0; n < out.length; n++) {
            s += out[n] * weights[n];
        }
        return s;
    }

    /** A random shape of rank 0..maxRank with sizes 1..maxSize. */
    static int[] shape(Random random, int maxRank, int maxSize) {
        int[] s = new int[random.nextInt(maxRank + 1)];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 + random.nextInt(maxSize);
        }
        return s;
    }

    /** A shape that broadcasts with {@code full}: some leading dims dropped, some sizes set to 1. */
    static int[] broadcastable(Random random, int[] full) {
        int drop = random.nextInt(full.length + 1);
        int[] s = Arrays.copyOfRange(full, drop, full.length);
        for (int i = 0; i < s.length; i++) {
            if (random.nextInt(3) == 0) {
                s[i] = 1;
            }
        }
        return s;
    }
}
