package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The events a {@link BackwardListener} receives are the engine's real execution: PyTorch's ready
 * queue runs the node with the highest sequence number first (AccumulateGrad highest of all), a
 * node runs once all its consumers have sent their gradients, and gradients meeting at a node are
 * summed before it runs.
 */
class BackwardEventsTest {
    private final List<String> events = new ArrayList<>();
    private final BackwardListener recorder = new BackwardListener() {
        @Override
        public void onBackwardStart(Tensor[] roots, Tensor[] gradients) {
            events.add("start " + gradients[0].item());
        }

        @Override
        public void onNodeRun(Node node, Tensor incomingGradient) {
            events.add("run " + label(node) + " " + incomingGradient.item());
        }

        @Override
        public void onEdge(Node from, Edge edge, Tensor gradient) {
            events.add("edge " + label(from) + " -> " + label(edge.function()) + " " + gradient.item());
        }

        @Override
        public void onAccumulate(Tensor leaf, Tensor incoming, Tensor total) {
            events.add("accumulate " + incoming.item() + " total " + total.item());
        }

        @Override
        public void onRetainedGrad(Tensor tensor, Tensor gradient) {
            events.add("retained " + gradient.item());
        }

        @Override
        public void onBackwardEnd() {
            events.add("end");
        }
    };

    private static String label(Node n) {
        return n instanceof AccumulateGrad ? "AccumulateGrad(" + ((AccumulateGrad) n).variable().item() + ")" : n.name();
    }

    private static Tensor leaf(double v) {
        return Tensor.scalar(v, DType.FLOAT64).requiresGrad_(true);
    }

    @AfterEach
    void stopListening() {
        Engine.removeListener(recorder);
    }

    /** The run order and incoming gradients were checked against PyTorch 1.13 with grad_fn pre-hooks and tensor hooks. */
    @Test
    void diamondRunsLatestFirstAndSumsAtTheJoin() {
        Tensor x = leaf(2), w = leaf(3);
        Tensor a = x.mul(w);       // MulBackward0, oldest
        Tensor b = a.neg();        // NegBackward0
        Tensor c = a.mul(a.detach()); // MulBackward0 (a.detach() gets no edge)
        Tensor loss = b.add(c);    // AddBackward0, newest
        Engine.addListener(recorder);
        loss.backward();
        assertEquals(List.of(
                "start 1.0",
                // the root gradient enters the graph along GraphRoot's edge
                "edge GraphRoot -> AddBackward0 1.0",
                "run AddBackward0 1.0",
                "edge AddBackward0 -> NegBackward0 1.0",
                "edge AddBackward0 -> MulBackward0 1.0",
                // c's MulBackward0 is newer than b's NegBackward0, so it runs first
                "run MulBackward0 1.0",
                "edge MulBackward0 -> MulBackward0 6.0",
                "run NegBackward0 1.0",
                "edge NegBackward0 -> MulBackward0 -1.0",
                // a's node ran once, with 6 + (-1)
                "run MulBackward0 5.0",
                "edge MulBackward0 -> AccumulateGrad(2.0) 15.0",
                "edge MulBackward0 -> AccumulateGrad(3.0) 10.0",
                "run AccumulateGrad(2.0) 15.0",
                "accumulate 15.0 total 15.0",
                "run AccumulateGrad(3.0) 10.0",
                "accumulate 10.0 total 10.0",
                "end"), events);
        assertEquals(15.0, x.grad().item());
        assertEquals(10.0, w.grad().item());
    }

    @Test
    void aLeafUsedTwiceGetsBothGradientsSummedAndAccumulatesOverPasses() {
        Tensor w = leaf(3);
        Tensor y = w.mul(w); // both edges of MulBackward0 lead to w's AccumulateGrad
        Engine.addListener(recorder);
        y.backward(null, true);
        assertEquals(List.of(
                "start 1.0",
                "edge GraphRoot -> MulBackward0 1.0",
                "run MulBackward0 1.0",
                "edge MulBackward0 -> AccumulateGrad(3.0) 3.0",
                "edge MulBackward0 -> AccumulateGrad(3.0) 3.0",
                "run AccumulateGrad(3.0) 6.0",
                "accumulate 6.0 total 6.0",
                "end"), events);
        events.clear();
        y.backward(null, false); // .grad accumulates until zeroed
        assertTrue(events.contains("accumulate 6.0 total 12.0"), events.toString());
        assertEquals(12.0, w.grad().item());
    }

    @Test
    void retainedGradsAreReported() {
        Tensor x = leaf(2);
        Tensor h = x.mul(Tensor.wrappedNumber(3, false));
        h.retainGrad();
        Tensor y = h.mul(h);
        Engine.addListener(recorder);
        y.backward();
        assertTrue(events.contains("retained 12.0"), events.toString());
        assertEquals(12.0, h.grad().item());
        assertEquals(36.0, x.grad().item());
    }

    @Test
    void aMillionNodeChainNeedsNoDeepStack() {
        Tensor x = leaf(1.5);
        Tensor y = x;
        for (int i = 0; i < 1_000_000; i++) {
            y = y.neg();
        }
        y.backward();
        assertEquals(1.0, x.grad().item());
        assertEquals(1.5, y.item());
    }

    @Test
    void theGraphIsFreedUnlessRetained() {
        Tensor x = leaf(0.5);
        Tensor y = x.sin();
        y.backward();
        TorchException e = assertThrows(TorchException.class, y::backward);
        assertTrue(e.getMessage().startsWith("Trying to backward through the graph a second time"), e.getMessage());
        assertTrue(((FunctionNode) y.gradFn()).isReleased());
    }

    @Test
    void backwardNeedsSomethingThatRequiresGrad() {
        Tensor c = Tensor.scalar(1, DType.FLOAT32);
        TorchException e = assertThrows(TorchException.class, c::backward);
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn", e.getMessage());
        Tensor v = Tensor.of(new double[] {1, 2}, new int[] {2}, DType.FLOAT32).requiresGrad_(true).mul(Tensor.wrappedNumber(2, false));
        assertEquals("grad can be implicitly created only for scalar outputs", assertThrows(TorchException.class, v::backward).getMessage());
    }

    @Test
    void aFailedPassLeavesNoGradientBehind() {
        Tensor x = leaf(1);
        Tensor y = x.exp();
        Tensor z = y.mul(y);
        BackwardListener failing = new BackwardListener() {
            @Override
            public void onNodeRun(Node node, Tensor incomingGradient) {
                if (node.name().equals("ExpBackward0")) {
                    throw new IllegalStateException("stop");
                }
            }
        };
        Engine.addListener(failing);
        try {
            assertThrows(IllegalStateException.class, () -> z.backward(null, true));
        } finally {
            Engine.removeListener(failing);
        }
        z.backward();
        assertEquals(2 * Math.exp(2), x.grad().item(), 1e-12);
        assertSame(null, y.grad());
    }
}
