package org.autogradstudio.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.Tensor;
import org.junit.jupiter.api.Test;

class BackwardTraceTest {
    @Test
    void theLogisticTraceFollowsTheEngineAndReplaysToTheGrads() {
        Graphs.Run run = Graphs.run(Graphs.LOGISTIC);
        BackwardTrace trace = run.trace();
        assertTrue(trace.isComplete());
        List<String> order = trace.steps().stream().map(s -> s.from().name() + "->" + s.to().name()).toList();
        assertEquals(List.of("GraphRoot->BinaryCrossEntropyBackward0", "BinaryCrossEntropyBackward0->SigmoidBackward0",
                "SigmoidBackward0->AddBackward0", "AddBackward0->MulBackward0", "AddBackward0->AccumulateGrad",
                "MulBackward0->AccumulateGrad"), order);
        Tensor w = run.tensor("w");
        Tensor b = run.tensor("b");
        Map<Tensor, double[]> replay = trace.replayLeafGradients();
        assertArrayEquals(w.grad().toArray(), replay.get(w));
        assertArrayEquals(b.grad().toArray(), replay.get(b));
        assertEquals(6.6917619705200195, replay.get(w)[0]);
        // the multiply's local derivative for w is x
        TraceStep toW = trace.steps().get(5);
        assertEquals(6.7f, toW.local().item(), 1e-5);
        assertEquals(toW.upstream().item() * 6.7f, toW.product().item(), 1e-5);
    }

    @Test
    void gradientsFromSeveralPathsAreSummedAsTheyArrive() {
        Graphs.Run run = Graphs.run("import torch\nx = torch.tensor(3.0, requires_grad=True)\ny = x * x + x\ny.backward()");
        List<TraceStep> intoX = run.trace().steps().stream().filter(TraceStep::accumulates).toList();
        assertEquals(3, intoX.size());
        assertEquals(List.of(1, 2, 3), intoX.stream().map(TraceStep::arrival).toList());
        assertEquals(List.of(1.0, 4.0, 7.0), intoX.stream().map(s -> s.runningSum().item()).toList());
        assertEquals(7.0, run.tensor("x").grad().item());
        assertEquals(7.0, run.trace().replayLeafGradients().get(run.tensor("x"))[0]);
    }

    @Test
    void replayIncludesWhatGradHeldBefore() {
        Graphs.Run run = Graphs.run("import torch\nx = torch.tensor(0.1, requires_grad=True)\n"
                + "(x * 3).backward()\ny = torch.sin(x) * x + x / 7\ny.backward()");
        Tensor x = run.tensor("x");
        assertArrayEquals(x.grad().toArray(), run.trace().replayLeafGradients().get(x));
    }

    @Test
    void matmulAndBceWithLogitsReplayToTheWeightGradient() {
        Graphs.Run run = Graphs.run(String.join("\n", "import torch", "torch.manual_seed(0)",
                "x = torch.ones(5)", "y = torch.zeros(3)", "W = torch.randn(5, 3, requires_grad=True)",
                "b = torch.randn(3, requires_grad=True)", "z = torch.matmul(x, W) + b",
                "loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)", "loss.backward()"));
        Tensor w = run.tensor("W");
        assertArrayEquals(w.grad().toArray(), run.trace().replayLeafGradients().get(w));
        assertTrue(run.trace().steps().stream().anyMatch(s -> s.from().name().equals("BinaryCrossEntropyWithLogitsBackward0")));
        // a matrix product's local derivative is not elementwise
        TraceStep intoW = run.trace().steps().stream()
                .filter(s -> s.to() instanceof AccumulateGrad a && a.variable() == w).findFirst().orElseThrow();
        assertNull(intoW.local());
        assertEquals(List.of(5, 3), java.util.Arrays.stream(intoW.product().shape()).boxed().toList());
    }

    @Test
    void aPassLongerThanTheCapIsDroppedAndTheNextShortOneKept() {
        BackwardTrace trace = new BackwardTrace(50);
        org.autogradstudio.engine.Engine.addListener(trace);
        try {
            Tensor x = Tensor.scalar(0.5, org.autogradstudio.engine.DType.FLOAT64).requiresGrad_(true);
            Tensor y = x;
            for (int i = 0; i < 100; i++) {
                y = y.sin();
            }
            y.backward();
            assertTrue(trace.overflowed());
            assertFalse(trace.isComplete());
            assertTrue(trace.steps().isEmpty());
            assertTrue(trace.runOrder().isEmpty());
            // the pass itself is untouched by the trace giving up
            assertTrue(x.grad().item() > 0);

            Tensor z = x.mul(x);
            z.backward();
            assertFalse(trace.overflowed());
            assertTrue(trace.isComplete());
            assertEquals(3, trace.steps().size());
            assertArrayEquals(x.grad().toArray(), trace.replayLeafGradients().get(x));
        } finally {
            org.autogradstudio.engine.Engine.removeListener(trace);
        }
    }
}
