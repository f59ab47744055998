package org.autogradstudio.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bench}: the engine's own benchmarks (ns per node of a long chain, GFLOP/s of matmul). */
@Command(name = "bench", description = "Runs the engine's benchmarks and prints the figures.")
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        org.autogradstudio.engine.bench.EngineBench.run(System.out);
        return 0;
    }
}
