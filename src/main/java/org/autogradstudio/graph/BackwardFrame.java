package org.autogradstudio.graph;

import java.util.Map;
import java.util.Set;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;

/**
 * The graph as it stands after one step of the backward pass: the step's forward edge (tensor into
 * function; null for the seed), the function it leaves and the tensor it reaches, its equation
 * ({@code upstream × local = product}) and every gradient known so far, complete or still summing.
 *
 * @param step     0 for the seed, as in {@link BackwardTrace#steps()}
 * @param grads    the gradient each tensor vertex has received so far (a running sum where paths meet)
 * @param complete the vertices whose every gradient has arrived
 */
public record BackwardFrame(int step, int stepCount, GraphEdge edge, FunctionVertex function, TensorVertex tensor,
                            String equation, Map<TensorVertex, Tensor> grads, Set<TensorVertex> complete) {

    /** {@code step 3 of 6: σ → z   0.9988 × 0.0012 = 0.0012}, the caption under a GIF frame. */
    public String caption() {
        String target = tensor == null ? "?" : tensor.label();
        String path = function == null ? target : function.symbol() + " \u2192 " + target;
        return "step " + (step + 1) + " of " + stepCount + ":  " + path + "    " + equation;
    }
}
