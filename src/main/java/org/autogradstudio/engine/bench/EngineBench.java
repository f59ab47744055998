package org.autogradstudio.engine.bench;

import java.io.PrintStream;
import java.util.Arrays;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;

/**
 * The engine's own benchmarks, run by the {@code bench} command: the cost per autograd node of a
 * long scalar chain (forward and backward, as in {@code ../shared/bench/b2_deep_chain.py}) and the
 * throughput of 256x256 matrix products with their backward pass. Each figure is the median of
 * several timed repetitions after warm-up repetitions.
 */
public final class EngineBench {
    private static final int CHAIN_STEPS = 100_000;
    private static final int MATMUL_N = 256;

    private EngineBench() {
    }

    public static void run(PrintStream out) {
        out.println("engine benchmarks (median of timed runs after warm-up)");
        double nsPerNode = median(5, 5, EngineBench::chainNanosPerNode);
        out.printf("scalar chain, %d nodes, forward+backward: %.0f ns per node%n", 3 * CHAIN_STEPS, nsPerNode);
        double gflops = median(2, 5, EngineBench::matmulGflops);
        out.printf("matmul %dx%d, forward+backward (3 products): %.2f GFLOP/s%n", MATMUL_N, MATMUL_N, gflops);
    }

    /** One run of y = y + 0.001 * sin(y): three recorded nodes per step (sin, mul, add). */
    static double chainNanosPerNode() {
        long start = System.nanoTime();
        Tensor x = Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < CHAIN_STEPS; i++) {
            y = y.add(y.sin().mul(0.001));
        }
        y.backward();
        long elapsed = System.nanoTime() - start;
        if (!(x.grad().item() > 0)) {
            throw new IllegalStateException("chain gradient lost");
        }
        return elapsed / (3.0 * CHAIN_STEPS);
    }

    /** C = A @ B, then backward through it: dA = G @ B^T and dB = A^T @ G, 2n^3 flops each. */
    static double matmulGflops() {
        double[] a = new double[MATMUL_N * MATMUL_N];
        double[] b = new double[MATMUL_N * MATMUL_N];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.sin(0.01 * i);
            b[i] = Math.cos(0.013 * i);
        }
        int[] shape = {MATMUL_N, MATMUL_N};
        Tensor ta = Tensor.of(a, shape, DType.FLOAT32).requiresGrad_(true);
        Tensor tb = Tensor.of(b, shape, DType.FLOAT32).requiresGrad_(true);
        long start = System.nanoTime();
        ta.matmul(tb).sum().backward();
        long elapsed = System.nanoTime() - start;
        return 3 * 2.0 * Math.pow(MATMUL_N, 3) / elapsed;
    }

    interface Measurement {
        double run();
    }

    static double median(int warmups, int runs, Measurement m) {
        for (int i = 0; i < warmups; i++) {
            m.run();
        }
        double[] r = new double[runs];
        for (int i = 0; i < runs; i++) {
            r[i] = m.run();
        }
        Arrays.sort(r);
        return r[runs / 2];
    }
}
