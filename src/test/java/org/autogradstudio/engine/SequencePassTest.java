package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * A pass nobody watches runs by sequence number alone ({@link SequencePass}); one a listener
 * watches counts dependencies first, as PyTorch's engine. Both must leave the same gradients, to
 * the bit, on random graphs where gradients meet several times, leaves already hold gradients and
 * parts of the graph were freed by an earlier backward: the same error, and the same leaves updated
 * before it.
 */
class SequencePassTest {
    private static final BackwardListener WATCHER = new BackwardListener() {
    };

    /** What one pass left: each leaf's gradient values (null: none), and the error, if any. */
    private record Outcome(List<double[]> grads, String error) {
    }

    private static Outcome build(long seed, boolean watched) {
        Random r = new Random(seed);
        List<Tensor> leaves = new ArrayList<>();
        List<Tensor> values = new ArrayList<>();
        int numLeaves = 2 + r.nextInt(3);
        for (int i = 0; i < numLeaves; i++) {
            boolean vector = r.nextBoolean();
            double[] data = vector ? new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()} : new double[] {r.nextGaussian()};
            Tensor leaf = Tensor.of(data, vector ? new int[] {3} : new int[0], DType.FLOAT32).requiresGrad_(true);
            if (r.nextBoolean()) {
                // a gradient already there: the pass adds into it
                leaf.mul(r.nextGaussian()).sum().backward();
            }
            leaves.add(leaf);
            values.add(leaf);
        }
        int ops = 3 + r.nextInt(25);
        for (int k = 0; k < ops; k++) {
            Tensor a = values.get(r.nextInt(values.size()));
            Tensor b = values.get(r.nextInt(values.size()));
            Tensor v;
            switch (r.nextInt(7)) {
                case 0: v = a.add(b); break;
                case 1: v = a.mul(b); break;
                case 2: v = a.sub(b); break;
                case 3: v = a.sin(); break;
                case 4: v = a.tanh(); break;
                case 5: v = a.mul(0.5 + r.nextDouble()); break;
                default: v = a.sum(); break;
            }
            values.add(v);
        }
        Tensor root = values.get(values.size() - 1).sum();
        for (int k = values.size() - 2; k >= numLeaves && r.nextInt(3) == 0; k--) {
            root = root.add(values.get(k).sum());
        }
        if (r.nextInt(3) == 0) {
            // frees the saved tensors of part of the graph
            values.get(numLeaves + r.nextInt(values.size() - numLeaves)).sum().backward();
        }
        String error = null;
        if (watched) {
            Engine.addListener(WATCHER);
        }
        try {
            root.backward();
        } catch (TorchException e) {
            error = e.getMessage();
        } finally {
            Engine.removeListener(WATCHER);
        }
        List<double[]> grads = new ArrayList<>();
        for (Tensor leaf : leaves) {
            grads.add(leaf.grad() == null ? null : leaf.grad().values().clone());
        }
        return new Outcome(grads, error);
    }

    @Property(tries = 400)
    void unwatchedPassesLeavePyTorchsGradients(@ForAll long seed) {
        Outcome watched = build(seed, true);
        Outcome unwatched = build(seed, false);
        assertEquals(watched.error(), unwatched.error());
        assertEquals(watched.grads().size(), unwatched.grads().size());
        for (int i = 0; i < watched.grads().size(); i++) {
            double[] w = watched.grads().get(i), u = unwatched.grads().get(i);
            if (w == null || u == null) {
                assertEquals(w, u, "leaf " + i);
            } else {
                assertArrayEquals(w, u, 0.0, "leaf " + i);
            }
        }
    }

    /**
     * A leaf whose only consumer ran before the failing node has its gradient, as in PyTorch: w's
     * branch is new and runs first, then x's freed branch fails.
     */
    @Test
    void aFailedPassKeepsTheLeavesPyTorchHadUpdated() {
        for (boolean watched : new boolean[] {false, true}) {
            Tensor x = Tensor.scalar(2, DType.FLOAT32).requiresGrad_(true);
            Tensor w = Tensor.scalar(3, DType.FLOAT32).requiresGrad_(true);
            Tensor a = x.mul(x);
            a.backward();
            Tensor loss = a.add(w.mul(w));
            if (watched) {
                Engine.addListener(WATCHER);
            }
            try {
                TorchException e = assertThrows(TorchException.class, loss::backward);
                assertEquals(true, e.getMessage().startsWith("Trying to backward through the graph a second time"));
            } finally {
                Engine.removeListener(WATCHER);
            }
            assertEquals(6.0, w.grad().item(), "watched " + watched);
            assertEquals(4.0, x.grad().item(), "watched " + watched);
        }
    }

    /** A chain far longer than any stack: the pass is iterative. */
    @Test
    void aMillionNodeChainRunsUnwatched() {
        Tensor x = Tensor.scalar(1, DType.FLOAT64).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < 1_000_000; i++) {
            y = y.mul(1.0);
        }
        y.backward();
        assertEquals(1.0, x.grad().item());
    }
}
