package org.autogradstudio.calculus;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;

/**
 * The recorded forward pass run again in double with one tensor's values replaced: each
 * function node recomputes its output from its op, name and attributes ({@link LocalRule#forward});
 * what does not depend on the replaced tensor keeps the values the graph recorded.
 */
final class Replay {
    private final RecordedGraph graph;
    private final Map<Tensor, Values> recorded = new IdentityHashMap<>();

    Replay(RecordedGraph graph) {
        this.graph = graph;
    }

    private Values recordedValues(Tensor t) {
        return recorded.computeIfAbsent(t, Values::of);
    }

    /** The root's values when {@code source}'s output holds {@code replacement}. */
    Values run(Node source, Values replacement) {
        Set<Node> affected = graph.descendants(source);
        Map<Node, Values> out = new IdentityHashMap<>();
        out.put(source, replacement);
        for (Node n : graph.order()) {
            if (n == source || n instanceof AccumulateGrad || !affected.contains(n)) {
                continue;
            }
            LocalRule rule = graph.rule(n);
            List<Tensor> inputs = n.inputs();
            List<Edge> edges = n.nextEdges();
            java.util.ArrayList<Values> in = new java.util.ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Edge e = i < edges.size() ? edges.get(i) : null;
                Values v = e == null ? null : out.get(e.function());
                in.add(v != null ? v : recordedValues(inputs.get(i)));
            }
            out.put(n, rule.forward(in));
        }
        Values r = out.get(graph.root());
        return r != null ? r : recordedValues(graph.root().output());
    }
}
