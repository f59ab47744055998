package org.autogradstudio.calculus;

import org.autogradstudio.engine.Algebra;

/**
 * The engine's {@link Algebra} with the few extra words the calculus package's own rules (losses,
 * norms) are written in. Like the engine's table, each such rule is written once and evaluated
 * over expressions (the derivation) and over numbers (the gradient), so the two cannot disagree.
 */
public interface RuleAlgebra<T> extends Algebra<T> {
    /** σ(a) = 1 / (1 + e^{-a}). */
    default T sigmoid(T a) {
        return div(constant(1), add(constant(1), exp(neg(a))));
    }

    /** |a|. */
    default T abs(T a) {
        return mul(sign(a), a);
    }
}
