package org.autogradstudio.ui.whatif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.autogradstudio.engine.Classification;
import org.autogradstudio.engine.CustomFunction;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.ElementwiseExtras;
import org.autogradstudio.engine.GroupReductions;
import org.autogradstudio.engine.PairwiseOps;
import org.autogradstudio.engine.Selections;
import org.autogradstudio.engine.Sorting;
import org.autogradstudio.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The what-if replay of the newer ops gives what the engine computes from the moved values, gradients included. */
class EngineReplayExtraOpsTest {
    private static final double[] START = {0.4, -1.2, 2.0, 0.7, 0.1, -0.3};
    private static final double[] MOVED = {1.4, -0.2, 0.5, 0.9, -2.1, 0.6};
    private static final Tensor CLASSES = Tensor.of(new double[] {2, 0}, new int[] {2}, DType.INT64);

    private static Tensor leaf(double[] v) {
        return Tensor.of(v.clone(), new int[] {2, 3}, DType.FLOAT64).requiresGrad_(true);
    }

    private static void replays(Function<Tensor, Tensor> f) {
        Tensor x = leaf(START);
        // recorded as a session records: what-if replays read the nodes' inputs
        boolean keptBefore = org.autogradstudio.engine.GraphValues.setKept(true);
        Tensor root;
        try {
            root = f.apply(x);
        } finally {
            org.autogradstudio.engine.GraphValues.setKept(keptBefore);
        }
        EngineReplay.Result r = EngineReplay.run(List.of(root), Map.of(x, MOVED));
        Tensor direct = leaf(MOVED);
        Tensor expected = f.apply(direct);
        expected.backward();
        assertEquals(expected.item(), r.roots().get(0).item(), 1e-12, root.gradFn().name());
        assertArrayEquals(direct.grad().toArray(), r.of(x).grad().toArray(), 1e-12, root.gradFn().name());
    }

    @Test
    void classificationOps() {
        replays(x -> Classification.crossEntropy(x, CLASSES, null, -100, "mean"));
        replays(x -> Classification.crossEntropy(x, CLASSES, Tensor.of(new double[] {1, 2, 0.5}, new int[] {3}, DType.FLOAT64), -100, "sum"));
        replays(x -> Classification.softmax(x, 1).mul(x).sum());
    }

    @Test
    void reductionsAndElementwiseFunctions() {
        replays(x -> GroupReductions.var(x, new int[] {1}, 1, false).sum());
        replays(x -> GroupReductions.std(x, null, 0, false));
        replays(x -> GroupReductions.norm(x, 3, new int[] {0}, true).sum());
        replays(x -> GroupReductions.prod(x, 1, false).sum());
        replays(x -> GroupReductions.cumsum(x, 1).mul(x).sum());
        replays(x -> GroupReductions.logsumexp(x, new int[] {1}, false).sum());
        replays(x -> GroupReductions.amax(x, new int[] {1}, false, true).sum());
        replays(x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.ATAN, x).sum());
        replays(x -> ElementwiseExtras.leakyRelu(x, 0.2).sum());
        replays(x -> ElementwiseExtras.softplus(x, 2, 3).mul(x).sum());
        replays(x -> ElementwiseExtras.gelu(x, false).sum());
        replays(x -> ElementwiseExtras.maskedFill(x, Tensor.of(new double[] {1, 0, 1}, new int[] {3}, DType.BOOL), 3).mul(x).sum());
        replays(x -> PairwiseOps.maximum(x, Selections.flip(x, new int[] {1})).sum());
        replays(x -> Selections.repeat(x, new int[] {2, 1}).mul(2).sum());
    }

    @Test
    void picksReplayWithTheSameIndexAndSortsAgain() {
        Tensor index = Tensor.of(new double[] {2, 0, 1, 1}, new int[] {2, 2}, DType.INT64);
        replays(x -> Selections.gather(x, 1, index).mul(Tensor.of(new double[] {1, 2, 3, 4}, new int[] {2, 2}, DType.FLOAT64)).sum());
        replays(x -> Selections.indexSelect(x, 1, Tensor.of(new double[] {2, 2, 0}, new int[] {3}, DType.INT64)).mul(Selections.flip(x, new int[] {1})).sum());
        replays(x -> Selections.diag(x).mul(3).sum());
        replays(x -> Selections.diag(x.sum(new int[] {0}, false)).mul(x.sum()).sum());
        replays(x -> Sorting.sort(x, 1, true).values().mul(Tensor.of(new double[] {1, -1, 2}, new int[] {3}, DType.FLOAT64)).sum());
        replays(x -> Sorting.topk(x, 2, 1, false).values().mul(Tensor.of(new double[] {1, -3}, new int[] {2}, DType.FLOAT64)).sum());
        replays(x -> Sorting.median(x).mul(2));
        replays(x -> Sorting.median(x, 1, true).values().mul(x).sum());
    }

    @Test
    void aScriptsOwnFunctionIsNamed() {
        Tensor x = leaf(START);
        Tensor out = CustomFunction.record(x.detach().mul(2), "DoubleItBackward", new Tensor[] {x}, new Tensor[0],
                (node, g) -> new Tensor[] {g.mul(2)});
        Tensor root = out.sum();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> EngineReplay.run(List.of(root), Map.of(x, MOVED)));
        assertTrue(e.getMessage().contains("DoubleItBackward") && e.getMessage().contains("script's own"), e.getMessage());
    }
}
