package org.autogradstudio.cli;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.ComputationGraph;
import org.autogradstudio.graph.GraphLayout;
import picocli.CommandLine.Command;

/** {@code bench}: the engine's benchmarks, and the layout time of a 500-node graph. */
@Command(name = "bench", description = "Runs the engine's benchmarks and prints the figures.")
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        org.autogradstudio.engine.bench.EngineBench.run(System.out);
        double[] t = layoutMillis();
        System.out.printf(java.util.Locale.ROOT, "graph layout (ELK layered), 501 vertices: %.1f ms median, %.1f min, %.1f max"
                + " (%d runs after %d warm-ups)%n", t[t.length / 2], t[0], t[t.length - 1], t.length, WARM_UPS);
        double[] c = cancelMillis();
        System.out.printf(java.util.Locale.ROOT, "stopping a running 'while True: pass' from another thread: %.2f ms median,"
                + " %.2f max (%d runs)%n", c[c.length / 2], c[c.length - 1], c.length);
        return 0;
    }

    /** Sorted times from {@code cancel()} to the script's end, for a busy loop, what the studio's Stop does. */
    private static double[] cancelMillis() {
        double[] times = new double[11];
        for (int i = 0; i < times.length; i++) {
            org.autogradstudio.script.ScriptSession s = new org.autogradstudio.script.Interpreter()
                    .newSession(new StringBuilder(), new StringBuilder());
            java.util.concurrent.CompletableFuture<?> run = java.util.concurrent.CompletableFuture.runAsync(
                    () -> s.runScript("while True:\n    pass\n", "loop.py"));
            try {
                Thread.sleep(50);
                long t = System.nanoTime();
                s.cancel();
                run.get(10, java.util.concurrent.TimeUnit.SECONDS);
                times[i] = (System.nanoTime() - t) / 1e6;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the loop did not stop", e);
            }
        }
        Arrays.sort(times);
        return times;
    }

    private static final int WARM_UPS = 30;
    private static final int RUNS = 21;

    /** Sorted times of {@link #RUNS} layouts of a 501-vertex graph, after {@link #WARM_UPS} untimed ones. */
    private static double[] layoutMillis() {
        Tensor x = Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x;
        // recorded as a session records a graph it draws: its nodes keep their inputs and outputs
        boolean kept = org.autogradstudio.engine.GraphValues.setKept(true);
        try {
            for (int i = 0; i < 125; i++) {
                y = y.add(y.sin());
            }
        } finally {
            org.autogradstudio.engine.GraphValues.setKept(kept);
        }
        Map<Tensor, String> names = new IdentityHashMap<>();
        names.put(x, "x");
        names.put(y, "y");
        ComputationGraph g = ComputationGraph.of(List.of(y), names);
        double[] times = new double[RUNS];
        for (int i = 0; i < WARM_UPS + RUNS; i++) {
            long t = System.nanoTime();
            GraphLayout.of(g, null, false);
            if (i >= WARM_UPS) {
                times[i - WARM_UPS] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(times);
        return times;
    }
}
