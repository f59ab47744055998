package org.autogradstudio.engine;

/**
 * A link from a backward function to the function that receives its gradient, as in PyTorch:
 * {@code function} is the next {@link Node} and {@code inputNr} which of its inputs the gradient feeds.
 */
public record Edge(Node function, int inputNr) {
}
