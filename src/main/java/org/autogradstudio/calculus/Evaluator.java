package org.autogradstudio.calculus;

import java.util.Map;
import org.autogradstudio.engine.ElementwiseOp;

/**
 * Numeric evaluation of an expression in double, with values bound to its variables. Functions
 * use the engine's forward rules ({@link ElementwiseOp#apply}), so a value agrees with what a
 * float64 tensor would hold.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** The value of {@code e}; throws {@link IllegalArgumentException} for an unbound variable or an opaque tensor function. */
    public static double eval(Expr e, Map<String, Double> bindings) {
        if (e instanceof Expr.Const c) {
            return c.value();
        }
        if (e instanceof Expr.Var v) {
            Double value = bindings.get(v.name());
            if (value == null) {
                throw new IllegalArgumentException("no value bound to " + v.name());
            }
            return value;
        }
        if (e instanceof Expr.Sum s) {
            double total = 0;
            for (Expr t : s.terms()) {
                total += eval(t, bindings);
            }
            return total;
        }
        if (e instanceof Expr.Product p) {
            double total = 1;
            for (Expr f : p.factors()) {
                total *= eval(f, bindings);
            }
            return total;
        }
        if (e instanceof Expr.Pow p) {
            return Math.pow(eval(p.base(), bindings), eval(p.exponent(), bindings));
        }
        if (e instanceof Expr.Call c) {
            return c.func().apply(eval(c.arg(), bindings));
        }
        if (e instanceof Expr.Clamp c) {
            return ElementwiseOp.CLAMP.apply(eval(c.arg(), bindings), 0, new double[] {c.min(), c.max()});
        }
        if (e instanceof Expr.Indicator i) {
            return i.holds(eval(i.arg(), bindings)) ? 1 : 0;
        }
        Expr.Apply a = (Expr.Apply) e;
        throw new IllegalArgumentException("cannot evaluate " + a.fn().plainName() + "(...) from element values alone");
    }
}
