package org.autogradstudio.engine;

import static org.autogradstudio.engine.GradCheck.awayFromZero;
import static org.autogradstudio.engine.GradCheck.uniform;
import static org.autogradstudio.engine.GradCheck.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The reductions along chosen dims (norm, var, std), softmax and log_softmax, the class-index
 * losses and maximum/minimum against finite differences in float64 on random shapes, dims,
 * targets and weights; plus the values PyTorch 1.13 printed for the cases a formula could get
 * subtly wrong (ties, an ignored target, a zero deviation).
 */
class GroupOpsGradientTest {
    private static final int TRIES = 25;

    /** A random set of distinct dims of a rank (possibly all of them), or null for "every dim". */
    private static int[] dims(Random r, int rank) {
        if (rank == 0 || r.nextInt(4) == 0) {
            return null;
        }
        java.util.List<Integer> all = new java.util.ArrayList<>();
        for (int d = 0; d < rank; d++) {
            all.add(r.nextBoolean() ? d : d - rank); // negative dims wrap as in PyTorch
        }
        java.util.Collections.shuffle(all, r);
        int k = 1 + r.nextInt(rank);
        return all.subList(0, k).stream().mapToInt(Integer::intValue).toArray();
    }

    @Property(tries = TRIES)
    void normAlongDims(@ForAll long seed) {
        Random r = new Random(seed);
        double p = new double[] {1, 2, 3}[r.nextInt(3)];
        int[] shape = GradCheck.shape(r, 3, 3);
        int[] dims = dims(r, shape.length);
        boolean keepdim = r.nextBoolean();
        GradCheck.check("norm p=" + p, t -> GroupReductions.norm(t[0], p, dims, keepdim), new int[][] {shape},
                new double[][] {values(r, shape, awayFromZero(0.1, 2))}, seed);
    }

    @Property(tries = TRIES)
    void varianceAndStandardDeviation(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = {2 + r.nextInt(3), 2 + r.nextInt(3)};
        int[] dims = dims(r, 2);
        double correction = r.nextInt(2);
        boolean keepdim = r.nextBoolean(), std = r.nextBoolean();
        GradCheck.check((std ? "std" : "var") + " correction " + correction,
                t -> std ? GroupReductions.std(t[0], dims, correction, keepdim) : GroupReductions.var(t[0], dims, correction, keepdim),
                new int[][] {shape}, new double[][] {values(r, shape, uniform(-2, 2))}, seed);
    }

    @Property(tries = TRIES)
    void softmaxAndLogSoftmax(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 3, 4);
        int dim = shape.length == 0 ? 0 : r.nextInt(shape.length) - (r.nextBoolean() ? shape.length : 0);
        boolean log = r.nextBoolean();
        GradCheck.check(log ? "log_softmax" : "softmax", t -> log ? Classification.logSoftmax(t[0], dim)
                : Classification.softmax(t[0], dim), new int[][] {shape}, new double[][] {values(r, shape, uniform(-3, 3))}, seed);
    }

    @Property(tries = TRIES)
    void crossEntropyAndNllLoss(@ForAll long seed) {
        Random r = new Random(seed);
        boolean batched = r.nextInt(4) != 0;
        int n = 1 + r.nextInt(4), classes = 2 + r.nextInt(3);
        int[] shape = batched ? new int[] {n, classes} : new int[] {classes};
        double[] targets = new double[batched ? n : 1];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = r.nextInt(classes);
        }
        // an ignored target, but never all of them (a mean over nothing is NaN, as in PyTorch)
        if (batched && n > 1 && r.nextBoolean()) {
            targets[0] = Classification.IGNORE_INDEX;
        }
        Tensor target = Tensor.of(targets, batched ? new int[] {n} : Shape.SCALAR, DType.INT64);
        String reduction = new String[] {"mean", "sum", "none"}[r.nextInt(3)];
        boolean weighted = r.nextBoolean(), ce = r.nextBoolean();
        double[] w = values(r, new int[] {classes}, uniform(0.5, 2));
        int[][] shapes = {shape, {classes}};
        GradCheck.check((ce ? "cross_entropy " : "nll_loss ") + reduction, t -> {
            Tensor weight = weighted ? t[1] : null;
            return ce ? Classification.crossEntropy(t[0], target, weight, Classification.IGNORE_INDEX, reduction)
                    : Classification.nllLoss(t[0], target, weight, Classification.IGNORE_INDEX, reduction);
        }, shapes, new double[][] {values(r, shape, uniform(-2, 2)), w}, new boolean[] {true, false}, seed);
    }

    @Property(tries = TRIES)
    void crossEntropyWithClassProbabilities(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = {1 + r.nextInt(3), 2 + r.nextInt(3)};
        String reduction = new String[] {"mean", "sum", "none"}[r.nextInt(3)];
        GradCheck.check("cross_entropy probabilities " + reduction,
                t -> Classification.crossEntropy(t[0], t[1], null, Classification.IGNORE_INDEX, reduction),
                new int[][] {shape, shape}, new double[][] {values(r, shape, uniform(-2, 2)), values(r, shape, uniform(0, 1))}, seed);
    }

    @Property(tries = TRIES)
    void maximumAndMinimum(@ForAll long seed) {
        Random r = new Random(seed);
        int[] full = GradCheck.shape(r, 3, 3);
        int[] other = GradCheck.broadcastable(r, full);
        boolean max = r.nextBoolean();
        // values drawn from disjoint bands per element would hide the selection: interleave them
        GradCheck.check(max ? "maximum" : "minimum", t -> max ? PairwiseOps.maximum(t[0], t[1]) : PairwiseOps.minimum(t[0], t[1]),
                new int[][] {full, other}, new double[][] {values(r, full, uniform(-2, 2)), values(r, other, uniform(-2.05, 2.05))}, seed);
    }

    // ---- values PyTorch 1.13 printed ------------------------------------------------------------

    private static Tensor leaf(double[] v, int... shape) {
        return Tensor.of(v, shape, DType.FLOAT32).requiresGrad_(true);
    }

    @Test
    void aTieSendsHalfTheGradientToEachSide() {
        Tensor x = leaf(new double[] {1, 2, 3}, 3);
        Tensor m = PairwiseOps.maximum(x, Tensor.scalar(2, DType.FLOAT32));
        assertEquals("MaximumBackward0", m.gradFn().name());
        m.sum().backward();
        assertArrayEquals(new double[] {0, 0.5, 1}, x.grad().toArray());
        // the whole-tensor inf-norm too (it gave NaN while it had a formula of its own): PyTorch's [0, -0.5, 0.5]
        Tensor v = leaf(new double[] {1, -3, 3}, 3);
        Reductions.norm(v, Double.POSITIVE_INFINITY).backward();
        assertArrayEquals(new double[] {0, -0.5, 0.5}, v.grad().toArray());
    }

    @Test
    void crossEntropyIsNllLossOverLogSoftmaxWithPyTorchsValues() {
        Tensor x = leaf(new double[] {0.5, -1.0, 2.0, 1.5, 0.2, -0.3}, 2, 3);
        Tensor t = Tensor.of(new double[] {2, 0}, new int[] {2}, DType.INT64);
        Tensor loss = Classification.crossEntropy(x, t, null, Classification.IGNORE_INDEX, "mean");
        assertEquals("NllLossBackward0", loss.gradFn().name());
        assertEquals("LogSoftmaxBackward0", loss.gradFn().nextFunction(0).name());
        assertEquals("tensor(0.3022, grad_fn=<NllLossBackward0>)", loss.toString());
        loss.backward();
        assertEquals("tensor([[ 0.0876,  0.0196, -0.1072],\n        [-0.1523,  0.0948,  0.0575]])", x.grad().toString());
        Tensor ignored = Classification.crossEntropy(x, Tensor.of(new double[] {2, -100}, new int[] {2}, DType.INT64), null,
                Classification.IGNORE_INDEX, "mean");
        assertEquals("tensor(0.2413, grad_fn=<NllLossBackward0>)", ignored.toString());
        Tensor weighted = Classification.crossEntropy(x, t, Tensor.of(new double[] {1, 2, 3}, new int[] {3}, DType.FLOAT32),
                Classification.IGNORE_INDEX, "mean");
        assertEquals("tensor(0.2718, grad_fn=<NllLossBackward0>)", weighted.toString());
    }

    @Test
    void softmaxOfALargeLogitIsOneNotNaN() {
        Tensor s = Classification.softmax(Tensor.of(new double[] {1000, 0}, new int[] {2}, DType.FLOAT32), 0);
        assertEquals("tensor([1., 0.])", s.toString());
        assertEquals("tensor([    0., -1000.])",
                Classification.logSoftmax(Tensor.of(new double[] {1000, 0}, new int[] {2}, DType.FLOAT32), 0).toString());
    }

    @Test
    void aConstantTensorsStdHasAZeroGradient() {
        Tensor y = leaf(new double[] {1, 1, 1}, 3);
        Tensor s = GroupReductions.std(y, null, 1, false);
        assertEquals("tensor(0., grad_fn=<StdBackward0>)", s.toString());
        s.backward();
        assertArrayEquals(new double[] {0, 0, 0}, y.grad().toArray());
        Tensor x = leaf(new double[] {0.5, -1.0, 2.0, 1.5, 0.2, -0.3}, 2, 3);
        assertEquals("tensor([2.2500, 0.8633], grad_fn=<VarBackward0>)", GroupReductions.var(x, new int[] {1}, 1, false).toString());
        assertEquals("tensor([[0.7071, 0.8485, 1.6263]], grad_fn=<StdBackward0>)",
                GroupReductions.std(x, new int[] {0}, 1, true).toString());
        assertEquals("tensor([2.2913, 1.5427], grad_fn=<NormBackward1>)", GroupReductions.norm(x, 2, new int[] {1}, false).toString());
    }

    @Test
    void badTargetsGetPyTorchsErrors() {
        Tensor x = leaf(new double[] {0.5, -1.0, 2.0, 1.5, 0.2, -0.3}, 2, 3);
        TorchException bounds = assertThrows(TorchException.class, () -> Classification.crossEntropy(x,
                Tensor.of(new double[] {3, 0}, new int[] {2}, DType.INT64), null, Classification.IGNORE_INDEX, "mean"));
        assertEquals("IndexError", bounds.pythonType());
        assertEquals("Target 3 is out of bounds.", bounds.getMessage());
        TorchException dtype = assertThrows(TorchException.class, () -> Classification.crossEntropy(x,
                Tensor.of(new double[] {2, 0}, new int[] {2}, DType.FLOAT32), null, Classification.IGNORE_INDEX, "mean"));
        assertEquals("expected scalar type Long but found Float", dtype.getMessage());
        TorchException batch = assertThrows(TorchException.class, () -> Classification.crossEntropy(x,
                Tensor.of(new double[] {2, 0, 1}, new int[] {3}, DType.INT64), null, Classification.IGNORE_INDEX, "mean"));
        assertTrue(batch.getMessage().startsWith("Expected input batch_size (2) to match target batch_size (3)"));
    }

    @Property(tries = TRIES)
    void prodAndCumsum(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 3, 3);
        Integer dim = shape.length == 0 || r.nextBoolean() ? null : r.nextInt(shape.length);
        boolean keepdim = r.nextBoolean(), cumsum = shape.length > 0 && r.nextBoolean();
        int along = shape.length == 0 ? 0 : r.nextInt(shape.length);
        GradCheck.check(cumsum ? "cumsum " + along : "prod " + dim, t -> cumsum ? GroupReductions.cumsum(t[0], along)
                : GroupReductions.prod(t[0], dim, keepdim), new int[][] {shape},
                new double[][] {values(r, shape, awayFromZero(0.3, 1.5))}, seed);
    }

    @Test
    void prodOfZerosGivesTheProductOfTheOthers() {
        Tensor z = leaf(new double[] {2, 0, 3}, 3);
        GroupReductions.prod(z, null, false).backward();
        assertArrayEquals(new double[] {0, 6, 0}, z.grad().toArray());
        Tensor two = leaf(new double[] {2, 0, 0}, 3);
        GroupReductions.prod(two, null, false).backward();
        assertArrayEquals(new double[] {0, 0, 0}, two.grad().toArray());
    }

    @Test
    void backwardLeavesTheSoftmaxItSavedUntouched() {
        Tensor x = leaf(new double[] {0.5, -1.0, 2.0, 1.5, 0.2, -0.3}, 2, 3);
        for (boolean log : new boolean[] {false, true}) {
            Tensor y = log ? Classification.logSoftmax(x, 1) : Classification.softmax(x, 1);
            double[] before = y.toArray();
            y.mul(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}, DType.FLOAT32)).sum().backward();
            assertArrayEquals(before, y.toArray(), "the result a node saved is read, never written");
        }
    }

    @Property(tries = TRIES)
    void logsumexpAndAmax(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 3, 3);
        int[] dims = dims(r, shape.length);
        boolean keepdim = r.nextBoolean(), lse = r.nextBoolean(), max = r.nextBoolean();
        // distinct values: amax's gradient is not differentiable at ties
        double[] v = values(r, shape, uniform(-2, 2));
        for (int i = 0; i < v.length; i++) {
            v[i] += 0.01 * i;
        }
        GradCheck.check(lse ? "logsumexp" : max ? "amax" : "amin", t -> lse ? GroupReductions.logsumexp(t[0], dims, keepdim)
                : GroupReductions.amax(t[0], dims, keepdim, max), new int[][] {shape}, new double[][] {v}, seed);
    }

    @Property(tries = TRIES)
    void selections(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = {1 + r.nextInt(3), 1 + r.nextInt(4)};
        int dim = r.nextInt(2);
        int op = r.nextInt(4);
        double[] picks = new double[2 * shape[0] * shape[1]];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = r.nextInt(shape[dim]); // repeated picks: their gradients add up
        }
        int[] indexShape = shape.clone();
        indexShape[1 - dim] = 1 + r.nextInt(shape[1 - dim]);
        Tensor gatherIndex = Tensor.of(java.util.Arrays.copyOf(picks, Shape.numel(indexShape)), indexShape, DType.INT64);
        Tensor selectIndex = Tensor.of(java.util.Arrays.copyOf(picks, 3), new int[] {3}, DType.INT64);
        GradCheck.check("selection " + op, t -> {
            switch (op) {
                case 0: return Selections.gather(t[0], dim, gatherIndex);
                case 1: return Selections.indexSelect(t[0], dim, selectIndex);
                case 2: return Selections.flip(t[0], new int[] {dim});
                default: return Selections.repeat(t[0], new int[] {2, 1, 3});
            }
        }, new int[][] {shape}, new double[][] {values(r, shape, uniform(-2, 2))}, seed);
    }
}
