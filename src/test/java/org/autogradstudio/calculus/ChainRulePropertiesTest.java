package org.autogradstudio.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.autogradstudio.engine.Tensor;

/**
 * On random graphs built from the engine's ops in float64: the chain rule worked out from the
 * recorded graph gives the engine's own {@code .grad} (to rounding), the paths add up to the
 * total, the formula with numbers substituted evaluates to it, and a finite difference agrees.
 */
class ChainRulePropertiesTest {
    private static final double TIGHT = 1e-9;

    @Provide
    Arbitrary<RandomGraphs.Program> anyProgram() {
        return RandomGraphs.programs(true);
    }

    @Provide
    Arbitrary<RandomGraphs.Program> smoothProgram() {
        return RandomGraphs.programs(false);
    }

    private static RandomGraphs.Built run(RandomGraphs.Program p) {
        RandomGraphs.Built b = RandomGraphs.build(p);
        Assume.that(b.root().requiresGrad());
        b.root().backward();
        return b;
    }

    private static void close(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(expected - actual) <= tol * (1 + Math.abs(expected)),
                what + ": expected " + expected + " but was " + actual);
    }

    /** A plain run's lean nodes give the gradients of a session's nodes, bit for bit. */
    @Property(tries = 250)
    void leanNodesGiveTheSameGradients(@ForAll("anyProgram") RandomGraphs.Program p) {
        RandomGraphs.Built kept = RandomGraphs.build(p);
        RandomGraphs.Built lean = RandomGraphs.buildLean(p);
        Assume.that(kept.root().requiresGrad());
        kept.root().backward();
        lean.root().backward();
        for (int i = 0; i < kept.leaves().size(); i++) {
            Tensor a = kept.leaves().get(i).grad(), b = lean.leaves().get(i).grad();
            assertEquals(a == null, b == null, "leaf " + i + " has a grad in one mode only");
            if (a != null) {
                assertTrue(java.util.Arrays.equals(a.toArray(), b.toArray()), "leaf " + i + ": " + a + " vs " + b);
            }
        }
    }

    @Property(tries = 250)
    void derivationEqualsEngineGradient(@ForAll("anyProgram") RandomGraphs.Program p, @ForAll("elements") int pick) {
        RandomGraphs.Built b = run(p);
        for (Tensor leaf : b.leaves()) {
            if (!leaf.requiresGrad()) {
                continue;
            }
            int element = pick % leaf.numel();
            Derivation d = ChainRule.derive(leaf, b.root(), b.symbols(), ChainRule.Options.defaults().element(element));
            Tensor grad = leaf.grad();
            if (grad == null) {
                assertEquals(0, d.value(), 0, "a leaf without .grad does not reach the root");
                continue;
            }
            double[] g = grad.toArray();
            close(g[element], d.value(), TIGHT, "d root/d leaf[" + element + "] of " + p);
            double[] all = d.gradient();
            assertNotNull(all);
            for (int i = 0; i < g.length; i++) {
                close(g[i], all[i], TIGHT, "gradient[" + i + "]");
            }
            assertTrue(d.agreesWithAutograd());
            if (d.pathsListed() && !d.paths().isEmpty()) {
                double sum = 0;
                for (PathTerm path : d.paths()) {
                    sum += path.value();
                    if (path.productOfFactorValues() != null) {
                        close(path.value(), path.productOfFactorValues(), TIGHT, "product of the factors of a path");
                    }
                }
                close(d.value(), sum, TIGHT, "sum over paths");
            }
            if (d.substituted() != null) {
                close(d.value(), Evaluator.eval(d.substituted().expr(), Map.of()), 1e-7, "the formula with numbers, " + d.substituted().plain());
            }
            assertNotNull(d.toLatex());
            assertNotNull(d.toPlain());
            assertNotNull(d.toMap());
        }
    }

    @Property(tries = 200)
    void finiteDifferenceAgreesOnSmoothGraphs(@ForAll("smoothProgram") RandomGraphs.Program p, @ForAll("elements") int pick) {
        RandomGraphs.Built b = run(p);
        for (Tensor leaf : b.leaves()) {
            if (!leaf.requiresGrad() || leaf.grad() == null) {
                continue;
            }
            int element = pick % leaf.numel();
            FiniteDifference.Result fd = FiniteDifference.check(leaf, b.root(), 1e-6, element);
            assertTrue(fd.agrees(), "finite difference " + fd.estimate() + " vs autograd " + fd.autograd() + " for " + p);
            Derivation d = ChainRule.derive(leaf, b.root(), b.symbols(), element);
            close(fd.estimate(), d.value(), 1e-5, "derivation against finite difference");
        }
    }

    @Property(tries = 150)
    void replayReproducesTheRecordedRoot(@ForAll("anyProgram") RandomGraphs.Program p) {
        RandomGraphs.Built b = RandomGraphs.build(p);
        Assume.that(b.root().requiresGrad());
        for (Tensor leaf : b.leaves()) {
            if (!leaf.requiresGrad()) {
                continue;
            }
            RecordedGraph g = new RecordedGraph(b.root());
            if (!g.contains(leaf.gradAccumulator())) {
                continue;
            }
            Values replayed = new Replay(g).run(leaf.gradAccumulator(), Values.of(leaf));
            close(b.root().item(), replayed.data()[0], 1e-9, "replayed root of " + p);
        }
    }

    @Provide
    Arbitrary<Integer> elements() {
        return Arbitraries.integers().between(0, 5);
    }

    // ---- the symbolic differentiator on random expressions ------------------------------------

    @Provide
    Arbitrary<Expr> expressions() {
        return Arbitraries.recursive(() -> Arbitraries.of(Expr.var("x"), Expr.var("y"), Expr.num(2), Expr.num(0.5), Expr.num(-1.5)),
                this::compose, 4);
    }

    private Arbitrary<Expr> compose(Arbitrary<Expr> inner) {
        List<Arbitrary<Expr>> forms = new ArrayList<>();
        forms.add(Arbitraries.of(Func.SIN, Func.COS, Func.TANH, Func.SIGMOID, Func.EXP).flatMap(f -> inner.map(a -> Expr.call(f, Expr.call(Func.TANH, a)))));
        forms.add(inner.map(a -> Expr.call(Func.LOG, Expr.add(Expr.mul(a, a), Expr.ONE))));
        forms.add(inner.map(a -> Expr.call(Func.SQRT, Expr.add(Expr.mul(a, a), Expr.ONE))));
        forms.add(Arbitraries.integers().between(2, 3).flatMap(k -> inner.map(a -> Expr.pow(a, k))));
        forms.add(inner.flatMap(a -> inner.map(c -> Expr.add(a, c))));
        forms.add(inner.flatMap(a -> inner.map(c -> Expr.sub(a, c))));
        forms.add(inner.flatMap(a -> inner.map(c -> Expr.mul(a, c))));
        forms.add(inner.flatMap(a -> inner.map(c -> Expr.div(a, Expr.add(Expr.mul(c, c), Expr.ONE)))));
        forms.add(inner.flatMap(a -> inner.map(c -> Expr.pow(Expr.add(Expr.mul(a, a), Expr.ONE), Expr.call(Func.TANH, c)))));
        return Arbitraries.oneOf(forms);
    }

    @Property(tries = 300)
    void symbolicDerivativeMatchesCentralDifference(@ForAll("expressions") Expr e,
                                                    @ForAll("points") double x, @ForAll("points") double y) {
        Expr d = Differentiator.d(e, "x");
        double h = 1e-6;
        double numeric = (Evaluator.eval(e, Map.of("x", x + h, "y", y)) - Evaluator.eval(e, Map.of("x", x - h, "y", y))) / (2 * h);
        double symbolic = Evaluator.eval(d, Map.of("x", x, "y", y));
        Assume.that(Double.isFinite(numeric) && Math.abs(numeric) < 1e6);
        close(numeric, symbolic, 1e-4, "d/dx " + e.plain() + " = " + d.plain());
    }

    @Property(tries = 300)
    void simplificationKeepsTheValue(@ForAll("expressions") Expr e, @ForAll("points") double x, @ForAll("points") double y) {
        Map<String, Double> at = Map.of("x", x, "y", y);
        double before = Evaluator.eval(e, at);
        Assume.that(Double.isFinite(before) && Math.abs(before) < 1e8);
        Expr s = Simplifier.simplify(e);
        close(before, Evaluator.eval(s, at), 1e-8, e.plain() + " simplified to " + s.plain());
        // and the renderings are produced
        assertNotNull(s.latex());
        assertNotNull(s.plain());
    }

    @Provide
    Arbitrary<Double> points() {
        return Arbitraries.doubles().between(-2, 2).ofScale(3);
    }
}
