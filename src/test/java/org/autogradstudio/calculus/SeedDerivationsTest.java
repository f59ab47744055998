package org.autogradstudio.calculus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Losses;
import org.autogradstudio.engine.Pointwise;
import org.autogradstudio.engine.Tensor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The derivations the course notebooks work out by hand, reproduced from graphs built with the engine. */
class SeedDerivationsTest {
    /**
     * The graphs here are derived, as a session's are: their nodes keep inputs and outputs. Set as
     * the test instance is made, before the nested classes' fields record their graphs.
     */
    private final boolean keptBefore = org.autogradstudio.engine.GraphValues.setKept(true);

    @org.junit.jupiter.api.AfterEach
    void restoreGraphValues() {
        org.autogradstudio.engine.GraphValues.setKept(keptBefore);
    }

    private static Tensor scalar(double v, boolean grad) {
        Tensor t = Tensor.scalar(v, DType.FLOAT32);
        return grad ? t.requiresGrad_(true) : t;
    }

    @Nested
    class Square {
        @Test
        void xSquaredGives2x() {
            Tensor x = scalar(3, true);
            Tensor y = x.pow(2);
            y.backward();
            Derivation d = ChainRule.derive(x, y, Symbols.none().name(x, "x").name(y, "y"));
            assertEquals("2*x", d.total().plain());
            assertEquals("2x", d.total().latex());
            assertEquals(6.0, d.value(), 1e-12);
            assertEquals(6.0, d.autograd());
            assertTrue(d.agreesWithAutograd());
            assertEquals("2*3", d.substituted().plain());
            assertEquals("\\frac{\\partial y}{\\partial x}", d.label().latex());
            assertEquals("dy/dx", d.label().plain());
        }

        @Test
        void theNotebookValuesAt2And55() {
            for (double at : new double[] {2, 55}) {
                Tensor x = Tensor.scalar(at, DType.FLOAT32).requiresGrad_(true);
                Tensor y = x.pow(2);
                y.backward();
                Derivation d = ChainRule.derive(x, y, Symbols.none().name(x, "x"));
                assertEquals(2 * at, d.value(), 1e-9);
                assertEquals(2 * at, d.autograd(), 1e-6);
            }
        }
    }

    @Nested
    class SinOfSquare {
        @Test
        void unnamedIntermediates() {
            Tensor x = scalar(3, true);
            Tensor z = x.pow(2).sin();
            z.backward();
            Derivation d = ChainRule.derive(x, z, Symbols.none().name(x, "x"));
            assertEquals("2*x*cos(x**2)", d.total().plain());
            assertEquals("2x \\cdot \\cos(x^{2})", d.total().latex());
            assertEquals(6 * Math.cos(9), d.value(), 1e-9);
            assertEquals(-5.4668, d.autograd(), 1e-4);
            assertTrue(d.agreesWithAutograd());
        }

        @Test
        void namedIntermediatesAsInTheNotebook() {
            // y = x**2; z = sin(y): dz/dx = dz/dy * dy/dx = cos(y) * 2x = 2x cos(x^2)
            Tensor x = scalar(4, true);
            Tensor y = x.pow(2);
            Tensor z = y.sin();
            z.backward();
            Derivation d = ChainRule.derive(x, z, Symbols.none().name(x, "x").name(y, "y").name(z, "z"));
            assertEquals(List.of("dz/dy", "dy/dx"), d.chain().stream().map(s -> s.label().plain()).toList());
            assertEquals("cos(y)", d.chain().get(0).symbolic().plain());
            assertEquals("2*x", d.chain().get(1).symbolic().plain());
            assertEquals("2*x*cos(y)", d.total().plain());
            assertEquals("2*x*cos(x**2)", d.expanded().plain());
            assertEquals("2x \\cdot \\cos(x^{2})", d.expanded().latex());
            assertEquals(-7.6613, d.autograd(), 1e-4);
            assertEquals(8 * Math.cos(16), d.value(), 1e-9);
            assertEquals("sin(y)", d.definitions().get("z").plain());
        }

        @Test
        void manualFormulaOfTheNotebookAt2() {
            Tensor x = scalar(2, true);
            Tensor z = x.pow(2).sin();
            z.backward();
            Derivation d = ChainRule.derive(x, z, Symbols.none().name(x, "x"));
            assertEquals(-2.6145744834544478, d.value(), 1e-6);
        }
    }

    @Nested
    class ExpSinSquare {
        @Test
        void threeFactorsOnOnePath() {
            Tensor x = scalar(4, true);
            Tensor u = x.pow(2).sin().exp();
            u.backward();
            Derivation d = ChainRule.derive(x, u, Symbols.none().name(x, "x").name(u, "u"));
            assertEquals(1, d.pathCount());
            PathTerm path = d.paths().get(0);
            assertEquals(List.of("ExpBackward0", "SinBackward0", "PowBackward0"), path.factors().stream().map(Factor::gradFn).toList());
            assertEquals(List.of("u", "cos(x**2)", "2*x"), path.factors().stream().map(f -> f.symbolic().plain()).toList());
            assertEquals("2*x*cos(x**2)*exp(sin(x**2))", d.expanded().plain());
            assertEquals("2x \\cdot \\cos(x^{2}) \\cdot e^{\\sin(x^{2})}", d.expanded().latex());
            double expected = Math.exp(Math.sin(16)) * Math.cos(16) * 8;
            assertEquals(expected, d.value(), 1e-9 * Math.abs(expected) + 1e-5);
            assertTrue(d.agreesWithAutograd());
        }

        @Test
        void unnamedRootKeepsTheFormulaInline() {
            Tensor x = scalar(4, true);
            Tensor u = x.pow(2).sin().exp();
            u.backward();
            Derivation d = ChainRule.derive(x, u, Symbols.none().name(x, "x"));
            assertEquals("2*x*cos(x**2)*exp(sin(x**2))", d.total().plain());
            assertEquals("exp(sin(x**2))", d.paths().get(0).factors().get(0).symbolic().plain());
            assertEquals("dL/dx", d.label().plain());
        }
    }

    /** The logistic neuron of the notebooks: x = 6.7, y = 0, w = 1, b = 0. */
    @Nested
    class LogisticNeuron {
        final Tensor x = scalar(6.7, false);
        final Tensor y = scalar(0, false);
        final Tensor w = scalar(1, true);
        final Tensor b = scalar(0, true);
        final Tensor z = w.mul(x).add(b);
        final Tensor yPred = z.sigmoid();

        /** The notebook's own loss: clamp, then -(y log p + (1 - y) log(1 - p)). */
        Tensor[] manualLoss() {
            Tensor p = yPred.clamp(1e-8, 1 - 1e-8);
            Tensor oneMinusY = Pointwise.rsub(y, Tensor.wrappedNumber(1, false));
            Tensor loss = y.mul(p.log()).add(oneMinusY.mul(Pointwise.rsub(p, Tensor.wrappedNumber(1, false)).log())).neg();
            return new Tensor[] {loss, oneMinusY};
        }

        Symbols names(Tensor loss) {
            return Symbols.none().name(x, "x").name(y, "y").name(w, "w").name(b, "b").name(z, "z").name(yPred, "y_pred").name(loss, "loss");
        }

        @Test
        void forwardValuesAsPrinted() {
            assertEquals(6.7, z.item(), 1e-6);
            assertEquals(0.998770534992218, yPred.item(), 1e-7);
        }

        @Test
        void weightGradientSimplifiesToThePredictionErrorTimesX() {
            Tensor[] built = manualLoss();
            Tensor loss = built[0];
            loss.backward();
            Symbols names = names(loss).define(built[1], Expr.sub(Expr.ONE, Expr.var("y")));
            Derivation dw = ChainRule.derive(w, loss, names);
            assertEquals("(y_pred - y)*x", dw.total().plain());
            assertEquals("(y_{\\text{pred}} - y) \\cdot x", dw.total().latex());
            assertEquals(6.6918, dw.value(), 1e-4);
            assertEquals(6.6917619705200195, dw.autograd(), 1e-12);
            assertTrue(dw.agreesWithAutograd());
            assertEquals("(0.9988 - 0)*6.7", dw.substituted().plain());
            // the chain as the notebook writes it
            assertEquals(List.of("dloss/dy_pred", "dy_pred/dz", "dz/dw"), dw.chain().stream().map(s -> s.label().plain()).toList());
            assertEquals("(y_pred - y)/(y_pred*(1 - y_pred))", dw.chain().get(0).symbolic().plain());
            assertEquals("\\frac{y_{\\text{pred}} - y}{y_{\\text{pred}}(1 - y_{\\text{pred}})}", dw.chain().get(0).symbolic().latex());
            assertEquals("y_pred*(1 - y_pred)", dw.chain().get(1).symbolic().plain());
            assertEquals("y_{\\text{pred}}(1 - y_{\\text{pred}})", dw.chain().get(1).symbolic().latex());
            assertEquals("x", dw.chain().get(2).symbolic().plain());
            assertEquals(2, dw.pathCount()); // log(p) and log(1 - p)
            assertTrue(dw.notes().stream().anyMatch(n -> n.contains("no bound is active")));
            // the manual values of the notebook's chain
            assertEquals(6.7, dw.chain().get(2).value(), 1e-6);
            assertEquals(0.998770534992218 * (1 - 0.998770534992218), dw.chain().get(1).value(), 1e-9);
        }

        /** As a script computes it: {@code 1 - y} is plain arithmetic on a constant, so nothing defines it. */
        @Test
        void theComplementOfANamedTargetIsRecognisedWithoutADefinition() {
            for (double target : new double[] {0, 1}) {
                Tensor yt = scalar(target, false);
                Tensor wt = scalar(1, true);
                Tensor zt = wt.mul(x);
                Tensor p = zt.sigmoid();
                Tensor oneMinusY = yt.neg().add(Tensor.scalar(1.0, DType.FLOAT32));
                assertEquals(null, oneMinusY.gradFn());
                Tensor loss = yt.mul(p.log()).add(oneMinusY.mul(Pointwise.rsub(p, Tensor.wrappedNumber(1, false)).log())).neg();
                loss.backward();
                Symbols names = Symbols.none().name(x, "x").name(yt, "y").name(wt, "w").name(zt, "z").name(p, "y_pred").name(loss, "loss");
                Derivation dw = ChainRule.derive(wt, loss, names);
                assertEquals("(y_pred - y)*x", dw.total().plain(), "y = " + target);
                assertEquals(wt.grad().item(), dw.value(), 1e-6);
            }
        }

        @Test
        void aConstantThatIsNotOneMinusANamedOneStaysANumber() {
            Tensor yt = scalar(0.25, false);
            Tensor wt = scalar(1, true);
            Tensor p = wt.mul(x).sigmoid();
            Tensor half = yt.add(Tensor.scalar(0.25, DType.FLOAT32)); // 0.5, not 1 - 0.25
            Tensor loss = half.mul(p.log()).neg();
            loss.backward();
            Derivation dw = ChainRule.derive(wt, loss, Symbols.none().name(x, "x").name(yt, "y").name(wt, "w").name(p, "y_pred"));
            assertTrue(!dw.total().plain().contains("y)") && dw.total().plain().contains("0.5"), dw.total().plain());
            assertEquals(wt.grad().item(), dw.value(), 1e-6);
        }

        @Test
        void biasGradient() {
            Tensor[] built = manualLoss();
            Tensor loss = built[0];
            loss.backward();
            Symbols names = names(loss).define(built[1], Expr.sub(Expr.ONE, Expr.var("y")));
            Derivation db = ChainRule.derive(b, loss, names);
            assertEquals("y_pred - y", db.total().plain());
            assertEquals("y_{\\text{pred}} - y", db.total().latex());
            assertEquals("sigmoid(w*x + b) - y", db.expanded().plain());
            assertEquals("\\sigma(w \\cdot x + b) - y", db.expanded().latex());
            assertEquals(0.9988, db.value(), 1e-4);
            assertEquals(0.9987704753875732, db.autograd(), 1e-12);
            assertTrue(db.agreesWithAutograd());
        }

        @Test
        void withoutTheFormulaOfOneMinusYItIsRecognisedFromItsValue() {
            Tensor loss = manualLoss()[0];
            loss.backward();
            Derivation dw = ChainRule.derive(w, loss, names(loss));
            // 1 - y was computed outside autograd: to the graph it is the number 1, which is exactly 1 - y
            assertEquals("(y_pred - y)*x", dw.total().plain());
            assertEquals(6.6918, dw.value(), 1e-4);
            assertTrue(dw.agreesWithAutograd());
        }

        @Test
        void functionalBinaryCrossEntropy() {
            Tensor loss = Losses.binaryCrossEntropy(yPred, y, "mean");
            loss.backward();
            Derivation dw = ChainRule.derive(w, loss, names(loss));
            assertEquals("(y_pred - y)*x", dw.total().plain());
            assertEquals("(y_pred - y)/(y_pred*(1 - y_pred))", dw.chain().get(0).symbolic().plain());
            assertEquals(6.6918, dw.value(), 1e-4);
            assertTrue(dw.agreesWithAutograd());
        }

        @Test
        void withLogits() {
            Tensor loss = Losses.binaryCrossEntropyWithLogits(z, y, "mean");
            loss.backward();
            Symbols names = Symbols.none().name(x, "x").name(y, "y").name(w, "w").name(b, "b").name(z, "z").name(loss, "loss");
            Derivation dw = ChainRule.derive(w, loss, names);
            assertEquals("(sigmoid(z) - y)*x", dw.total().plain());
            assertEquals("(\\sigma(z) - y) \\cdot x", dw.total().latex());
            assertEquals(6.6918, dw.value(), 1e-4);
            assertTrue(dw.agreesWithAutograd());
            Derivation db = ChainRule.derive(b, loss, names);
            assertEquals("sigmoid(z) - y", db.total().plain());
            assertEquals(0.9988, db.value(), 1e-4);
        }

        @Test
        void finiteDifferenceAgrees() {
            Tensor loss = manualLoss()[0];
            loss.backward();
            FiniteDifference.Result fw = FiniteDifference.check(w, loss);
            assertEquals(6.6918, fw.estimate(), 1e-4);
            assertTrue(fw.agrees());
            FiniteDifference.Result fb = FiniteDifference.check(b, loss, 1e-3);
            assertEquals(0.9988, fb.estimate(), 1e-4);
            assertTrue(fb.agrees());
            assertTrue(fb.relativeDifference() < 1e-5);
        }
    }

    @Nested
    class MeanOfSquares {
        @Test
        void twoXOverThreeForEachElement() {
            Tensor x = Tensor.of(new double[] {1, 2, 3}, new int[] {3}, DType.FLOAT32).requiresGrad_(true);
            Tensor y = x.pow(2).mean();
            y.backward();
            double[] expected = {0.6667, 1.3333, 2.0};
            for (int i = 0; i < 3; i++) {
                Derivation d = ChainRule.derive(x, y, Symbols.none().name(x, "x").name(y, "y"), i);
                assertEquals("2*x/3", d.total().plain());
                assertEquals("\\frac{2x}{3}", d.total().latex());
                assertEquals(expected[i], d.value(), 1e-4);
                assertTrue(d.agreesWithAutograd());
                assertArrayEquals(new int[] {i}, d.element());
                assertEquals(List.of("1/3", "2*x"), d.paths().get(0).factors().stream().map(f -> f.symbolic().plain()).toList());
                assertEquals("dy/dx[" + i + "]", d.label().plain());
            }
            Derivation d = ChainRule.derive(x, y, Symbols.none().name(x, "x"), 2);
            assertArrayEquals(new double[] {2.0 / 3, 4.0 / 3, 2.0}, d.gradient(), 1e-12);
            assertEquals("2*3/3", d.substituted().plain());
            assertEquals("\\frac{2 \\cdot 3}{3}", d.substituted().latex());
            assertNotNull(d.matrixForm());
            assertEquals("2*x/3", d.matrixForm().plain());
        }
    }
}
