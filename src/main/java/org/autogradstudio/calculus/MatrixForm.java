package org.autogradstudio.calculus;

import java.util.Arrays;

/** Small builders for the matrix form of a chain: g ⊙ f'(z), x^T g, sums back to a shape. */
final class MatrixForm {
    private MatrixForm() {
    }

    static boolean isScalarConst(Expr e) {
        return e instanceof Expr.Const;
    }

    /** {@code g ⊙ local}, multiplied out when both are plain element formulas. */
    static Expr hadamard(Expr g, Expr local) {
        if (local == null) {
            return Expr.apply(TensorFn.OTHER, "vjp", g);
        }
        if (local instanceof Expr.Const c && c.value() == 1) {
            return g;
        }
        if (g instanceof Expr.Const c && c.value() == 1) {
            return local;
        }
        if (!Exprs.hasApply(g) && !Exprs.hasApply(local)) {
            return Simplifier.simplify(Expr.mul(g, local));
        }
        if (g instanceof Expr.Const || local instanceof Expr.Const) {
            return Expr.mul(g, local);
        }
        return Expr.apply(TensorFn.HADAMARD, g, local);
    }

    static Expr sumTo(Expr g, int[] shape) {
        return Expr.apply(TensorFn.SUM_TO, shapeLabel(shape), g);
    }

    static String shapeLabel(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        String s = Arrays.toString(shape);
        return "(" + s.substring(1, s.length() - 1) + ")";
    }
}
