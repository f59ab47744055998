package org.autogradstudio.engine;

import static org.autogradstudio.engine.GradCheck.awayFromZero;
import static org.autogradstudio.engine.GradCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Second derivatives ({@code create_graph=True}) against finite differences in float64: the
 * recorded first gradient of {@code <f(x), R1>} is itself checked by {@link GradCheck} as a
 * function of x, its finite differences taken of first gradients computed the plain way. Every op
 * the differentiable backward covers appears in some f, in a form whose second derivative is not
 * identically zero. Graphs keep their values, as a script that mentions create_graph records them.
 */
@ExtendWith(KeepGraphValues.class)
class HigherDerivativesTest {
    private static Tensor sum0(Tensor t) {
        return Reductions.sum(t, new int[] {0}, false);
    }

    private static Tensor square(Tensor t) {
        return t.mul(t);
    }

    private static Tensor unary(ElementwiseOp op, Tensor t) {
        return Pointwise.unary(op, t);
    }

    static Stream<Arguments> functions() {
        DoubleUnaryOperator any = uniform(-1.5, 1.5), positive = uniform(0.3, 2), apart = awayFromZero(0.2, 1.5);
        return Stream.of(
                Arguments.of("sin", any, (UnaryOperator<Tensor>) x -> unary(ElementwiseOp.SIN, x)),
                Arguments.of("cos", any, (UnaryOperator<Tensor>) x -> unary(ElementwiseOp.COS, x)),
                Arguments.of("tan", uniform(-1, 1), (UnaryOperator<Tensor>) x -> unary(ElementwiseOp.TAN, x)),
                Arguments.of("exp", any, (UnaryOperator<Tensor>) x -> unary(ElementwiseOp.EXP, x)),
                Arguments.of("log", positive, (UnaryOperator<Tensor>) x -> unary(ElementwiseOp.LOG, x)),
                Arguments.of("tanh", any, (UnaryOperator<Tensor>) x -> unary(ElementwiseOp.TANH, x)),
                Arguments.of("sigmoid", any, (UnaryOperator<Tensor>) x -> unary(ElementwiseOp.SIGMOID, x)),
                Arguments.of("sqrt", positive, (UnaryOperator<Tensor>) x -> unary(ElementwiseOp.SQRT, x)),
                Arguments.of("reciprocal", apart, (UnaryOperator<Tensor>) x -> unary(ElementwiseOp.RECIPROCAL, x)),
                Arguments.of("x ** 3", any, (UnaryOperator<Tensor>) x -> Pointwise.powScalar(x, 3)),
                Arguments.of("x ** 2.5", positive, (UnaryOperator<Tensor>) x -> Pointwise.powScalar(x, 2.5)),
                Arguments.of("x ** x", positive, (UnaryOperator<Tensor>) x -> Pointwise.pow(x, x)),
                Arguments.of("2 ** x", any, (UnaryOperator<Tensor>) x -> Pointwise.pow(Tensor.scalar(2, DType.FLOAT64), x)),
                Arguments.of("x / (x*x + 1) - x", any, (UnaryOperator<Tensor>) x -> x.div(square(x).add(1.0)).sub(x)),
                Arguments.of("3 - x*x", any, (UnaryOperator<Tensor>) x -> Pointwise.rsub(square(x), Tensor.wrappedNumber(3, false))),
                Arguments.of("|x| * x", apart, (UnaryOperator<Tensor>) x -> unary(ElementwiseOp.ABS, x).mul(x)),
                Arguments.of("relu(x) ** 2", apart, (UnaryOperator<Tensor>) x -> square(unary(ElementwiseOp.RELU, x))),
                Arguments.of("clamp(x) * x", apart, (UnaryOperator<Tensor>) x -> Pointwise.clamp(x, -1.0, 1.0).mul(x)),
                Arguments.of("sum(x) ** 2", any, (UnaryOperator<Tensor>) x -> square(Reductions.sum(x))),
                Arguments.of("mean(x) * x", any, (UnaryOperator<Tensor>) x -> Reductions.mean(x).mul(x)),
                Arguments.of("sum(x, 0) ** 2", any, (UnaryOperator<Tensor>) x -> square(sum0(x))),
                Arguments.of("mean(x, 1, keepdim) * x", any,
                        (UnaryOperator<Tensor>) x -> Reductions.mean(x, new int[] {1}, true).mul(x)),
                Arguments.of("x.t() @ x", any, (UnaryOperator<Tensor>) x -> LinearAlgebra.mm(ShapeOps.t(x), x)),
                Arguments.of("x.transpose(0, 1) ** 3", any, (UnaryOperator<Tensor>) x -> Pointwise.powScalar(ShapeOps.transpose(x, 0, 1), 3)),
                Arguments.of("addmm(sum(x, 0), x, x.t())", any,
                        (UnaryOperator<Tensor>) x -> LinearAlgebra.addmm(Reductions.sum(x), x, ShapeOps.t(x))),
                Arguments.of("x.reshape(-1).unsqueeze(0) ** 2", any,
                        (UnaryOperator<Tensor>) x -> square(ShapeOps.unsqueeze(ShapeOps.reshape(x, new int[] {-1}), 0))),
                Arguments.of("x * sum(x, 0) (broadcast)", any, (UnaryOperator<Tensor>) x -> x.mul(sum0(x))),
                Arguments.of("expand(sum(x, 0)) * x", any,
                        (UnaryOperator<Tensor>) x -> ShapeOps.expand(sum0(x), x.shape()).mul(x)),
                Arguments.of("mse_loss(x ** 2, sin(x)) mean", any,
                        (UnaryOperator<Tensor>) x -> Losses.mseLoss(square(x), unary(ElementwiseOp.SIN, x), "mean")),
                Arguments.of("mse_loss(x, x ** 3) none", any,
                        (UnaryOperator<Tensor>) x -> Losses.mseLoss(x, Pointwise.powScalar(x, 3), "none")),
                Arguments.of("bce_with_logits(x ** 2, sigmoid(x)) sum", any, (UnaryOperator<Tensor>) x ->
                        Losses.binaryCrossEntropyWithLogits(square(x), unary(ElementwiseOp.SIGMOID, x), "sum")),
                Arguments.of("bce_with_logits(x, 0.3) mean", any, (UnaryOperator<Tensor>) x ->
                        Losses.binaryCrossEntropyWithLogits(x, Tensor.of(new double[] {0, 0.3, 1, 1, 0.5, 0}, x.shape(), DType.FLOAT64), "mean")),
                Arguments.of("x[1] ** 3", any, (UnaryOperator<Tensor>) x ->
                        Pointwise.powScalar(Indexing.get(x, java.util.List.of(Index.at(1))), 3)),
                Arguments.of("x[:, 1:] ** 3", any, (UnaryOperator<Tensor>) x ->
                        Pointwise.powScalar(Indexing.get(x, java.util.List.of(Index.slice(null, null, null), Index.slice(1L, null, null))), 3)),
                Arguments.of("x[[0, 1, 1]] ** 3", any, (UnaryOperator<Tensor>) x -> Pointwise.powScalar(Indexing.get(x,
                        java.util.List.of(Index.tensor(Tensor.of(new double[] {0, 1, 1}, new int[] {3}, DType.INT64)))), 3)),
                Arguments.of("gather(x, 1, [[0], [2]]) ** 3", any, (UnaryOperator<Tensor>) x -> Pointwise.powScalar(
                        Selections.gather(x, 1, Tensor.of(new double[] {0, 2}, new int[] {2, 1}, DType.INT64)), 3)),
                Arguments.of("repeat(flip(x), 2, 1) ** 3", any, (UnaryOperator<Tensor>) x ->
                        Pointwise.powScalar(Selections.repeat(Selections.flip(x, new int[] {0}), new int[] {2, 1}), 3)),
                Arguments.of("dot(x[0], x[0] ** 2)", any, (UnaryOperator<Tensor>) x -> {
                    Tensor row = ShapeOps.reshape(x, new int[] {-1});
                    return LinearAlgebra.dot(row, square(row));
                }));
    }

    /**
     * The gradient of {@code <f(x), weights>} w.r.t. x: recorded (create_graph) when x requires
     * grad, which is how GradCheck's analytic pass calls it; else computed the plain way from a
     * fresh leaf of x's values, for the finite differences.
     */
    private static Tensor firstGradient(UnaryOperator<Tensor> f, Tensor x, double[] weights) {
        boolean analytic = x.requiresGrad();
        Tensor in = analytic ? x : Tensor.of(x.toArray(), x.shape(), DType.FLOAT64).requiresGrad_(true);
        boolean previous = GradMode.set(true);
        try {
            Tensor out = f.apply(in);
            Tensor r = Tensor.of(weights, out.shape(), DType.FLOAT64);
            // retain_graph as PyTorch defaults it: with create_graph the first graph stays for the second pass
            Tensor g = Engine.grad(new Tensor[] {out}, new Tensor[] {r}, new Tensor[] {in}, analytic, analytic, false)[0];
            return analytic ? g : g.detach();
        } finally {
            GradMode.set(previous);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void secondDerivativesMatchFiniteDifferencesOfFirst(String what, DoubleUnaryOperator draw, UnaryOperator<Tensor> f) {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            int[] shape = {2, 3};
            double[] x = GradCheck.values(random, shape, draw);
            int[] outShape = GradModeScope.withoutGrad(() -> f.apply(Tensor.of(x, shape, DType.FLOAT64))).shape();
            double[] weights = GradCheck.values(random, outShape, uniform(-1, 1));
            GradCheck.check(what, t -> firstGradient(f, t[0], weights), new int[][] {shape}, new double[][] {x}, seed);
        }
    }

    @Test
    void thirdAndFourthDerivativesOfSinCycle() {
        Tensor x = Tensor.scalar(0.3, DType.FLOAT64).requiresGrad_(true);
        Tensor d = unary(ElementwiseOp.SIN, x);
        double[] expected = {Math.cos(0.3), -Math.sin(0.3), -Math.cos(0.3), Math.sin(0.3)};
        for (double e : expected) {
            d = Engine.grad(new Tensor[] {d}, new Tensor[] {null}, new Tensor[] {x}, true, true, false)[0];
            assertEquals(e, d.item(), 1e-15);
            assertNotNull(d.gradFn(), "a recorded derivative can be differentiated again");
        }
    }

    @Test
    void backwardWithCreateGraphLeavesADifferentiableGrad() {
        Tensor w = Tensor.scalar(1.5, DType.FLOAT64).requiresGrad_(true);
        Engine.backward(new Tensor[] {Pointwise.powScalar(w, 4)}, new Tensor[] {null}, true, true);
        Tensor first = w.grad();
        assertEquals(4 * Math.pow(1.5, 3), first.item(), 1e-12);
        assertEquals("CopyBackwards", first.gradFn().name());
        // a second pass adds to it out of place, recorded: the sum's history reaches both passes
        Engine.backward(new Tensor[] {Pointwise.powScalar(w, 2)}, new Tensor[] {null}, true, true);
        assertEquals("AddBackward0", w.grad().gradFn().name());
        assertEquals(4 * Math.pow(1.5, 3) + 3, w.grad().item(), 1e-12);
        Tensor total = w.grad();
        w.setGradUnchecked(null);
        total.backward();
        assertEquals(12 * 1.5 * 1.5 + 2, w.grad().item(), 1e-12);
    }

    @Test
    void aGradientThatIsConstantHasNoHistory() {
        Tensor w = Tensor.of(new double[] {1, 2}, new int[] {2}, DType.FLOAT64).requiresGrad_(true);
        Tensor g = Engine.grad(new Tensor[] {Reductions.sum(w.mul(2.0))}, new Tensor[] {null}, new Tensor[] {w}, false, true, false)[0];
        assertNull(g.gradFn());
        assertTrue(!g.requiresGrad(), "d(2w)/dw does not depend on w");
    }

    @Test
    void anUncoveredNodeIsRefusedByName() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}, new int[] {3}, DType.FLOAT64).requiresGrad_(true);
        Tensor y = Reductions.extreme(x, true);
        TorchException e = assertThrows(TorchException.class,
                () -> Engine.grad(new Tensor[] {y}, new Tensor[] {null}, new Tensor[] {x}, false, true, false));
        assertTrue(e.getMessage().contains("create_graph=True is not supported through MaxBackward1"), e.getMessage());
    }

    @Test
    void droppedValuesAreReportedNotSilentlyDifferentiatedAsConstants() {
        boolean kept = GraphValues.setKept(false);
        try {
            Tensor x = Tensor.scalar(2, DType.FLOAT64).requiresGrad_(true);
            Tensor y = x.mul(x);
            Tensor z = y.mul(y); // a lean node drops y, an intermediate 0-d value
            TorchException e = assertThrows(TorchException.class,
                    () -> Engine.grad(new Tensor[] {z}, new Tensor[] {null}, new Tensor[] {x}, false, true, false));
            assertTrue(e.getMessage().contains("were not kept"), e.getMessage());
        } finally {
            GraphValues.setKept(kept);
        }
    }
}
