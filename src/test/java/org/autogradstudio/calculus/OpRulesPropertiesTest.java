package org.autogradstudio.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.autogradstudio.engine.Classification;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.ElementwiseExtras;
import org.autogradstudio.engine.GroupReductions;
import org.autogradstudio.engine.PairwiseOps;
import org.autogradstudio.engine.Selections;
import org.autogradstudio.engine.Sorting;
import org.autogradstudio.engine.Tensor;

/**
 * The rules of softmax, log_softmax, nll_loss / cross_entropy, the group reductions, cumsum, the
 * named elementwise functions, maximum/minimum, masked_fill, tril/triu and the picking ops, checked as
 * {@link ChainRulePropertiesTest} checks the others: on random float64 inputs, each op's output
 * weighted by a random constant and summed (so the upstream gradient differs per element), the
 * chain rule worked from the recorded graph equals the engine's {@code .grad}, the replayed
 * forward gives the recorded root, and a finite difference (a replay through the rules'
 * forwards) agrees.
 */
class OpRulesPropertiesTest {
    /** One op applied to a leaf of shape {@code shape}; {@code smooth}: finite differences may be taken anywhere. */
    record Case(String name, int[] shape, boolean smooth, Function<Tensor, Tensor> op) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Tensor longs(int[] shape, double... v) {
        return Tensor.of(v, shape, DType.INT64);
    }

    private static Tensor doubles(int[] shape, double... v) {
        return Tensor.of(v, shape, DType.FLOAT64);
    }

    private static final int[] M = {4, 3};
    private static final int[] V = {5};
    private static final Tensor CLASSES = longs(new int[] {4}, 0, 2, 1, 2);
    private static final Tensor CLASS_WEIGHTS = doubles(new int[] {3}, 0.5, 2, 1.5);

    static final List<Case> CASES = List.of(
            new Case("softmax dim=1", M, true, x -> Classification.softmax(x, 1)),
            new Case("softmax dim=0", M, true, x -> Classification.softmax(x, 0)),
            new Case("softmax of a vector", V, true, x -> Classification.softmax(x, -1)),
            new Case("log_softmax dim=1", M, true, x -> Classification.logSoftmax(x, 1)),
            new Case("log_softmax dim=0", M, true, x -> Classification.logSoftmax(x, 0)),
            new Case("cross_entropy mean", M, true, x -> Classification.crossEntropy(x, CLASSES, null, -100, "mean")),
            new Case("cross_entropy weighted", M, true, x -> Classification.crossEntropy(x, CLASSES, CLASS_WEIGHTS, -100, "mean")),
            new Case("cross_entropy sum", M, true, x -> Classification.crossEntropy(x, CLASSES, null, -100, "sum")),
            new Case("cross_entropy none", M, true, x -> Classification.crossEntropy(x, CLASSES, CLASS_WEIGHTS, -100, "none")),
            new Case("cross_entropy ignore_index", M, true, x -> Classification.crossEntropy(x, CLASSES, null, 2, "mean")),
            new Case("nll_loss of a vector", V, true, x -> Classification.nllLoss(x, longs(new int[0], 3), null, -100, "mean")),
            new Case("linear classifier", M, true, x -> Classification.crossEntropy(
                    x.matmul(doubles(new int[] {3, 3}, 0.2, -0.5, 1, 0.7, 0.1, -0.3, -1.1, 0.4, 0.6)), CLASSES, null, -100, "mean")),
            new Case("var dim=1", M, true, x -> GroupReductions.var(x, new int[] {1}, 1, false)),
            new Case("var all", M, true, x -> GroupReductions.var(x, null, 1, false)),
            new Case("std dim=0 correction=0 keepdim", M, true, x -> GroupReductions.std(x, new int[] {0}, 0, true)),
            new Case("std all", V, true, x -> GroupReductions.std(x, null, 1, false)),
            new Case("norm dim=1", M, true, x -> GroupReductions.norm(x, 2, new int[] {1}, false)),
            new Case("norm p=3 dim=0 keepdim", M, true, x -> GroupReductions.norm(x, 3, new int[] {0}, true)),
            new Case("norm p=inf dim=1", M, false, x -> GroupReductions.norm(x, Double.POSITIVE_INFINITY, new int[] {1}, false)),
            new Case("prod all", V, true, x -> GroupReductions.prod(x, null, false)),
            new Case("prod dim=1", M, true, x -> GroupReductions.prod(x, 1, false)),
            new Case("prod dim=0 keepdim", M, true, x -> GroupReductions.prod(x, 0, true)),
            new Case("cumsum dim=1", M, true, x -> GroupReductions.cumsum(x, 1)),
            new Case("cumsum dim=0", M, true, x -> GroupReductions.cumsum(x, 0)),
            new Case("logsumexp dim=1", M, true, x -> GroupReductions.logsumexp(x, new int[] {1}, false)),
            new Case("logsumexp all keepdim", M, true, x -> GroupReductions.logsumexp(x, new int[] {0, 1}, true)),
            new Case("amax dim=1", M, false, x -> GroupReductions.amax(x, new int[] {1}, false, true)),
            new Case("amin all", M, false, x -> GroupReductions.amax(x, null, false, false)),
            new Case("median all", V, false, Sorting::median),
            new Case("median dim=1", M, false, x -> Sorting.median(x, 1, false).values()),
            new Case("round", V, false, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.ROUND, x).add(x)),
            new Case("floor, ceil, trunc, sign", V, false, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.FLOOR, x)
                    .add(ElementwiseExtras.apply(ElementwiseExtras.Fn.CEIL, x)).add(ElementwiseExtras.apply(ElementwiseExtras.Fn.TRUNC, x))
                    .add(ElementwiseExtras.apply(ElementwiseExtras.Fn.SIGN, x)).add(x.mul(x))),
            new Case("frac", V, false, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.FRAC, x)),
            new Case("log1p", V, true, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.LOG1P, x.mul(x))),
            new Case("expm1", V, true, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.EXPM1, x)),
            new Case("atan", V, true, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.ATAN, x)),
            new Case("asin", V, true, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.ASIN, x.tanh().mul(0.9))),
            new Case("acos", V, true, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.ACOS, x.tanh().mul(0.9))),
            new Case("sinh", V, true, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.SINH, x)),
            new Case("cosh", V, true, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.COSH, x)),
            new Case("erf", V, true, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.ERF, x)),
            new Case("leaky_relu", V, false, x -> ElementwiseExtras.leakyRelu(x, 0.1)),
            new Case("elu", V, false, x -> ElementwiseExtras.elu(x, 0.7)),
            new Case("softplus", V, true, x -> ElementwiseExtras.softplus(x, 2, 20)),
            new Case("softplus past its threshold", V, false, x -> ElementwiseExtras.softplus(x, 3, 1.5)),
            new Case("silu", V, true, ElementwiseExtras::silu),
            new Case("gelu", V, true, x -> ElementwiseExtras.gelu(x, false)),
            new Case("gelu tanh", V, true, x -> ElementwiseExtras.gelu(x, true)),
            new Case("clamp_min, clamp_max", V, false, x -> ElementwiseExtras.clampMin(x, -0.5).add(ElementwiseExtras.clampMax(x, 1.5))),
            new Case("masked_fill", M, true, x -> ElementwiseExtras.maskedFill(x,
                    Tensor.of(new double[] {1, 0, 0}, new int[] {3}, DType.BOOL), 7.5)),
            new Case("tril, triu", M, true, x -> org.autogradstudio.engine.Triangular.tril(x, 0)
                    .add(org.autogradstudio.engine.Triangular.triu(x.mul(x), 1))),
            new Case("maximum with a constant", M, false, x -> PairwiseOps.maximum(x, doubles(new int[] {3}, 0.1, -0.2, 0.3))),
            new Case("minimum of two paths", V, false, x -> PairwiseOps.minimum(x, Selections.flip(x, new int[] {0}).mul(0.5))),
            new Case("gather", M, true, x -> Selections.gather(x, 1, longs(new int[] {4, 2}, 0, 2, 1, 1, 2, 0, 0, 0))),
            new Case("index_select", M, true, x -> Selections.indexSelect(x, 0, longs(new int[] {3}, 3, 0, 3))),
            new Case("flip", M, true, x -> Selections.flip(x, new int[] {0, 1})),
            new Case("repeat", V, true, x -> Selections.repeat(x, new int[] {2, 2})),
            new Case("diag of a vector", V, true, Selections::diag),
            new Case("diag of a matrix", M, true, Selections::diag),
            new Case("sort", M, false, x -> Sorting.sort(x, 1, true).values()),
            new Case("topk", V, false, x -> Sorting.topk(x, 2, 0, true).values()));

    record Built(Tensor leaf, Tensor root) {
    }

    /** {@code sum(op(x) * w)} with w a fixed, uneven weighting of the op's output. */
    static Built build(Case c, List<Double> values) {
        int n = Values.numel(c.shape());
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = values.get(k);
        }
        Tensor x = doubles(c.shape(), v).requiresGrad_(true);
        // derived graphs are recorded as a session records them: nodes keep their inputs and outputs
        boolean keptBefore = org.autogradstudio.engine.GraphValues.setKept(true);
        try {
            Tensor y = c.op().apply(x);
            double[] w = new double[y.numel()];
            for (int k = 0; k < w.length; k++) {
                w[k] = 0.3 + 0.7 * ((k * 37) % 11) / 10.0 - (k % 3 == 1 ? 1.2 : 0);
            }
            Tensor root = y.mul(doubles(y.shape(), w)).sum();
            root.backward();
            return new Built(x, root);
        } finally {
            org.autogradstudio.engine.GraphValues.setKept(keptBefore);
        }
    }

    private static void close(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(expected - actual) <= tol * (1 + Math.abs(expected)), what + ": expected " + expected + " but was " + actual);
    }

    /** Values away from the jumps of the piecewise ops (integers, halves) and from ties, where finite differences straddle. */
    private static boolean wellInside(List<Double> values, int n) {
        for (int i = 0; i < n; i++) {
            double v = values.get(i);
            if (Math.abs(v * 2 - Math.rint(v * 2)) < 2e-3) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (Math.abs(Math.abs(v) - Math.abs(values.get(j))) < 2e-3 || Math.abs(v - 0.5 * values.get(j)) < 2e-3
                        || Math.abs(0.5 * v - values.get(j)) < 2e-3) {
                    return false;
                }
            }
        }
        return true;
    }

    @Provide
    Arbitrary<Integer> cases() {
        return Arbitraries.integers().between(0, CASES.size() - 1);
    }

    @Provide
    Arbitrary<List<Double>> values() {
        return Arbitraries.doubles().between(-2, 2).ofScale(4).list().ofSize(12);
    }

    @Property(tries = 600)
    void chainRuleEqualsAutogradAndFiniteDifference(@ForAll("cases") int which, @ForAll("values") List<Double> values,
                                                    @ForAll("elements") int pick) {
        Case c = CASES.get(which);
        boolean inside = wellInside(values, Values.numel(c.shape()));
        Assume.that(c.smooth() || inside);
        Built b = build(c, values);
        Tensor leaf = b.leaf();
        int element = pick % leaf.numel();
        Derivation d = ChainRule.derive(leaf, b.root(), Symbols.none().name(leaf, "x"), element);
        double[] grad = leaf.grad().toArray();
        close(grad[element], d.value(), 1e-9, c + ": d root/d x[" + element + "]");
        double[] all = d.gradient();
        assertNotNull(all, c + ": the gradient is computed");
        for (int i = 0; i < grad.length; i++) {
            close(grad[i], all[i], 1e-9, c + ": gradient[" + i + "]");
        }
        assertTrue(d.agreesWithAutograd(), c.toString());
        for (String note : d.notes()) {
            assertTrue(!note.startsWith("no rule for"), c + ": " + note);
        }
        Values replayed = new Replay(new RecordedGraph(b.root())).run(leaf.gradAccumulator(), Values.of(leaf));
        close(b.root().item(), replayed.data()[0], 1e-9, c + ": the replayed root");
        FiniteDifference.Result fd = FiniteDifference.check(leaf, b.root(), 1e-6, element);
        assertTrue(fd.agrees(), c + ": finite difference " + fd.estimate() + " vs autograd " + fd.autograd());
        close(fd.estimate(), d.value(), 1e-5, c + ": derivation against finite difference");
    }

    @Provide
    Arbitrary<Integer> elements() {
        return Arbitraries.integers().between(0, 11);
    }

    /** Fixed values away from jumps and ties (no two magnitudes equal, none a half-integer). */
    static final List<Double> FIXED = List.of(0.83, -1.37, 0.21, 1.64, -0.58, 0.07, -1.93, 1.18, 0.44, -0.31, 1.71, -0.97);

    @org.junit.jupiter.api.Test
    void everyCaseAtEveryElement() {
        assertTrue(wellInside(FIXED, FIXED.size()));
        for (Case c : CASES) {
            Built b = build(c, FIXED);
            double[] grad = b.leaf().grad().toArray();
            for (int e = 0; e < grad.length; e++) {
                Derivation d = ChainRule.derive(b.leaf(), b.root(), Symbols.none().name(b.leaf(), "x"), e);
                close(grad[e], d.value(), 1e-9, c + " at element " + e);
                FiniteDifference.Result fd = FiniteDifference.check(b.leaf(), b.root(), 1e-6, e);
                assertTrue(fd.agrees(), c + ": finite difference " + fd.estimate() + " vs autograd " + fd.autograd() + " at " + e);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void tiesShareTheGradientAsAutogradDoes() {
        List<Function<Tensor, Tensor>> ops = List.of(
                x -> PairwiseOps.maximum(x, doubles(new int[] {4}, 1, 0, 3, 0.5)),
                x -> PairwiseOps.minimum(x, doubles(new int[] {4}, 1, 0, 3, 0.5)),
                x -> GroupReductions.amax(x, null, false, true),
                x -> GroupReductions.norm(x, Double.POSITIVE_INFINITY, new int[] {0}, false),
                Sorting::median);
        for (int k = 0; k < ops.size(); k++) {
            Tensor x = doubles(new int[] {4}, 1, 2, 2, 0.5).requiresGrad_(true);
            boolean keptBefore = org.autogradstudio.engine.GraphValues.setKept(true);
            Tensor root;
            try {
                root = ops.get(k).apply(x).mul(doubles(new int[0], 1.5)).sum();
            } finally {
                org.autogradstudio.engine.GraphValues.setKept(keptBefore);
            }
            root.backward();
            double[] grad = x.grad().toArray();
            for (int e = 0; e < 4; e++) {
                Derivation d = ChainRule.derive(x, root, Symbols.none().name(x, "x"), e);
                close(grad[e], d.value(), 1e-12, "op " + k + " at element " + e);
            }
        }
    }
}
