package org.autogradstudio.calculus;

import java.util.List;

/** The p-norm of all elements: d‖x‖/dx_i = sgn(x_i)|x_i|^{p-1} / ‖x‖^{p-1} (x_i/‖x‖ for p = 2). */
final class NormRule implements LocalRule {
    private final String name;
    private final double p;

    NormRule(String name, double p) {
        this.name = name;
        this.p = p;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Values forward(List<Values> in) {
        double s = 0;
        for (double x : in.get(0).data()) {
            s = Double.isInfinite(p) ? Math.max(s, Math.abs(x)) : s + Math.pow(Math.abs(x), p);
        }
        return Values.scalar(Double.isInfinite(p) ? s : Math.pow(s, 1 / p));
    }

    private <T> T derivative(RuleAlgebra<T> a, T x, T norm) {
        if (p == 2) {
            return a.div(x, norm);
        }
        return a.div(a.mul(a.sign(x), a.pow(a.abs(x), a.constant(p - 1))), a.pow(norm, a.constant(p - 1)));
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        double norm = out.data()[0];
        double gs = g.data()[0];
        return in.get(0).map(x -> norm == 0 ? 0 : gs * Math.signum(x) * Math.pow(Math.abs(x), p - 1) / Math.pow(norm, p - 1));
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] shape) {
        return Values.scalar(masks.get(0).sum() != 0 ? 1 : 0);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        if (Double.isInfinite(p)) {
            return null;
        }
        double[] x = new double[positions.length], n = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            x[k] = in.get(0).data()[positions[k]];
            n[k] = out.data()[0];
        }
        return derivative(a, new Dual(inExprs.get(0), x), new Dual(outExpr, n));
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        return Expr.apply(TensorFn.NORM, p == 2 ? "" : Numbers.shortest(p), in.get(0));
    }
}
