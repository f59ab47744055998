/**
 * The derivation panel: the chain rule for d root / d selected leaf worked out symbolically (from
 * the calculus package), with numbers substituted, beside the engine's {@code .grad} and a central
 * finite difference; and the lesson's own manual-vs-autograd comparisons.
 */
package org.autogradstudio.ui.derivation;
