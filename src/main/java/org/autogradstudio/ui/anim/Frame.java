package org.autogradstudio.ui.anim;

import java.util.Map;
import java.util.Set;
import org.autogradstudio.ui.graph.TensorSnapshot;
import org.autogradstudio.ui.graph.TraceStep;

/**
 * What the graph shows at one position of the animation: the vertices visible so far (forward),
 * the gradients known so far (backward), running sums where paths meet, and the active element
 * with its label ({@code upstream × local = product}).
 *
 * @param visible     vertex ids shown
 * @param grads       tensor vertex id to its complete gradient
 * @param partial     tensor vertex id to its running sum while gradients are still arriving
 * @param sumLabels   tensor vertex id to the {@code +=} equation where a second gradient arrived
 * @param activeVertex the vertex being run / revealed now (null when none)
 * @param activeEdge  the edge the gradient crosses now (null when none)
 * @param edgeLabel   the active edge's {@code upstream × local = product}
 * @param step        the backward step just replayed (null in the forward part)
 * @param caption     a sentence describing the step (already translated)
 */
public record Frame(Set<String> visible, Map<String, TensorSnapshot> grads, Map<String, TensorSnapshot> partial,
        Map<String, String> sumLabels, String activeVertex, String activeEdge, String edgeLabel, TraceStep step,
        String caption) {
    public static final Frame EMPTY = new Frame(Set.of(), Map.of(), Map.of(), Map.of(), null, null, null, null, "");

    public boolean isVisible(String id) {
        return visible.contains(id);
    }
}
