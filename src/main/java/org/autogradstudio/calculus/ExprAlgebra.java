package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's derivative rules evaluated over symbolic expressions:
 * {@code ElementwiseOp.SIN.derivatives(new ExprAlgebra(), List.of(x), out, p)} is {@code cos(x)}.
 * By default the results are lightly simplified (constants folded); {@link #raw()} builds exactly
 * the rule's shape, for showing a rule with numbers substituted before it is evaluated.
 */
public final class ExprAlgebra implements RuleAlgebra<Expr> {
    private final boolean raw;

    public ExprAlgebra() {
        this(false);
    }

    private ExprAlgebra(boolean raw) {
        this.raw = raw;
    }

    /** An algebra that folds nothing: {@code 1 - 0.9988} stays a difference. */
    public static ExprAlgebra raw() {
        return new ExprAlgebra(true);
    }

    @Override
    public Expr constant(double c) {
        return new Expr.Const(c);
    }

    @Override
    public boolean isOne(Expr a) {
        return !raw && a instanceof Expr.Const c && c.value() == 1;
    }

    @Override
    public Expr add(Expr a, Expr b) {
        return raw ? new Expr.Sum(flat(List.of(a, b), true)) : Expr.add(a, b);
    }

    @Override
    public Expr sub(Expr a, Expr b) {
        return raw ? new Expr.Sum(flat(List.of(a, neg(b)), true)) : Expr.sub(a, b);
    }

    @Override
    public Expr mul(Expr a, Expr b) {
        return raw ? new Expr.Product(flat(List.of(a, b), false)) : Expr.mul(a, b);
    }

    @Override
    public Expr div(Expr a, Expr b) {
        return raw ? new Expr.Product(flat(List.of(a, new Expr.Pow(b, Expr.MINUS_ONE)), false)) : Expr.div(a, b);
    }

    @Override
    public Expr neg(Expr a) {
        if (raw) {
            return a instanceof Expr.Const c ? new Expr.Const(-c.value()) : new Expr.Product(flat(List.of(Expr.MINUS_ONE, a), false));
        }
        return Expr.neg(a);
    }

    @Override
    public Expr pow(Expr base, Expr exponent) {
        return raw ? new Expr.Pow(base, exponent) : Expr.pow(base, exponent);
    }

    @Override
    public Expr exp(Expr a) {
        return new Expr.Call(Func.EXP, a);
    }

    @Override
    public Expr log(Expr a) {
        return new Expr.Call(Func.LOG, a);
    }

    @Override
    public Expr sin(Expr a) {
        return new Expr.Call(Func.SIN, a);
    }

    @Override
    public Expr cos(Expr a) {
        return new Expr.Call(Func.COS, a);
    }

    @Override
    public Expr sign(Expr a) {
        return new Expr.Call(Func.SIGN, a);
    }

    @Override
    public Expr positive(Expr a) {
        return new Expr.Indicator(a, 0, Double.POSITIVE_INFINITY, true);
    }

    @Override
    public Expr inRange(Expr a, double lo, double hi) {
        return new Expr.Indicator(a, lo, hi, false);
    }

    @Override
    public Expr sigmoid(Expr a) {
        return new Expr.Call(Func.SIGMOID, a);
    }

    @Override
    public Expr abs(Expr a) {
        return new Expr.Call(Func.ABS, a);
    }

    private static List<Expr> flat(List<Expr> items, boolean sums) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : items) {
            if (sums && e instanceof Expr.Sum s) {
                out.addAll(s.terms());
            } else if (!sums && e instanceof Expr.Product p) {
                out.addAll(p.factors());
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
