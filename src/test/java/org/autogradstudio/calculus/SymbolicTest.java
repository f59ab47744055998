package org.autogradstudio.calculus;

import static org.autogradstudio.calculus.Expr.ONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.ElementwiseOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expressions: the engine's rules over symbols, differentiation, simplification, evaluation, rendering. */
class SymbolicTest {
    private static final Expr X = Expr.var("x"), Y = Expr.var("y"), YP = Expr.var("y_pred"), W = Expr.var("w"), B = Expr.var("b");

    private static Expr f(Func fn, Expr a) {
        return Expr.call(fn, a);
    }

    /**
     * Found by ChainRulePropertiesTest: expanding q^6 with q = y^2/(y^2+1)^2 + 1 gives coefficients up
     * to 1e11; a product of two such polynomials once dropped its small coefficients (1, 18, ...) as
     * if they were rounding noise, and d/dx (1/((cos(tanh x)/q)^6 + 1)) lost all but 1e-6 of its value.
     */
    @Test
    void smallCoefficientsSurviveBesideLargeOnesWhenPolynomialsAreMultiplied() {
        Expr x = Expr.var("x"), y = Expr.var("y");
        Expr yy1 = Expr.add(Expr.mul(y, y), ONE);
        Expr q = Expr.add(Expr.div(Expr.mul(y, y), Expr.mul(yy1, yy1)), ONE);
        Expr b = Expr.add(Expr.pow(Expr.div(Expr.call(Func.COS, Expr.call(Func.TANH, x)), q), 6), ONE);
        Expr e = Expr.pow(b, -1);
        Map<String, Double> at = Map.of("x", -0.025, "y", 0.001);
        double h = 1e-6;
        double numeric = (Evaluator.eval(e, Map.of("x", -0.025 + h, "y", 0.001))
                - Evaluator.eval(e, Map.of("x", -0.025 - h, "y", 0.001))) / (2 * h);
        double raw = Evaluator.eval(Differentiator.derivative(e, "x"), at);
        assertEquals(numeric, raw, 1e-7);
        assertEquals(raw, Evaluator.eval(Differentiator.d(e, "x"), at), 1e-12 * Math.abs(raw) + 1e-15);
        Expr q6 = Expr.pow(q, 6);
        assertEquals(Evaluator.eval(q6, at), Evaluator.eval(Simplifier.simplify(Expr.mul(q6, q6)), at) / Evaluator.eval(q6, at), 1e-12);
    }

    @Test
    void theEngineTableEvaluatedOverExpressions() {
        ExprAlgebra a = new ExprAlgebra();
        assertEquals("cos(x)", ElementwiseOp.SIN.derivatives(a, List.of(X), f(Func.SIN, X), new double[0]).get(0).plain());
        assertEquals("2*x", ElementwiseOp.POW_SCALAR.derivatives(a, List.of(X), Expr.pow(X, 2), new double[] {2}).get(0).plain());
        assertEquals("3*x**2", ElementwiseOp.POW_SCALAR.derivatives(a, List.of(X), Expr.pow(X, 3), new double[] {3}).get(0).plain());
        List<Expr> mul = ElementwiseOp.MUL.derivatives(a, List.of(W, X), Expr.mul(W, X), new double[0]);
        assertEquals(List.of("x", "w"), mul.stream().map(Expr::plain).toList());
        Expr sig = ElementwiseOp.SIGMOID.derivatives(a, List.of(Expr.var("z")), YP, new double[0]).get(0);
        assertEquals("y_pred*(1 - y_pred)", sig.plain());
        List<Expr> div = ElementwiseOp.DIV.derivatives(a, List.of(X, Y), Expr.div(X, Y), new double[0]);
        assertEquals("1/y", Simplifier.simplify(div.get(0)).plain());
        assertEquals("-x/y**2", Simplifier.simplify(div.get(1)).plain());
        Expr clamp = ElementwiseOp.CLAMP.derivatives(a, List.of(X), X, new double[] {0, 1}).get(0);
        assertEquals("(0 <= x <= 1)", clamp.plain());
        assertEquals("\\mathbf{1}[0 \\le x \\le 1]", clamp.latex());
    }

    @ParameterizedTest(name = "d/dx {0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "x**2; 2*x",
        "sin(x**2); 2*x*cos(x**2)",
        "exp(sin(x**2)); 2*x*cos(x**2)*exp(sin(x**2))",
        "cos(x); -sin(x)",
        "tan(x); tan(x)**2 + 1",
        "tanh(x); 1 - tanh(x)**2",
        "sigmoid(x); sigmoid(x)*(1 - sigmoid(x))",
        "log(x); 1/x",
        "exp(x); exp(x)",
        "sqrt(x); 0.5/sqrt(x)",
        "relu(x); (x > 0)",
        "abs(x); sign(x)",
        "1/x; -1/x**2",
        "w*x + b; w",
        "x*x; 2*x",
        "x**3 + x; 3*x**2 + 1",
    })
    void derivatives(String input, String expected) {
        assertEquals(expected, Differentiator.d(parse(input), "x").plain());
    }

    /** A tiny reader for the test table (the forms used above only). */
    private static Expr parse(String s) {
        switch (s) {
            case "x**2": return Expr.pow(X, 2);
            case "sin(x**2)": return f(Func.SIN, Expr.pow(X, 2));
            case "exp(sin(x**2))": return f(Func.EXP, f(Func.SIN, Expr.pow(X, 2)));
            case "1/x": return Expr.div(ONE, X);
            case "w*x + b": return Expr.add(Expr.mul(W, X), B);
            case "x*x": return new Expr.Product(List.of(X, X));
            case "x**3 + x": return Expr.add(Expr.pow(X, 3), X);
            default: {
                String name = s.substring(0, s.indexOf('('));
                for (Func fn : Func.values()) {
                    if (fn.plainName().equals(name)) {
                        return f(fn, X);
                    }
                }
                throw new IllegalArgumentException(s);
            }
        }
    }

    @Test
    void powerRuleWithSymbolicExponent() {
        Expr e = Expr.pow(Expr.num(2), X);
        assertEquals("2**x*log(2)", Differentiator.d(e, "x").plain());
        Expr xx = Expr.pow(X, X);
        double at = 1.7;
        double numeric = (Evaluator.eval(xx, Map.of("x", at + 1e-6)) - Evaluator.eval(xx, Map.of("x", at - 1e-6))) / 2e-6;
        assertEquals(numeric, Evaluator.eval(Differentiator.d(xx, "x"), Map.of("x", at)), 1e-6);
    }

    @Test
    void clampDerivativeIsAnIndicator() {
        Expr c = new Expr.Clamp(X, 1e-8, 1 - 1e-8);
        assertEquals("(1e-08 <= x <= 0.99999999)", Differentiator.d(c, "x").plain());
        assertEquals(1.0, Evaluator.eval(Differentiator.d(c, "x"), Map.of("x", 0.5)));
        assertEquals(0.0, Evaluator.eval(Differentiator.d(c, "x"), Map.of("x", 2.0)));
        assertEquals("clamp(x, min=0)", new Expr.Clamp(X, 0, Double.POSITIVE_INFINITY).plain());
    }

    @Test
    void opaqueTensorFunctionsAreNotDifferentiatedPerElement() {
        Expr m = Expr.apply(TensorFn.MEAN, Expr.pow(X, 2));
        assertThrows(UnsupportedOperationException.class, () -> Differentiator.d(m, "x"));
        assertEquals(Expr.ZERO, Differentiator.d(m, "w"));
        assertEquals("mean(x**2)", m.plain());
        assertEquals("\\operatorname{mean}(x^{2})", m.latex());
    }

    @Test
    void binaryCrossEntropyChainSimplifiesAsInTheNotebooks() {
        // dL/dy_pred from the two log terms of the loss, over a common denominator
        Expr dl = Expr.add(Expr.neg(Expr.div(Y, YP)), Expr.div(Expr.sub(ONE, Y), Expr.sub(ONE, YP)));
        Expr s = Simplifier.simplify(dl);
        assertEquals("(y_pred - y)/(y_pred*(1 - y_pred))", s.plain());
        Expr sig = Expr.mul(YP, Expr.sub(ONE, YP));
        assertEquals("(y_pred - y)*x", Simplifier.simplify(Expr.product(List.of(dl, sig, X))).plain());
        assertEquals("y_pred - y", Simplifier.simplify(Expr.product(List.of(dl, sig, ONE))).plain());
    }

    @Test
    void simplificationIdentities() {
        assertEquals("x", Simplifier.simplify(f(Func.EXP, f(Func.LOG, X))).plain());
        assertEquals("x", Simplifier.simplify(f(Func.LOG, f(Func.EXP, X))).plain());
        assertEquals("0", Simplifier.simplify(Expr.sub(Expr.mul(X, Y), Expr.mul(Y, X))).plain());
        assertEquals("1", Simplifier.simplify(Expr.div(Expr.add(X, ONE), Expr.add(ONE, X))).plain());
        assertEquals("x + 1", Simplifier.simplify(Expr.div(Expr.sub(Expr.pow(X, 2), ONE), Expr.sub(X, ONE))).plain());
        assertEquals("x", Simplifier.simplify(Expr.mul(Expr.pow(X, 0.5), Expr.pow(X, 0.5))).plain());
        assertEquals("2*(x + 2)", Simplifier.simplify(Expr.add(Expr.mul(Expr.num(2), X), Expr.num(4))).plain());
        assertEquals("(x - y)/3", Simplifier.simplify(Expr.div(Expr.sub(X, Y), Expr.num(3))).plain());
        assertEquals("1", Simplifier.simplify(f(Func.EXP, Expr.ZERO)).plain());
        assertEquals("log(2)", Simplifier.simplify(f(Func.LOG, Expr.num(2))).plain());
        assertEquals("(x > 0)", Simplifier.simplify(new Expr.Indicator(f(Func.RELU, X), 0, Double.POSITIVE_INFINITY, true)).plain());
        assertEquals("1", Simplifier.simplify(new Expr.Indicator(Expr.num(3), 0, Double.POSITIVE_INFINITY, true)).plain());
        assertEquals("x", Simplifier.simplify(new Expr.Clamp(X, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).plain());
    }

    @Test
    void lightFactoriesFoldConstantsButKeepStructure() {
        assertEquals(Expr.ZERO, Expr.mul(X, Expr.ZERO));
        assertEquals(X, Expr.mul(ONE, X));
        assertEquals(X, Expr.add(X, Expr.ZERO));
        assertEquals("1 - y", Expr.sub(ONE, Y).plain());
        assertEquals("x + 1", Expr.add(X, ONE).plain());
        assertEquals(Expr.num(8), Expr.pow(Expr.num(2), 3));
        assertEquals(ONE, Expr.pow(X, 0));
        // the raw algebra folds nothing: a rule with numbers put in stays readable
        ExprAlgebra raw = ExprAlgebra.raw();
        Expr rule = ElementwiseOp.SIGMOID.derivatives(raw, List.of(Expr.num(6.7)), Expr.num(0.9988), new double[0]).get(0);
        assertEquals("0.9988*(1 - 0.9988)", rule.plain());
        assertEquals("0.9988 \\cdot (1 - 0.9988)", rule.latex());
    }

    @Test
    void evaluation() {
        Map<String, Double> at = Map.of("x", 3.0, "y", 0.0, "y_pred", 0.9988, "w", 1.0, "b", 0.0);
        assertEquals(6, Evaluator.eval(Expr.mul(Expr.num(2), X), at), 1e-12);
        assertEquals(1 / (1 + Math.exp(-3)), Evaluator.eval(f(Func.SIGMOID, X), at), 1e-15);
        assertEquals(0.9988 * 3, Evaluator.eval(Simplifier.simplify(Expr.mul(Expr.sub(YP, Y), X)), at), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Evaluator.eval(Expr.var("q"), at));
        assertEquals(1.0, Evaluator.eval(new Expr.Indicator(X, 0, 5, false), at));
    }

    @Test
    void substitutionAndExpansion() {
        Map<String, Expr> defs = Map.of("y_pred", f(Func.SIGMOID, Expr.var("z")), "z", Expr.add(Expr.mul(W, X), B));
        Expr e = Expr.mul(Expr.sub(YP, Y), X);
        assertEquals("x*(sigmoid(w*x + b) - y)", Simplifier.simplify(Exprs.expand(e, defs)).plain());
        assertEquals(List.of("y_pred", "y", "x"), List.copyOf(Exprs.freeVariables(e)));
        Expr raw = Exprs.substituteRaw(Simplifier.simplify(e), Map.of("y_pred", Expr.num(0.9988), "y", Expr.num(0), "x", Expr.num(6.7)));
        assertEquals("(0.9988 - 0)*6.7", raw.plain());
        assertThrows(IllegalArgumentException.class, () -> Exprs.expand(X, Map.of("x", Expr.add(X, ONE))));
    }

    @Test
    void latexNames() {
        Renderer r = Renderer.LATEX;
        assertEquals("y_{\\text{pred}}", r.name("y_pred"));
        assertEquals("w_{1}", r.name("w1"));
        assertEquals("x_{0}", r.name("x_0"));
        assertEquals("\\sigma", r.name("sigma"));
        assertEquals("\\hat{y}", r.name("y_hat"));
        assertEquals("\\mathrm{loss}", r.name("loss"));
        assertEquals("W", r.name("W"));
    }

    @Test
    void latexAndPlainRendering() {
        assertEquals("\\sigma(z)", f(Func.SIGMOID, Expr.var("z")).latex());
        assertEquals("e^{-z}", f(Func.EXP, Expr.neg(Expr.var("z"))).latex());
        assertEquals("\\frac{1}{1 + e^{-z}}", Expr.div(ONE, Expr.add(ONE, f(Func.EXP, Expr.neg(Expr.var("z"))))).latex());
        assertEquals("1/(1 + exp(-z))", Expr.div(ONE, Expr.add(ONE, f(Func.EXP, Expr.neg(Expr.var("z"))))).plain());
        assertEquals("\\left|x\\right|", f(Func.ABS, X).latex());
        assertEquals("\\sqrt{x}", f(Func.SQRT, X).latex());
        assertEquals("\\ln(x)", f(Func.LOG, X).latex());
        assertEquals("(x + 1)**2", Expr.pow(Expr.add(X, ONE), 2).plain());
        assertEquals("(x + 1)^{2}", Expr.pow(Expr.add(X, ONE), 2).latex());
        assertEquals("(e^{x})^{2}", new Expr.Pow(f(Func.EXP, X), Expr.num(2)).latex());
        assertEquals("-x**2", Expr.neg(Expr.pow(X, 2)).plain());
        assertEquals("x - 2*y", Expr.sub(X, Expr.mul(Expr.num(2), Y)).plain());
        assertEquals("x*(-2)", new Expr.Product(List.of(X, Expr.num(-2))).plain());
        assertEquals("\\frac{x}{3}", Expr.div(X, Expr.num(3)).latex());
        assertEquals("x/(y*w)", new Expr.Product(List.of(X, new Expr.Pow(new Expr.Product(List.of(Y, W)), Expr.MINUS_ONE))).plain());
        assertEquals("\\mathbf{1}[x > 0]", new Expr.Indicator(X, 0, Double.POSITIVE_INFINITY, true).latex());
        assertEquals("x^{\\top}", Expr.apply(TensorFn.TRANSPOSE, X).latex());
        assertEquals("x.T @ g", Expr.apply(TensorFn.MATMUL, Expr.apply(TensorFn.TRANSPOSE, X), Expr.var("g")).plain());
        assertEquals("x^{\\top} g", Expr.apply(TensorFn.MATMUL, Expr.apply(TensorFn.TRANSPOSE, X), Expr.var("g")).latex());
        assertEquals("g \\odot x", Expr.apply(TensorFn.HADAMARD, Expr.var("g"), X).latex());
        assertEquals("binary_cross_entropy_with_logits(z, y)", Expr.apply(TensorFn.BCE_WITH_LOGITS, Expr.var("z"), Y).plain());
        assertEquals("x[0, 1:3]", Expr.apply(TensorFn.INDEX, "0, 1:3", X).plain());
    }

    @Test
    void numbers() {
        assertEquals("6.7", Numbers.shortest((float) 6.7));
        assertEquals("0.1", Numbers.shortest(0.1));
        assertEquals("2", Numbers.shortest(2.0));
        assertEquals("1e-08", Numbers.shortest(1e-8));
        assertEquals("1.5e+20", Numbers.shortest(1.5e20));
        assertEquals("0.99999999", Numbers.shortest(1 - 1e-8));
        assertEquals("0.9988", Numbers.rounded(0.998770534992218, 4));
        assertEquals("6.6918", Numbers.rounded(6.6917619705200195, 4));
        assertEquals("0.5", Numbers.rounded(0.5, 4));
        assertEquals("1e-08", Numbers.rounded(1e-8, 4));
        assertEquals("-5.4668", Numbers.rounded(-5.466781571308061, 4));
        assertEquals("10^{-8}", Numbers.latexNumber("1e-08"));
        assertEquals("2.5 \\times 10^{-7}", Numbers.latexNumber("2.5e-07"));
        assertEquals("2/3", Expr.num(2.0 / 3).plain());
        assertEquals("\\frac{1}{3}", Expr.num(1.0 / 3).latex());
        assertEquals("0.25", Expr.num(0.25).plain());
        assertNull(Numbers.displayFraction(0.25));
    }

    @Test
    void dualAlgebraResolvesBranchesThatHoldEverywhere() {
        DualAlgebra a = new DualAlgebra(true);
        Dual x = new Dual(X, new double[] {0.5, 0.7});
        assertEquals(ONE, a.inRange(x, 0, 1).expr());
        assertTrue(a.inRange(new Dual(X, new double[] {0.5, 2}), 0, 1).expr() instanceof Expr.Indicator);
        assertEquals(Expr.MINUS_ONE, a.sign(new Dual(X, new double[] {-1, -3})).expr());
        DualAlgebra keep = new DualAlgebra(false);
        assertTrue(keep.positive(x).expr() instanceof Expr.Indicator);
    }
}
