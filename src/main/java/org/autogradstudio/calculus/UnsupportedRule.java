package org.autogradstudio.calculus;

import java.util.List;

/** A recorded operation this package has no rule for (e.g. CopySlices, WhereBackward0): shown, not computed. */
final class UnsupportedRule implements LocalRule {
    private final String name;
    private final String reason;

    UnsupportedRule(String name, String reason) {
        this.name = name;
        this.reason = reason;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean supported() {
        return false;
    }

    String reason() {
        return reason;
    }

    private UnsupportedOperationException refuse() {
        return new UnsupportedOperationException(name + ": " + reason);
    }

    @Override
    public Values forward(List<Values> in) {
        throw refuse();
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        throw refuse();
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] shape) {
        boolean any = false;
        for (Values m : masks) {
            any |= m.sum() != 0;
        }
        return Values.full(shape, any ? 1 : 0);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        return null;
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        return new Expr.Apply(TensorFn.OTHER, name, in);
    }

    @Override
    public Expr matrixVjp(Expr g, List<Expr> in, Expr local, int i, int[] inShape, int[] outShape) {
        return Expr.apply(TensorFn.OTHER, name, g);
    }
}
