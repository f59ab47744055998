package org.autogradstudio.engine;

/** The node a backward pass starts from: it hands the initial gradients to the roots' functions. */
public final class GraphRoot extends Node {
    /** The roots' functions (edge i leads to functions[i]); edges 0 and 1 are also in the fields. */
    private final Node[] functions;
    private final Tensor[] gradients;

    GraphRoot(Node[] functions, Tensor[] gradients) {
        super(Long.MAX_VALUE);
        this.functions = functions;
        this.gradients = gradients;
        setNumEdges(functions.length);
        next0 = functions.length > 0 ? functions[0] : null;
        next1 = functions.length > 1 ? functions[1] : null;
    }

    @Override
    Node nextBeyond(int i) {
        return functions[i];
    }

    @Override
    void setNextBeyond(int i, Node function) {
        functions[i] = function;
    }

    @Override
    public String name() {
        return "GraphRoot";
    }

    @Override
    protected Tensor[] apply(Tensor ignored) {
        return gradients;
    }
}
