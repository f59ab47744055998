package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.engine.ElementwiseOp;

/**
 * Symbolic differentiation. Every function's local derivative comes from the engine's own table
 * ({@link ElementwiseOp#derivatives} evaluated over {@link ExprAlgebra}), so {@code d(sin(u))} is
 * whatever autograd uses for {@code SinBackward0}, times {@code d(u)} by the chain rule.
 */
public final class Differentiator {
    private static final double[] NONE = new double[0];
    private static final ExprAlgebra A = new ExprAlgebra();

    private Differentiator() {
    }

    /** d(e)/d(var), simplified to a readable normal form. */
    public static Expr d(Expr e, String var) {
        return Simplifier.simplify(derivative(e, var));
    }

    /** d(e)/d(var) as the rules produce it, lightly simplified only. */
    public static Expr derivative(Expr e, String var) {
        if (!e.mentions(var)) {
            return Expr.ZERO;
        }
        if (e instanceof Expr.Var) {
            return Expr.ONE;
        }
        if (e instanceof Expr.Sum s) {
            List<Expr> terms = new ArrayList<>();
            for (Expr t : s.terms()) {
                terms.add(derivative(t, var));
            }
            return Expr.sum(terms);
        }
        if (e instanceof Expr.Product p) {
            // the product rule: what MulBackward0 does for two factors, applied to each factor in turn
            List<Expr> terms = new ArrayList<>();
            List<Expr> fs = p.factors();
            for (int i = 0; i < fs.size(); i++) {
                if (!fs.get(i).mentions(var)) {
                    continue;
                }
                List<Expr> others = new ArrayList<>(fs);
                others.set(i, derivative(fs.get(i), var));
                terms.add(Expr.product(others));
            }
            return Expr.sum(terms);
        }
        if (e instanceof Expr.Pow p) {
            if (p.exponent() instanceof Expr.Const c) {
                Expr local = ElementwiseOp.POW_SCALAR.derivatives(A, List.of(p.base()), e, new double[] {c.value()}).get(0);
                return Expr.mul(local, derivative(p.base(), var));
            }
            List<Expr> local = ElementwiseOp.POW.derivatives(A, List.of(p.base(), p.exponent()), e, NONE);
            return Expr.add(Expr.mul(local.get(0), derivative(p.base(), var)),
                    Expr.mul(local.get(1), derivative(p.exponent(), var)));
        }
        if (e instanceof Expr.Call c) {
            if (c.func() == Func.SIGN) {
                return Expr.ZERO;
            }
            Expr local = c.func().op().derivatives(A, List.of(c.arg()), e, NONE).get(0);
            return Expr.mul(local, derivative(c.arg(), var));
        }
        if (e instanceof Expr.Clamp c) {
            Expr local = ElementwiseOp.CLAMP.derivatives(A, List.of(c.arg()), e, new double[] {c.min(), c.max()}).get(0);
            return Expr.mul(local, derivative(c.arg(), var));
        }
        if (e instanceof Expr.Indicator) {
            return Expr.ZERO;
        }
        Expr.Apply a = (Expr.Apply) e;
        throw new UnsupportedOperationException("the element algebra cannot differentiate " + a.fn().plainName()
                + "(...) of a whole tensor; ChainRule applies its matrix-calculus rule");
    }
}
