package org.autogradstudio.engine;

/**
 * The operations a derivative rule is written in. The engine evaluates the rules of
 * {@link ElementwiseOp} over tensors; the calculus package evaluates the very same rules over
 * symbolic expressions, so the derivation panel and autograd can never disagree about a rule.
 */
public interface Algebra<T> {
    T constant(double c);

    /** Whether {@code a} is the constant 1, so the chain rule can skip a multiplication. */
    default boolean isOne(T a) {
        return false;
    }

    T add(T a, T b);

    T sub(T a, T b);

    T mul(T a, T b);

    T div(T a, T b);

    T neg(T a);

    T pow(T base, T exponent);

    T exp(T a);

    T log(T a);

    T sin(T a);

    T cos(T a);

    /** sgn(a): the derivative of |a|. */
    T sign(T a);

    /** 1 where a &gt; 0, else 0: the derivative of relu. */
    T positive(T a);

    /** 1 where lo &lt;= a &lt;= hi, else 0: the derivative of clamp (bounds may be infinite). */
    T inRange(T a, double lo, double hi);

    /**
     * {@code g} where {@code mask} is nonzero, else +0: PyTorch's relu and clamp backward select
     * rather than multiply, so a negative gradient gives 0, not -0 (which would print as {@code -0.}).
     */
    default T masked(T g, T mask) {
        return mul(g, mask);
    }

    /** {@code 1 - a*a}; numeric algebras round it once (a fused multiply-add), as PyTorch's tanh backward does. */
    default T oneMinusSquare(T a) {
        return sub(constant(1), mul(a, a));
    }
}
