package org.autogradstudio.calculus;

/**
 * A quantity known both symbolically and numerically: an expression for one generic element and
 * its values at the elements the derivation looks at.
 */
public record Dual(Expr expr, double[] values) {
    /** The single value, when there is one element (or all elements agree). */
    public boolean isUniform() {
        for (double v : values) {
            if (Double.compare(v, values[0]) != 0) {
                return false;
            }
        }
        return values.length > 0;
    }
}
