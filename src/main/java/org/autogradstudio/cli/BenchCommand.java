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
        System.out.printf("graph layout (ELK layered), 500 vertices: %.1f ms (median of 10 after 10 warm-ups)%n",
                layoutMillis());
        return 0;
    }

    private static double layoutMillis() {
        Tensor x = Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < 125; i++) {
            y = y.add(y.sin());
        }
        Map<Tensor, String> names = new IdentityHashMap<>();
        names.put(x, "x");
        names.put(y, "y");
        ComputationGraph g = ComputationGraph.of(List.of(y), names);
        double[] times = new double[10];
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            GraphLayout.of(g, null, false);
            if (i >= 10) {
                times[i - 10] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(times);
        return times[5];
    }
}
