package org.autogradstudio.calculus;

import org.autogradstudio.engine.Node;

/**
 * One edge of the recorded graph in the forward direction: the output of {@code producer} is input
 * number {@code input} of {@code consumer}. A gradient travels it backwards; its chain-rule factor
 * is d(consumer's output)/d(that input).
 */
public record Link(Node producer, Node consumer, int input) {
    @Override
    public boolean equals(Object o) {
        return o instanceof Link l && l.producer == producer && l.consumer == consumer && l.input == input;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(consumer) * 31 + input;
    }

    @Override
    public String toString() {
        return producer.name() + " -> " + consumer.name() + "[" + input + "]";
    }
}
