package org.autogradstudio.ui.anim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.graph.EdgeData;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.graph.Role;
import org.autogradstudio.ui.graph.TensorSnapshot;
import org.autogradstudio.ui.graph.TraceStep;
import org.autogradstudio.ui.graph.VertexData;
import org.autogradstudio.ui.graph.VertexKind;

/**
 * The positions of the animation over one graph: position 0 shows the inputs; positions 1..F reveal
 * the functions in forward execution order (with their outputs); positions F+1..F+B replay the
 * recorded backward steps. {@link #frame(int)} computes any position from scratch (graphs are small).
 */
public final class StepPlan {
    private final GraphData graph;
    private final Map<String, VertexData> byId;
    private final List<VertexData> functions;
    private final Map<String, List<String>> revealedWith = new HashMap<>();
    private final Set<String> initial = new LinkedHashSet<>();

    public StepPlan(GraphData graph) {
        this.graph = graph;
        this.byId = graph.vertexMap();
        this.functions = new ArrayList<>();
        for (VertexData v : graph.vertices()) {
            if (v.kind() == VertexKind.FUNCTION) {
                functions.add(v);
            }
        }
        functions.sort(Comparator.comparingDouble(VertexData::order));
        for (VertexData v : graph.vertices()) {
            if (v.isTensor() && v.isLeaf() && (v.role() == Role.PARAMETER || v.name() != null || functions.isEmpty())) {
                initial.add(v.id());
            }
        }
        for (VertexData f : functions) {
            List<String> with = new ArrayList<>();
            with.add(f.id());
            for (EdgeData e : graph.edges()) {
                if (e.from().equals(f.id())) {
                    with.add(e.to());
                } else if (e.to().equals(f.id()) && !initial.contains(e.from()) && byId.get(e.from()).isLeaf()) {
                    with.add(e.from());
                }
            }
            revealedWith.put(f.id(), with);
        }
    }

    public GraphData graph() {
        return graph;
    }

    /** Number of forward positions after the first (one per function vertex). */
    public int forwardSteps() {
        return functions.size();
    }

    public int backwardSteps() {
        return graph.trace().size();
    }

    /** Number of positions: 0 .. size()-1. */
    public int size() {
        return graph.isEmpty() ? 1 : 1 + forwardSteps() + backwardSteps();
    }

    public Frame frame(int position) {
        if (graph.isEmpty()) {
            return Frame.EMPTY;
        }
        int f = Math.min(position, forwardSteps());
        Set<String> visible = new HashSet<>(initial);
        String active = null;
        for (int i = 0; i < f; i++) {
            visible.addAll(revealedWith.get(functions.get(i).id()));
            active = functions.get(i).id();
        }
        String caption = f == 0 ? I18n.get("anim.phase.leaves")
                : I18n.get("anim.phase.forward", functions.get(f - 1).opName());
        if (position <= forwardSteps()) {
            return new Frame(visible, Map.of(), Map.of(), Map.of(), active, null, null, null, caption);
        }
        for (VertexData v : graph.vertices()) {
            visible.add(v.id());
        }
        Map<String, TensorSnapshot> grads = new HashMap<>();
        Map<String, TensorSnapshot> partial = new HashMap<>();
        Map<String, String> sums = new HashMap<>();
        int b = position - forwardSteps();
        TraceStep last = null;
        for (int i = 0; i < b; i++) {
            TraceStep s = graph.trace().get(i);
            last = s;
            switch (s.kind()) {
                case SEED:
                case NODE:
                    grads.put(s.target(), s.sum());
                    partial.remove(s.target());
                    break;
                case EDGE:
                    if (!grads.containsKey(s.target()) || byId.get(s.target()).role() != Role.PARAMETER) {
                        partial.put(s.target(), s.sum());
                    }
                    if (s.terms() > 1) {
                        sums.put(s.target(), sumText(s));
                    }
                    break;
                case ACCUMULATE:
                    grads.put(s.target(), s.sum());
                    partial.remove(s.target());
                    if (s.terms() > 1) {
                        sums.put(s.target(), sumText(s));
                    }
                    break;
                default:
                    break;
            }
        }
        String activeVertex = null;
        String activeEdge = null;
        String edgeLabel = null;
        if (last != null) {
            switch (last.kind()) {
                case SEED:
                    activeVertex = last.vertex();
                    caption = I18n.get("anim.phase.backward.seed", title(last.vertex()));
                    break;
                case NODE:
                    activeVertex = last.vertex();
                    caption = I18n.get("anim.phase.backward.node", byId.get(last.vertex()).opName(), last.upstream().shortText());
                    break;
                case EDGE:
                    activeVertex = last.vertex();
                    activeEdge = last.edge();
                    edgeLabel = last.equation();
                    caption = I18n.get("anim.phase.backward.edge", title(last.target()), edgeLabel);
                    break;
                default:
                    activeVertex = last.target();
                    caption = I18n.get("anim.phase.backward.accumulate", title(last.target()));
                    break;
            }
            if (b == backwardSteps()) {
                caption = caption + " \u2014 " + I18n.get("anim.phase.done");
            }
        }
        return new Frame(visible, grads, partial, sums, activeVertex, activeEdge, edgeLabel, last, caption);
    }

    private String title(String id) {
        VertexData v = byId.get(id);
        if (v == null) {
            return "?";
        }
        return v.reference();
    }

    private static String sumText(TraceStep s) {
        TensorSnapshot prev = TensorSnapshot.sum(s.sum(), negate(s.product()));
        return prev.shortText() + " + " + s.product().shortText() + " = " + s.sum().shortText();
    }

    private static TensorSnapshot negate(TensorSnapshot t) {
        double[] v = t.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
        return new TensorSnapshot(t.shape(), v, t.dtype(), null);
    }
}
