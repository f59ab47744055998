package org.autogradstudio.engine.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH versions of {@link EngineBench}'s measurements, for careful comparisons between changes.
 * Run after {@code mvn -o test-compile}:
 * <pre>
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main EngineJmh
 * </pre>
 * The chain's score is per 1000-step chain (3000 nodes): divide by 3000 for ns/node. Add
 * {@code -jvmArgsAppend -XX:+UseParallelGC} to see the cost without G1's young-generation copying.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineJmh {
    @Param({"1000"})
    int steps;

    @Param({"256"})
    int n;

    private double[] av;
    private double[] bv;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        av = new double[n * n];
        bv = new double[n * n];
        for (int i = 0; i < av.length; i++) {
            av[i] = random.nextGaussian();
            bv[i] = random.nextGaussian();
        }
    }

    /** Forward and backward of {@code y = y + 0.001 * torch.sin(y)}, {@code steps} times. */
    @Benchmark
    public double scalarChain() {
        Tensor x = Tensor.scalar(1.0, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < steps; i++) {
            y = y.add(y.sin().mul(Tensor.wrappedNumber(0.001, true)));
        }
        y.backward();
        return x.grad().item();
    }

    /** {@code (a @ b).sum().backward()} on n x n float32 matrices. */
    @Benchmark
    public double matmulForwardBackward() {
        Tensor a = Tensor.of(av, new int[] {n, n}, DType.FLOAT32).requiresGrad_(true);
        Tensor b = Tensor.of(bv, new int[] {n, n}, DType.FLOAT32).requiresGrad_(true);
        a.matmul(b).sum().backward();
        return a.grad().getFlat(0) + b.grad().getFlat(0);
    }
}
