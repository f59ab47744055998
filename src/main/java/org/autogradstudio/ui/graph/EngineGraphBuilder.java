package org.autogradstudio.ui.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;

/**
 * Builds the drawn graph straight from the engine's recorded nodes (forward view: tensor → function
 * → tensor), names tensors after the script's variables, maps a recorded backward pass onto its
 * edges and lays it out. Runs on the script thread.
 * (Adapter until the graph package's ComputationGraph / BackwardTrace are usable by the studio.)
 */
public final class EngineGraphBuilder {
    /** Graphs with more function vertices than this are cut (a million-step chain is not drawn). */
    public static final int MAX_FUNCTIONS = 300;

    private final Map<Tensor, String> names;
    private final Map<Object, String> tensorIds = new IdentityHashMap<>();
    private final Map<Node, String> functionIds = new IdentityHashMap<>();
    private final Map<String, Tensor> tensors = new HashMap<>();
    private final Map<String, Node> functions = new HashMap<>();
    private final Map<String, Double> order = new HashMap<>();
    private final Map<String, VertexData> vertices = new java.util.LinkedHashMap<>();
    private final List<EdgeData> edges = new ArrayList<>();
    private final Map<Node, List<String>> inputVertices = new IdentityHashMap<>();
    private final Map<Node, List<String>> inputEdges = new IdentityHashMap<>();
    private final Map<Node, String> outputVertex = new IdentityHashMap<>();
    private boolean truncated;

    private EngineGraphBuilder(Map<Tensor, String> names) {
        this.names = names;
    }

    /** The graph of {@code roots} (the last backward's roots, or the newest tensor) with the pass recorded for it. */
    public static GraphData build(Collection<Tensor> roots, Map<Tensor, String> names, TraceRecorder.Pass pass) {
        if (roots.isEmpty()) {
            return GraphData.EMPTY;
        }
        EngineGraphBuilder b = new EngineGraphBuilder(names);
        for (Tensor r : roots) {
            b.walk(r);
        }
        List<TraceStep> trace = pass == null ? List.of() : b.trace(pass);
        List<VertexData> sized = new ArrayList<>();
        for (VertexData v : b.vertices.values()) {
            double[] box = GraphMetrics.box(v);
            sized.add(v.sized(box[0], box[1]));
        }
        return LayeredLayout.layout(sized, b.edges, trace, b.truncated,
                new GraphData.Live(java.util.Collections.unmodifiableMap(b.tensors), List.copyOf(roots)));
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

    private String nameOf(Tensor t) {
        String n = names.get(t);
        if (n == null && t.gradFn() != null && t.gradFn().output() != null) {
            n = names.get(t.gradFn().output());
        }
        return n;
    }

    private String tensorVertex(Tensor t, boolean root) {
        Object key = t.gradFn() != null ? t.gradFn() : t;
        String id = tensorIds.get(key);
        if (id != null) {
            return id;
        }
        id = "t" + tensorIds.size();
        tensorIds.put(key, id);
        tensors.put(id, t);
        Role role = root ? Role.OUTPUT : t.gradFn() != null ? Role.INTERMEDIATE : t.requiresGrad() ? Role.PARAMETER : Role.CONSTANT;
        double ord = t.gradFn() != null ? t.gradFn().sequenceNr() + 0.5 : Double.MAX_VALUE;
        order.put(id, ord);
        String gradFn = t.gradFn() == null ? null : t.gradFn().name();
        vertices.put(id, new VertexData(id, VertexKind.TENSOR, role, nameOf(t), null, gradFn, TensorSnapshot.of(t),
                TensorSnapshot.of(t.grad()), t.isLeaf(), t.requiresGrad(), ord, 0, 0, 0, 0));
        return id;
    }

    private String functionVertex(Node n) {
        String id = functionIds.get(n);
        if (id != null) {
            return id;
        }
        id = "f" + functionIds.size();
        functionIds.put(n, id);
        functions.put(id, n);
        order.put(id, (double) n.sequenceNr());
        vertices.put(id, new VertexData(id, VertexKind.FUNCTION, Role.FUNCTION, null, FunctionSymbols.of(n.name()), n.name(),
                null, null, false, true, n.sequenceNr(), 0, 0, 0, 0));
        return id;
    }

    private void walk(Tensor root) {
        String rootId = tensorVertex(root, true);
        if (root.gradFn() == null) {
            return;
        }
        Deque<Node> stack = new ArrayDeque<>();
        String f0 = functionVertex(root.gradFn());
        outputVertex.put(root.gradFn(), rootId);
        edges.add(new EdgeData("e" + edges.size(), f0, rootId, 0, null));
        stack.push(root.gradFn());
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (inputVertices.containsKey(node)) {
                continue;
            }
            String fid = functionIds.get(node);
            List<Tensor> inputs = inputsOf(node);
            List<String> ins = new ArrayList<>();
            List<String> inEdges = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Tensor t = inputs.get(i);
                if (t == null) {
                    ins.add(null);
                    inEdges.add(null);
                    continue;
                }
                String tid = tensorVertex(t, false);
                String eid = "e" + edges.size();
                edges.add(new EdgeData(eid, tid, fid, i, null));
                ins.add(tid);
                inEdges.add(eid);
                Node producer = t.gradFn();
                if (producer != null) {
                    boolean known = functionIds.containsKey(producer);
                    if (!known && functionIds.size() >= MAX_FUNCTIONS) {
                        truncated = true;
                        continue;
                    }
                    String pid = functionVertex(producer);
                    if (!known) {
                        outputVertex.put(producer, tid);
                        edges.add(new EdgeData("e" + edges.size(), pid, tid, 0, null));
                        stack.push(producer);
                    }
                } else {
                    double first = order.get(tid);
                    order.put(tid, Math.min(first, node.sequenceNr() - 0.5));
                }
            }
            inputVertices.put(node, ins);
            inputEdges.put(node, inEdges);
        }
        // leaves: forward order just before their first consumer
        for (Map.Entry<String, VertexData> e : vertices.entrySet()) {
            VertexData v = e.getValue();
            double ord = order.get(e.getKey());
            if (ord != v.order()) {
                e.setValue(new VertexData(v.id(), v.kind(), v.role(), v.name(), v.symbol(), v.opName(), v.value(), v.grad(),
                        v.isLeaf(), v.requiresGrad(), ord, 0, 0, 0, 0));
            }
        }
    }

    /** The forward inputs of a node; where the node does not know them, the tensors behind its next edges. */
    private static List<Tensor> inputsOf(Node node) {
        List<Tensor> inputs = new ArrayList<>(node.inputs());
        List<Edge> next = node.nextEdges();
        for (int i = inputs.size(); i < next.size(); i++) {
            Edge e = next.get(i);
            Tensor t = null;
            if (e != null) {
                t = e.function() instanceof AccumulateGrad acc ? acc.variable() : e.function().output();
            }
            inputs.add(t);
        }
        return inputs;
    }

    private List<TraceStep> trace(TraceRecorder.Pass pass) {
        List<TraceStep> steps = new ArrayList<>();
        Map<Node, TensorSnapshot> upstream = new IdentityHashMap<>();
        Map<Node, Integer> cursor = new IdentityHashMap<>();
        Map<String, TensorSnapshot> sums = new HashMap<>();
        Map<String, Integer> terms = new HashMap<>();
        for (TraceRecorder.Event e : pass.events()) {
            switch (e.type()) {
                case START: {
                    Object key = e.tensor().gradFn() != null ? e.tensor().gradFn() : e.tensor();
                    String id = tensorIds.get(key);
                    if (id != null) {
                        steps.add(new TraceStep(TraceStep.Kind.SEED, id, id, null, null, null, e.gradient(), e.gradient(), 1));
                    }
                    break;
                }
                case NODE: {
                    upstream.put(e.node(), e.gradient());
                    String fid = functionIds.get(e.node());
                    if (fid != null) {
                        steps.add(new TraceStep(TraceStep.Kind.NODE, fid, outputVertex.get(e.node()), null, e.gradient(),
                                null, null, e.gradient(), 1));
                    }
                    break;
                }
                case EDGE: {
                    Node from = e.node();
                    String fid = functionIds.get(from);
                    List<String> ins = inputVertices.get(from);
                    if (fid == null || ins == null) {
                        break;
                    }
                    List<Edge> next = from.nextEdges();
                    int start = cursor.getOrDefault(from, 0);
                    int i = start;
                    while (i < next.size() && !e.edge().equals(next.get(i))) {
                        i++;
                    }
                    if (i >= next.size()) {
                        i = next.indexOf(e.edge());
                    }
                    cursor.put(from, i + 1);
                    if (i < 0 || i >= ins.size() || ins.get(i) == null) {
                        break;
                    }
                    String target = ins.get(i);
                    TensorSnapshot up = upstream.get(from);
                    TensorSnapshot local = TensorSnapshot.quotient(e.gradient(), up);
                    TensorSnapshot sum = TensorSnapshot.sum(sums.get(target), e.gradient());
                    int count = terms.getOrDefault(target, 0) + 1;
                    sums.put(target, sum);
                    terms.put(target, count);
                    steps.add(new TraceStep(TraceStep.Kind.EDGE, fid, target, inputEdges.get(from).get(i), up, local,
                            e.gradient(), sum, count));
                    break;
                }
                case ACCUMULATE: {
                    String id = tensorIds.get(e.tensor());
                    if (id != null) {
                        int count = e.gradient().equals(e.total()) ? 1 : 2;
                        steps.add(new TraceStep(TraceStep.Kind.ACCUMULATE, id, id, null, null, null, e.gradient(), e.total(), count));
                    }
                    break;
                }
                default:
                    break;
            }
        }
        return steps;
    }
}
