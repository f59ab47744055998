/**
 * The calculus behind the derivation panel: symbolic expressions over the elements of the
 * script's tensors ({@link org.autogradstudio.calculus.Expr}), differentiated with the engine's
 * own rule table ({@link org.autogradstudio.calculus.ExprAlgebra} evaluates
 * {@link org.autogradstudio.engine.ElementwiseOp#derivatives} symbolically, so the panel and
 * autograd cannot disagree about a rule), simplified to the forms the notebooks write
 * ({@link org.autogradstudio.calculus.Simplifier}) and rendered as LaTeX or Python-like text
 * ({@link org.autogradstudio.calculus.Renderer}).
 *
 * <p>{@link org.autogradstudio.calculus.ChainRule} reads the graph autograd recorded and works
 * out the chain rule along every path from a leaf to the root (a
 * {@link org.autogradstudio.calculus.Derivation}); {@link org.autogradstudio.calculus.FiniteDifference}
 * replays the recorded forward pass in double to estimate the same derivative numerically;
 * {@link org.autogradstudio.calculus.ManualComparison} sets a lesson's hand-computed gradient beside
 * autograd's and finds the first factor where they part.
 *
 * <p>Depends on the engine only; no JavaFX (the ui draws the LaTeX strings with jlatexmath).
 */
package org.autogradstudio.calculus;
