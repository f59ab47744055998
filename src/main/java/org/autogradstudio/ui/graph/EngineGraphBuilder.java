package org.autogradstudio.ui.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.ComputationGraph;
import org.autogradstudio.graph.GraphEdge;
import org.autogradstudio.graph.GraphLayout;
import org.autogradstudio.graph.GraphVertex;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;

/**
 * Turns the graph package's {@link ComputationGraph} (named after the script's variables) and its
 * ELK layered layout into the immutable {@link GraphData} the studio draws, with a recorded backward
 * pass mapped onto the drawn edges. Runs on the script thread; the result is free of JavaFX and of
 * live engine state except {@link GraphData.Live}.
 */
public final class EngineGraphBuilder {
    /** Graphs with more function vertices than this are cut (a million-step chain is not drawn). */
    public static final int MAX_FUNCTIONS = 300;

    private final ComputationGraph graph;
    private final Map<GraphVertex, String> ids = new IdentityHashMap<>();
    /** For each function: the drawn vertex and edge of its input {@code i}. */
    private final Map<FunctionVertex, String[]> inputVertices = new IdentityHashMap<>();
    private final Map<FunctionVertex, String[]> inputEdges = new IdentityHashMap<>();

    private EngineGraphBuilder(ComputationGraph graph) {
        this.graph = graph;
    }

    /** The graph of {@code roots} (the last backward's roots, or the newest tensor) with the pass recorded for it. */
    public static GraphData build(Collection<Tensor> roots, Map<Tensor, String> names, TraceRecorder.Pass pass) {
        return build(roots, names, pass, null);
    }

    /**
     * As {@link #build(Collection, Map, TraceRecorder.Pass)}, drawn where {@code sameShape} drew it when
     * the two graphs have the same vertices and edges (a what-if replay changes values, not the graph):
     * no new layout, and nothing on screen moves.
     */
    public static GraphData build(Collection<Tensor> roots, Map<Tensor, String> names, TraceRecorder.Pass pass,
            GraphData sameShape) {
        if (roots.isEmpty()) {
            return GraphData.EMPTY;
        }
        ComputationGraph graph = ComputationGraph.of(List.copyOf(roots), names, MAX_FUNCTIONS);
        return new EngineGraphBuilder(graph).data(List.copyOf(roots), pass, sameShape);
    }

    /** The newest tensor with a grad_fn among the named ones (what to draw before any backward). */
    public static Tensor newest(Collection<Tensor> candidates) {
        Tensor best = null;
        for (Tensor t : candidates) {
            if (t.gradFn() != null && (best == null || t.gradFn().sequenceNr() > best.gradFn().sequenceNr())) {
                best = t;
            }
        }
        return best;
    }

    private GraphData data(List<Tensor> roots, TraceRecorder.Pass pass, GraphData sameShape) {
        Map<String, VertexData> unplaced = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new HashMap<>();
        for (GraphVertex v : graph.vertices()) {
            String id = (v instanceof FunctionVertex ? "f" : "t") + v.id();
            ids.put(v, id);
            VertexData d = vertexData(id, v);
            double[] box = GraphMetrics.box(d);
            unplaced.put(id, d.sized(box[0], box[1]));
            if (v instanceof TensorVertex t && t.tensor() != null) {
                tensors.put(id, t.tensor());
            }
        }
        // edge i is "e" + i, in this order: vertices, then each one's outgoing edges
        List<GraphEdge> order = new ArrayList<>();
        for (GraphVertex v : graph.vertices()) {
            order.addAll(graph.graph().outgoingEdgesOf(v));
        }
        Placement placed = sameShape != null ? Placement.reuse(sameShape, graph, order, ids, unplaced) : null;
        if (placed == null) {
            placed = Placement.layOut(graph, order, ids, unplaced);
        }
        List<VertexData> vertices = placed.vertices();
        List<EdgeData> edges = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            GraphEdge e = order.get(i);
            String id = "e" + i;
            edges.add(new EdgeData(id, ids.get(e.source()), ids.get(e.target()), Math.max(0, e.inputNr()), placed.routes().get(i)));
            if (e.target() instanceof FunctionVertex f && e.inputNr() >= 0) {
                int n = f.node().inputs().size();
                inputVertices.computeIfAbsent(f, k -> new String[n])[e.inputNr()] = ids.get(e.source());
                inputEdges.computeIfAbsent(f, k -> new String[n])[e.inputNr()] = id;
            }
        }
        List<TraceStep> trace = pass == null ? List.of() : trace(pass);
        return new GraphData(vertices, edges, trace, placed.width(), placed.height(), graph.isTruncated(),
                new GraphData.Live(java.util.Collections.unmodifiableMap(tensors), roots));
    }

    private VertexData vertexData(String id, GraphVertex v) {
        if (v instanceof FunctionVertex f) {
            Node n = f.node();
            return new VertexData(id, VertexKind.FUNCTION, Role.FUNCTION, null, f.symbol(), n.name(), null, null, false, true,
                    n.sequenceNr(), 0, 0, 0, 0);
        }
        TensorVertex t = (TensorVertex) v;
        Tensor tensor = t.tensor();
        Role role = switch (t.role()) {
            case ROOT -> Role.OUTPUT;
            case PARAMETER -> Role.PARAMETER;
            case CONSTANT -> Role.CONSTANT;
            default -> Role.INTERMEDIATE;
        };
        Node producer = tensor == null ? null : tensor.gradFn();
        boolean drawnProducer = producer != null && graph.functionOf(producer) != null;
        // forward order: an output just after its function; an input just before its first consumer
        double order = drawnProducer ? producer.sequenceNr() + 0.5 : firstConsumer(t) - 0.5;
        return new VertexData(id, VertexKind.TENSOR, role, t.name(), null, producer == null ? null : producer.name(),
                TensorSnapshot.of(tensor), tensor == null ? null : TensorSnapshot.of(tensor.grad()),
                tensor == null || tensor.isLeaf(), tensor != null && tensor.requiresGrad(), order, 0, 0, 0, 0);
    }

    private double firstConsumer(TensorVertex t) {
        double first = Double.MAX_VALUE;
        for (GraphEdge e : graph.graph().outgoingEdgesOf(t)) {
            if (e.target() instanceof FunctionVertex f) {
                first = Math.min(first, f.node().sequenceNr());
            }
        }
        return first;
    }

    private static double[] points(GraphLayout.Route route) {
        List<double[]> pts = route.points();
        double[] out = new double[pts.size() * 2];
        for (int i = 0; i < pts.size(); i++) {
            out[2 * i] = pts.get(i)[0];
            out[2 * i + 1] = pts.get(i)[1];
        }
        return out;
    }

    private String tensorId(Tensor t) {
        TensorVertex v = t.gradFn() != null ? graph.tensorOf(t.gradFn()) : graph.leafOf(t);
        return v == null ? null : ids.get(v);
    }

    /** The engine's events of the pass as steps on the drawn vertices and edges. */
    private List<TraceStep> trace(TraceRecorder.Pass pass) {
        List<TraceStep> steps = new ArrayList<>();
        Map<Node, TensorSnapshot> upstream = new IdentityHashMap<>();
        Map<Node, Integer> cursor = new IdentityHashMap<>();
        Map<String, TensorSnapshot> sums = new HashMap<>();
        Map<String, Integer> terms = new HashMap<>();
        for (TraceRecorder.Event e : pass.events()) {
            switch (e.type()) {
                case START -> {
                    String id = tensorId(e.tensor());
                    if (id != null) {
                        steps.add(new TraceStep(TraceStep.Kind.SEED, id, id, null, null, null, e.gradient(), e.gradient(), 1));
                    }
                }
                case NODE -> {
                    upstream.put(e.node(), e.gradient());
                    FunctionVertex f = graph.functionOf(e.node());
                    TensorVertex out = graph.tensorOf(e.node());
                    if (f != null) {
                        steps.add(new TraceStep(TraceStep.Kind.NODE, ids.get(f), out == null ? null : ids.get(out), null,
                                e.gradient(), null, null, e.gradient(), 1));
                    }
                }
                case EDGE -> {
                    TraceStep step = edgeStep(e, upstream, cursor, sums, terms);
                    if (step != null) {
                        steps.add(step);
                    }
                }
                case ACCUMULATE -> {
                    TensorVertex leaf = graph.leafOf(e.tensor());
                    if (leaf != null) {
                        String id = ids.get(leaf);
                        int count = e.gradient().equals(e.total()) ? 1 : 2;
                        steps.add(new TraceStep(TraceStep.Kind.ACCUMULATE, id, id, null, null, null, e.gradient(), e.total(), count));
                    }
                }
                default -> {
                }
            }
        }
        return steps;
    }

    /** A gradient crossing from a function to its input: which drawn edge, and the running sum at the input. */
    private TraceStep edgeStep(TraceRecorder.Event e, Map<Node, TensorSnapshot> upstream, Map<Node, Integer> cursor,
            Map<String, TensorSnapshot> sums, Map<String, Integer> terms) {
        Node from = e.node();
        FunctionVertex f = graph.functionOf(from);
        String[] ins = f == null ? null : inputVertices.get(f);
        if (ins == null) {
            return null;
        }
        // the input this edge serves: the next edge of the node equal to it (a node may list one twice: x * x)
        List<Edge> next = from.nextEdges();
        int i = cursor.getOrDefault(from, 0);
        while (i < next.size() && !e.edge().equals(next.get(i))) {
            i++;
        }
        if (i >= next.size()) {
            i = next.indexOf(e.edge());
        }
        cursor.put(from, i + 1);
        if (i < 0 || i >= ins.length || ins[i] == null) {
            return null;
        }
        String target = ins[i];
        TensorSnapshot up = upstream.get(from);
        TensorSnapshot sum = TensorSnapshot.sum(sums.get(target), e.gradient());
        int count = terms.getOrDefault(target, 0) + 1;
        sums.put(target, sum);
        terms.put(target, count);
        return new TraceStep(TraceStep.Kind.EDGE, ids.get(f), target, inputEdges.get(f)[i], up,
                TensorSnapshot.quotient(e.gradient(), up), e.gradient(), sum, count);
    }

    /** Where the vertices and edges go: a fresh ELK layout, or the places of a graph of the same shape. */
    private record Placement(List<VertexData> vertices, List<double[]> routes, double width, double height) {

        static Placement layOut(ComputationGraph graph, List<GraphEdge> order, Map<GraphVertex, String> ids,
                Map<String, VertexData> unplaced) {
            GraphLayout.Layout layout = GraphLayout.sized(graph, v -> {
                VertexData d = unplaced.get(ids.get(v));
                return new double[] {d.width(), d.height()};
            }, false);
            List<VertexData> vertices = new ArrayList<>();
            for (GraphVertex v : graph.vertices()) {
                GraphLayout.Box b = layout.boxes().get(v);
                vertices.add(unplaced.get(ids.get(v)).at(b.x(), b.y()));
            }
            List<double[]> routes = new ArrayList<>();
            for (GraphEdge e : order) {
                routes.add(points(layout.routes().get(e)));
            }
            return new Placement(vertices, routes, layout.width(), layout.height());
        }

        /** The places of {@code like}, if it has exactly these vertices (by id and kind) and edges (by ends, in order); else null. */
        static Placement reuse(GraphData like, ComputationGraph graph, List<GraphEdge> order, Map<GraphVertex, String> ids,
                Map<String, VertexData> unplaced) {
            if (like.vertices().size() != unplaced.size() || like.edges().size() != order.size()) {
                return null;
            }
            Map<String, VertexData> old = like.vertexMap();
            List<VertexData> vertices = new ArrayList<>();
            for (GraphVertex v : graph.vertices()) {
                VertexData now = unplaced.get(ids.get(v));
                VertexData before = old.get(now.id());
                if (before == null || before.kind() != now.kind()) {
                    return null;
                }
                vertices.add(now.sized(before.width(), before.height()).at(before.x(), before.y()));
            }
            List<double[]> routes = new ArrayList<>();
            for (int k = 0; k < order.size(); k++) {
                GraphEdge e = order.get(k);
                EdgeData before = like.edges().get(k);
                if (!before.from().equals(ids.get(e.source())) || !before.to().equals(ids.get(e.target()))) {
                    return null;
                }
                routes.add(before.points());
            }
            return new Placement(vertices, routes, like.width(), like.height());
        }
    }
}
