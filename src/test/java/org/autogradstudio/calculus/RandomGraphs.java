package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Index;
import org.autogradstudio.engine.Indexing;
import org.autogradstudio.engine.LinearAlgebra;
import org.autogradstudio.engine.Losses;
import org.autogradstudio.engine.Pointwise;
import org.autogradstudio.engine.Reductions;
import org.autogradstudio.engine.ShapeOps;
import org.autogradstudio.engine.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random computation graphs built from the engine's ops in float64: a few leaves (scalars,
 * vectors of 3, 2x3 matrices; some requiring grad, some constants) and a few steps each applying
 * one op to earlier results, with domains kept safe (log of u^2 + 1, division by u^2 + 1 ...),
 * ending in a scalar root.
 */
final class RandomGraphs {
    static final int[][] SHAPES = {{}, {3}, {2, 3}};
    /** Ops whose derivative jumps somewhere (relu, abs, clamp, max): finite differences may straddle the jump. */
    static final int FIRST_PIECEWISE = 30;

    record Leaf(int shape, boolean requiresGrad, List<Double> values) {
    }

    record Step(int op, int a, int b, int k) {
    }

    record Program(List<Leaf> leaves, List<Step> steps, boolean mean) {
        @Override
        public String toString() {
            return "Program" + leaves + steps + (mean ? " mean" : " sum");
        }
    }

    /** A program and what running it gave. */
    record Built(Program program, List<Tensor> leaves, List<Tensor> pool, Tensor root, Symbols symbols) {
    }

    private RandomGraphs() {
    }

    static Arbitrary<Program> programs(boolean allowPiecewise) {
        Arbitrary<Leaf> leaf = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, true, false),
                Arbitraries.doubles().between(-2, 2).ofScale(3).list().ofSize(6)).as(Leaf::new);
        int ops = allowPiecewise ? 34 : FIRST_PIECEWISE;
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, ops - 1), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 3)).as(Step::new);
        return Combinators.combine(leaf.list().ofMinSize(1).ofMaxSize(3), step.list().ofMinSize(1).ofMaxSize(7),
                Arbitraries.of(true, false)).as(Program::new);
    }

    /** Records {@code p} as a session records what it derives: its nodes keep their inputs and outputs. */
    static Built build(Program p) {
        boolean kept = org.autogradstudio.engine.GraphValues.setKept(true);
        try {
            return record(p);
        } finally {
            org.autogradstudio.engine.GraphValues.setKept(kept);
        }
    }

    /** Records {@code p} as a plain run does (lean nodes: saved values kept as numbers). */
    static Built buildLean(Program p) {
        boolean kept = org.autogradstudio.engine.GraphValues.setKept(false);
        try {
            return record(p);
        } finally {
            org.autogradstudio.engine.GraphValues.setKept(kept);
        }
    }

    private static Built record(Program p) {
        List<Tensor> leaves = new ArrayList<>();
        Symbols symbols = Symbols.none();
        for (int i = 0; i < p.leaves().size(); i++) {
            Leaf l = p.leaves().get(i);
            int[] shape = SHAPES[l.shape()];
            double[] v = new double[Values.numel(shape)];
            for (int k = 0; k < v.length; k++) {
                v[k] = l.values().get(k);
            }
            Tensor t = Tensor.of(v, shape, DType.FLOAT64);
            if (l.requiresGrad()) {
                t.requiresGrad_(true);
            }
            leaves.add(t);
            symbols.name(t, (l.requiresGrad() ? "p" : "c") + i);
        }
        List<Tensor> pool = new ArrayList<>(leaves);
        for (Step s : p.steps()) {
            Tensor a = pool.get(s.a() % pool.size()), b = pool.get(s.b() % pool.size());
            pool.add(applyOrFallBack(s, a, b));
        }
        Tensor last = pool.get(pool.size() - 1);
        Tensor root = last.numel() == 1 && last.dim() == 0 ? last : (p.mean() ? last.mean() : last.sum());
        if (p.steps().size() % 2 == 0) {
            symbols.name(pool.get(pool.size() - 1), "h");
        }
        return new Built(p, leaves, pool, root, symbols);
    }

    private static Tensor one() {
        return Tensor.wrappedNumber(1, false);
    }

    /** u^2 + 1: positive, for the ops that need it. */
    private static Tensor positive(Tensor u) {
        return u.mul(u).add(1.0);
    }

    /** Shapes drift as steps reduce and reshape: where two operands do not broadcast, take sin(a) instead. */
    static Tensor applyOrFallBack(Step s, Tensor a, Tensor b) {
        try {
            return apply(s, a, b);
        } catch (org.autogradstudio.engine.TorchException shapesDoNotFit) {
            return a.sin();
        }
    }

    static Tensor apply(Step s, Tensor a, Tensor b) {
        switch (s.op()) {
            case 0: return a.add(b);
            case 1: return a.sub(b);
            case 2: return a.mul(b);
            case 3: return a.div(positive(b));
            case 4: return a.neg();
            case 5: return a.pow(2 + s.k() % 2);
            case 6: return a.sin();
            case 7: return a.cos();
            case 8: return a.tanh();
            case 9: return a.sigmoid();
            case 10: return a.tanh().exp();
            case 11: return positive(a).log();
            case 12: return positive(a).sqrt();
            case 13: return a.tanh().mul(0.5).tan();
            case 14: return positive(a).pow(b.tanh());
            case 15: return Pointwise.rsub(a, one());
            case 16: return a.mul(1.5 - s.k());
            case 17: return a.dim() >= 1 ? a.sum(new int[] {0}, s.k() % 2 == 0) : a.mul(2.0);
            case 18: return a.dim() >= 1 ? a.mean(new int[] {-1}, s.k() % 2 == 1) : a.add(b);
            case 19: return a.mean();
            case 20: {
                if (a.dim() == 2 && b.dim() == 1) {
                    return LinearAlgebra.matmul(a, b);
                }
                if (a.dim() == 1 && b.dim() == 1) {
                    return LinearAlgebra.matmul(a, b);
                }
                if (a.dim() == 2 && b.dim() == 2) {
                    return LinearAlgebra.matmul(a, b.t());
                }
                if (a.dim() == 1 && b.dim() == 2) {
                    return LinearAlgebra.matmul(b, a);
                }
                return a.mul(b);
            }
            case 21: return a.dim() == 2 ? a.t() : a.add(b);
            case 22: return a.dim() >= 1 ? Indexing.get(a, List.of(Index.at(s.k() % a.size(0)))) : a.sin();
            case 23: return a.reshape(-1);
            case 24: return a.unsqueeze(0).mul(b);
            case 25: return a.dim() >= 1 ? Indexing.get(a, List.of(Index.slice(null, null, null), Index.NONE)).sum() : a.cos();
            case 26: return ShapeOps.cat(new Tensor[] {a.reshape(-1), b.reshape(-1)}, 0);
            case 27: return ShapeOps.stack(new Tensor[] {a, a.mul(b.sin())}, 0);
            case 28: return java.util.Arrays.equals(a.shape(), b.shape()) ? Losses.mseLoss(a, b, s.k() % 2 == 0 ? "mean" : "sum") : a.sub(b);
            case 29: return Losses.binaryCrossEntropyWithLogits(a, a.mul(0).add(0.25 * s.k()).detach(), s.k() % 2 == 0 ? "mean" : "sum");
            // piecewise
            case 30: return a.relu();
            case 31: return a.abs();
            case 32: return a.clamp(-0.5, 0.5);
            default: return s.k() % 2 == 0 ? Reductions.extreme(a, true) : Reductions.norm(positive(a), 2);
        }
    }
}
