package org.autogradstudio.calculus;

import java.util.List;

/**
 * What the calculus package knows about one recorded operation (one {@code grad_fn}): its forward
 * in double (for finite differences), its vector-Jacobian product (the gradient each input gets),
 * which output elements depend on which input elements, its forward formula, and its local
 * derivative written per element (elementwise ops, reductions, losses) or as a matrix rule
 * (matmul: {@code g B^T}, {@code A^T g}).
 */
interface LocalRule {
    /** PyTorch's name of the backward function, e.g. {@code MulBackward0}. */
    String name();

    /** False for operations this package cannot replay or differentiate (their paths are reported, not computed). */
    default boolean supported() {
        return true;
    }

    /** Whether the engine sends a gradient to input {@code i} (losses send none to their target). */
    default boolean flows(int i) {
        return true;
    }

    /** The output computed from the inputs, in double. */
    Values forward(List<Values> in);

    /** The gradient for input {@code i}, given the gradient {@code g} of the output. */
    Values vjp(List<Values> in, Values out, Values g, int i);

    /** Which output elements depend on the marked input elements (masks hold 0 or 1). */
    Values dependents(List<Values> masks, List<Values> in, int[] outShape);

    /** Whether the element factor is evaluated at output positions (elementwise ops) rather than input positions. */
    default boolean factorAtOutput() {
        return false;
    }

    /**
     * d(out)/d(in_i) for one generic element, with its values at {@code positions} (output positions
     * when {@link #factorAtOutput()}, else positions of input i); null when the derivative is not an
     * element-by-element factor (matrix products).
     */
    Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions);

    /** The output as a formula of the inputs' formulas; {@code tensorLevel} keeps transposes and reshapes visible. */
    Expr forwardExpr(List<Expr> in, boolean tensorLevel);

    /**
     * The gradient of input {@code i} as a formula of the output's gradient {@code g} (the matrix form),
     * given the inputs' tensor-level formulas and the element factor when there is one.
     */
    default Expr matrixVjp(Expr g, List<Expr> in, Expr local, int i, int[] inShape, int[] outShape) {
        Expr out = MatrixForm.hadamard(g, local);
        return java.util.Arrays.equals(inShape, outShape) ? out : MatrixForm.sumTo(out, inShape);
    }
}
