package org.autogradstudio.calculus;

import java.util.List;

/** A recorded operation this package has no rule for (e.g. CopySlices, WhereBackward0): shown, not computed. */
final class UnsupportedRule implements LocalRule {
    private final String name;
    private final String reason;

    UnsupportedRule(String name, String reason) {
        this(name, reason, "no rule for " + name + ": " + reason);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean supported() {
        return false;
    }

    /** A script's own {@code torch.autograd.Function}: its backward is Python code, which this package does not read. */
    static UnsupportedRule custom(String name) {
        return new UnsupportedRule(name, "custom", name + " is the script's own backward: its chain rule is the code in its backward method");
    }

    private final String note;

    private UnsupportedRule(String name, String reason, String note) {
        this.name = name;
        this.reason = reason;
        this.note = note;
    }

    String reason() {
        return reason;
    }

    /** The sentence the derivation shows for this node. */
    String note() {
        return note;
    }

    private UnsupportedOperationException refuse() {
        return new UnsupportedOperationException(note.startsWith("no rule for ") ? name + ": " + reason : note);
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
