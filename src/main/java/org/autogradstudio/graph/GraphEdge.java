package org.autogradstudio.graph;

/**
 * A forward edge: a tensor flowing into a function as its {@code inputNr}-th argument, or a function
 * producing its output tensor (inputNr -1). Compared by identity, as JGraphT expects of edge objects.
 */
public final class GraphEdge {
    private final GraphVertex source;
    private final GraphVertex target;
    private final int inputNr;

    GraphEdge(GraphVertex source, GraphVertex target, int inputNr) {
        this.source = source;
        this.target = target;
        this.inputNr = inputNr;
    }

    public GraphVertex source() {
        return source;
    }

    public GraphVertex target() {
        return target;
    }

    /** Which argument of the function this is; -1 on the edge from a function to its output. */
    public int inputNr() {
        return inputNr;
    }

    @Override
    public String toString() {
        return source.label() + " -> " + target.label();
    }
}
