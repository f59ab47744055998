package org.autogradstudio.engine;

/**
 * Receives the backward pass as it really executes, in order. The studio's animation and the
 * graph package's {@code BackwardTrace} are built from these events, never from a re-simulation.
 */
public interface BackwardListener {
    /** A backward pass begins at these roots. */
    default void onBackwardStart(Tensor[] roots, Tensor[] gradients) {
    }

    /** {@code node} is about to run with the gradient that flowed into it (sum over its consumers). */
    default void onNodeRun(Node node, Tensor incomingGradient) {
    }

    /** A gradient crosses {@code edge}, leaving {@code from}. */
    default void onEdge(Node from, Edge edge, Tensor gradient) {
    }

    /** A leaf's {@code .grad} became {@code total} after adding {@code incoming}. */
    default void onAccumulate(Tensor leaf, Tensor incoming, Tensor total) {
    }

    /** A non-leaf that called {@code retain_grad()} received its gradient. */
    default void onRetainedGrad(Tensor tensor, Tensor gradient) {
    }

    default void onBackwardEnd() {
    }
}
