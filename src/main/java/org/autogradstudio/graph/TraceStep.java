package org.autogradstudio.graph;

import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;

/**
 * One step of a backward pass as the engine ran it: a gradient crossing an edge from {@code from}
 * to {@code to}. {@code upstream} is the gradient that reached {@code from}, {@code product} what
 * crosses the edge, {@code local} their elementwise ratio (the local derivative; null where the
 * rule is not elementwise, e.g. a sum or a matrix product), and {@code runningSum} what has
 * arrived at {@code to} so far: where paths meet ({@code w} used twice) it grows by each product.
 *
 * @param arrival 1 for the first gradient to reach {@code to} in this pass, 2 for the second ...
 * @param from    the node the gradient leaves (GraphRoot for the seed gradient)
 */
public record TraceStep(int index, Node from, Node to, int inputNr, Tensor upstream, Tensor local, Tensor product,
                        Tensor runningSum, int arrival) {

    /** Whether this step reaches a leaf's AccumulateGrad, i.e. adds into a {@code .grad}. */
    public boolean accumulates() {
        return to instanceof org.autogradstudio.engine.AccumulateGrad;
    }
}
