package org.autogradstudio.calculus;

/**
 * A rule evaluated symbolically and numerically in one go. Piecewise parts of a rule (the sign of
 * abs, the indicator of relu and clamp) are resolved to the branch that holds at every element
 * looked at, so the symbolic result reads as the active formula ({@code 1} rather than
 * {@code 1[1e-08 <= y_pred <= 1]}); where the elements disagree the indicator stays symbolic.
 */
public final class DualAlgebra implements RuleAlgebra<Dual> {
    private final ExprAlgebra sym;
    private final VecAlgebra num = VecAlgebra.INSTANCE;
    private final boolean resolve;

    public DualAlgebra(boolean resolvePiecewise) {
        this(resolvePiecewise, false);
    }

    /** With {@code raw}, expressions keep the rule's exact shape (for showing it with numbers substituted). */
    public DualAlgebra(boolean resolvePiecewise, boolean raw) {
        this.resolve = resolvePiecewise;
        this.sym = raw ? ExprAlgebra.raw() : new ExprAlgebra();
    }

    private static Dual of(Expr e, double[] v) {
        return new Dual(e, v);
    }

    @Override
    public Dual constant(double c) {
        return of(sym.constant(c), num.constant(c));
    }

    @Override
    public boolean isOne(Dual a) {
        return sym.isOne(a.expr());
    }

    @Override
    public Dual add(Dual a, Dual b) {
        return of(sym.add(a.expr(), b.expr()), num.add(a.values(), b.values()));
    }

    @Override
    public Dual sub(Dual a, Dual b) {
        return of(sym.sub(a.expr(), b.expr()), num.sub(a.values(), b.values()));
    }

    @Override
    public Dual mul(Dual a, Dual b) {
        return of(sym.mul(a.expr(), b.expr()), num.mul(a.values(), b.values()));
    }

    @Override
    public Dual div(Dual a, Dual b) {
        return of(sym.div(a.expr(), b.expr()), num.div(a.values(), b.values()));
    }

    @Override
    public Dual neg(Dual a) {
        return of(sym.neg(a.expr()), num.neg(a.values()));
    }

    @Override
    public Dual pow(Dual base, Dual exponent) {
        return of(sym.pow(base.expr(), exponent.expr()), num.pow(base.values(), exponent.values()));
    }

    @Override
    public Dual exp(Dual a) {
        return of(sym.exp(a.expr()), num.exp(a.values()));
    }

    @Override
    public Dual log(Dual a) {
        return of(sym.log(a.expr()), num.log(a.values()));
    }

    @Override
    public Dual sin(Dual a) {
        return of(sym.sin(a.expr()), num.sin(a.values()));
    }

    @Override
    public Dual cos(Dual a) {
        return of(sym.cos(a.expr()), num.cos(a.values()));
    }

    @Override
    public Dual sigmoid(Dual a) {
        return of(sym.sigmoid(a.expr()), num.sigmoid(a.values()));
    }

    @Override
    public Dual abs(Dual a) {
        return of(sym.abs(a.expr()), num.abs(a.values()));
    }

    @Override
    public Dual sign(Dual a) {
        double[] v = num.sign(a.values());
        return of(resolved(v) ? Expr.num(v[0]) : sym.sign(a.expr()), v);
    }

    @Override
    public Dual positive(Dual a) {
        double[] v = num.positive(a.values());
        return of(resolved(v) ? Expr.num(v[0]) : sym.positive(a.expr()), v);
    }

    @Override
    public Dual inRange(Dual a, double lo, double hi) {
        double[] v = num.inRange(a.values(), lo, hi);
        return of(resolved(v) ? Expr.num(v[0]) : sym.inRange(a.expr(), lo, hi), v);
    }

    private boolean resolved(double[] v) {
        if (!resolve || v.length == 0 || Double.isNaN(v[0])) {
            return false;
        }
        for (double x : v) {
            if (Double.compare(x, v[0]) != 0) {
                return false;
            }
        }
        return true;
    }
}
