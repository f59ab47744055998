package org.autogradstudio.engine.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;

import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;

/**
 * The engine's benchmarks, run by the {@code bench} command. Wall-clock medians over several
 * repetitions after a warm-up, so the JIT has compiled the hot paths before anything is timed.
 * <ul>
 * <li>a scalar chain {@code y = y + 0.001 * torch.sin(y)} of float32 0-d tensors from x = 0.5, as
 * {@code ../shared/bench/b2_deep_chain.py} (longer): forward, backward, and ns per graph node
 * (three autograd nodes per step: sin, mul, add), on the heap as earlier runs left it, and a second
 * line with each run after a System.gc();</li>
 * <li>a 256x256 float32 matmul forward + backward, in GFLOP/s (2n^3 flops forward, twice that
 * backward).</li>
 * </ul>
 */
public final class EngineBench {
    static final int CHAIN_STEPS = 100_000;
    static final int NODES_PER_STEP = 3;
    static final int MATRIX = 256;
    private static final int WARMUP = 5;
    /** The chain's warm-up ends at the latest after this many runs. */
    private static final int MAX_WARMUP = 200;
    private static final int REPETITIONS = 9;

    private EngineBench() {
    }

    /** {@code java -cp target/classes org.autogradstudio.engine.bench.EngineBench}, without the CLI. */
    public static void main(String[] args) {
        run(System.out);
    }

    public static void run(PrintStream out) {
        run(out, CHAIN_STEPS, MATRIX);
    }

    /** The benchmark with a chain of {@code steps} steps and {@code matrix}-sized matmuls. */
    static void run(PrintStream out, int steps, int matrix) {
        out.println("Autograd Studio engine benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", GC: " + collectors() + "); medians of " + REPETITIONS + " runs after at least "
                + WARMUP + " warm-up runs");
        // The headline runs on the heap as the previous runs left it, as JMH measures by default and
        // as a training loop sees it: each run pays for collecting the graphs before it.
        ChainTimes chain = chain(steps, WARMUP, REPETITIONS, false);
        int nodes = steps * NODES_PER_STEP;
        out.println(String.format(Locale.ROOT, "scalar chain y = y + 0.001 * sin(y), %,d steps (%,d nodes), after %d warm-up runs:",
                steps, nodes, chain.warmupRuns));
        out.println(String.format(Locale.ROOT, "  forward  %8.1f ns/node  %8.1f ns/step", chain.forwardNs / nodes, chain.forwardNs / steps));
        out.println(String.format(Locale.ROOT, "  backward %8.1f ns/node  %8.1f ns/step", chain.backwardNs / nodes, chain.backwardNs / steps));
        double total = chain.forwardNs + chain.backwardNs;
        out.println(String.format(Locale.ROOT, "  fwd+bwd  %8.1f ns/node  %8.1f ns/step", total / nodes, total / steps));
        out.println(String.format(Locale.ROOT, "  allocated: forward %.0f bytes/step, backward %.0f bytes/step;"
                        + " the graph keeps %.0f bytes/step alive until backward",
                chain.forwardBytesPerStep, chain.backwardBytesPerStep, retainedBytesPerStep(steps)));
        out.println(String.format(Locale.ROOT, "  GC pauses: about %.0f%% of the last run (y = %.6f, dy/dx = %.6g)",
                Math.min(100, 100 * chain.gcShare), chain.value, chain.grad));
        // The same chain from a just-collected heap: System.gc() shrinks it to its live data, so the
        // young generation is small and its collections copy the chain, node by node, while it grows.
        ChainTimes cold = chain(steps, WARMUP, REPETITIONS, true);
        out.println(String.format(Locale.ROOT, "  each run after System.gc(): forward %.1f, backward %.1f, fwd+bwd %.1f ns/node (GC pauses about %.0f%%)",
                cold.forwardNs / nodes, cold.backwardNs / nodes, (cold.forwardNs + cold.backwardNs) / nodes,
                Math.min(100, 100 * cold.gcShare)));
        if (cold.gcShare > 0.3 && collectors().startsWith("G1")) {
            // Measured on 2 cores: G1's adaptive young generation copies a long live chain over and
            // over; a fixed young generation or the parallel collector avoid that.
            out.println("  note: a long graph stays alive until backward; with G1 run java -Xmn512m (or -XX:+UseParallelGC) to avoid most of these pauses");
        }

        double matmulNs = matmul(matrix, 3, 7);
        double flops = 3.0 * 2.0 * matrix * (double) matrix * matrix;
        out.println(String.format(Locale.ROOT, "matmul %dx%d float32, forward + backward: %.2f ms, %.2f GFLOP/s",
                matrix, matrix, matmulNs / 1e6, flops / matmulNs));
    }

    /** Median forward and backward times of the chain, in ns, and the last result for a sanity check. */
    record ChainTimes(double forwardNs, double backwardNs, double value, double grad, double forwardBytesPerStep,
                      double backwardBytesPerStep, double gcShare, int warmupRuns) {
    }

    /** Milliseconds all collectors have spent so far: the chain keeps every node alive, so GC is a real cost. */
    private static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static String collectors() {
        StringBuilder names = new StringBuilder();
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            names.append(names.length() > 0 ? ", " : "").append(gc.getName());
        }
        return names.toString();
    }

    /** Bytes this thread has allocated so far (HotSpot's counter), or 0 where the JVM has none. */
    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean) {
            return ((com.sun.management.ThreadMXBean) bean).getCurrentThreadAllocatedBytes();
        }
        return 0;
    }

    static ChainTimes chain(int steps, int warmup, int repetitions) {
        return chain(steps, warmup, repetitions, true);
    }

    /** The chain's times; {@code collectFirst}: a System.gc() before each run (the second line's method). */
    static ChainTimes chain(int steps, int warmup, int repetitions, boolean collectFirst) {
        long[] forward = new long[repetitions];
        long[] backward = new long[repetitions];
        double value = 0, grad = 0;
        long allocated = 0, backwardAllocated = 0, gc = 0;
        // Warm-up: the JIT compiles the hot paths in the first runs. Without the System.gc() it goes on
        // until a collection has run after them, so the heap's memory is being reused, as in any long
        // session: memory the process touches for the first time costs a page fault per 4 KiB, which
        // measured 60 ns of the forward's 100 ns per node before that.
        long collections = -1;
        int warmed = 0;
        while (warmed < warmup || (!collectFirst && collections() == collections && warmed < MAX_WARMUP)) {
            if (warmed == warmup - 1) {
                collections = collections();
            }
            chainRun(steps, collectFirst);
            warmed++;
        }
        for (int r = 0; r < repetitions; r++) {
            if (collectFirst) {
                System.gc();
            }
            Tensor x = Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true);
            long bytes0 = allocatedBytes();
            long gc0 = gcMillis();
            long t0 = System.nanoTime();
            Tensor y = buildChain(x, steps);
            long t1 = System.nanoTime();
            allocated = allocatedBytes() - bytes0;
            long bytes1 = allocatedBytes();
            y.backward();
            long t2 = System.nanoTime();
            backwardAllocated = allocatedBytes() - bytes1;
            gc = gcMillis() - gc0;
            forward[r] = t1 - t0;
            backward[r] = t2 - t1;
            value = y.item();
            grad = x.grad().item();
        }
        return new ChainTimes(median(forward), median(backward), value, grad, allocated / (double) steps,
                backwardAllocated / (double) steps, gc * 1e6 / (median(forward) + median(backward)), warmed);
    }

    /** One untimed run of the chain, forward and backward. */
    private static void chainRun(int steps, boolean collectFirst) {
        if (collectFirst) {
            System.gc();
        }
        buildChain(Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true), steps).backward();
    }

    /** The benchmark's graph: {@code y = y + 0.001 * torch.sin(y)}, {@code steps} times from {@code x}. */
    private static Tensor buildChain(Tensor x, int steps) {
        Tensor y = x;
        for (int i = 0; i < steps; i++) {
            y = y.add(y.sin().mul(Tensor.wrappedNumber(0.001, true)));
        }
        return y;
    }

    /** How many collections all collectors have run so far. */
    private static long collections() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    /**
     * Heap bytes per step the chain's graph holds on to until backward (measured after collections,
     * outside any timed run): what a young collection has to copy.
     */
    static double retainedBytesPerStep(int steps) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Tensor y = buildChain(Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true), steps);
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        y.backward();
        return Math.max(0, after - before) / (double) steps;
    }

    /** Median ns of one {@code (a @ b).sum().backward()} on n x n float32 matrices. */
    static double matmul(int n, int warmup, int repetitions) {
        Random random = new Random(42);
        double[] av = new double[n * n], bv = new double[n * n];
        for (int i = 0; i < av.length; i++) {
            av[i] = random.nextGaussian();
            bv[i] = random.nextGaussian();
        }
        int[] shape = {n, n};
        LongSupplier once = () -> {
            Tensor a = Tensor.of(av, shape, DType.FLOAT32).requiresGrad_(true);
            Tensor b = Tensor.of(bv, shape, DType.FLOAT32).requiresGrad_(true);
            long t0 = System.nanoTime();
            a.matmul(b).sum().backward();
            return System.nanoTime() - t0;
        };
        long[] times = new long[repetitions];
        for (int r = -warmup; r < repetitions; r++) {
            long t = once.getAsLong();
            if (r >= 0) {
                times[r] = t;
            }
        }
        return median(times);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
