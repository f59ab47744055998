package org.autogradstudio.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The graph autograd recorded, in the forward direction: leaf tensors flow into functions, each
 * function produces a tensor, up to the root(s). Tensor vertices carry the script's variable names
 * ({@code w}, {@code z}, {@code y_pred}, {@code loss}); unnamed literals show their value. Built
 * iteratively from the roots' grad_fn chains, so a graph of 100,000 nodes needs no deep stack.
 * {@link #backwardView()} gives PyTorch's own view beside it: grad_fn nodes and AccumulateGrad.
 */
public final class ComputationGraph {
    // multiple edges: x * x feeds x into the product twice, as two inputs
    private final DirectedAcyclicGraph<GraphVertex, GraphEdge> dag = new DirectedAcyclicGraph<>(null, null, false, true);
    private final Map<Node, FunctionVertex> functions = new IdentityHashMap<>();
    private final Map<Node, TensorVertex> outputs = new IdentityHashMap<>();
    private final Map<Tensor, TensorVertex> leaves = new IdentityHashMap<>();
    private final List<GraphVertex> order = new ArrayList<>();
    private final List<TensorVertex> roots = new ArrayList<>();
    private final List<Node> nodes;
    private boolean truncated;

    private ComputationGraph(List<Node> nodesInCreationOrder) {
        this.nodes = nodesInCreationOrder;
    }

    /**
     * The graph that produced {@code roots}.
     *
     * @param names the script's variables by tensor identity (a tensor's name also names the
     *              output of its grad_fn, so {@code z = w * x + b} labels the add's output {@code z})
     */
    public static ComputationGraph of(List<Tensor> roots, Map<Tensor, String> names) {
        return of(roots, names, Integer.MAX_VALUE);
    }

    /**
     * The graph of the last {@code maxFunctions} function nodes nearest the roots: what a view can
     * draw of a million-step chain. Tensors whose producer is cut off stay as the graph's inputs
     * ({@link #isTruncated()} then says so).
     */
    public static ComputationGraph of(List<Tensor> roots, Map<Tensor, String> names, int maxFunctions) {
        Map<Node, String> nodeNames = new IdentityHashMap<>();
        names.forEach((t, name) -> {
            if (t.gradFn() != null) {
                nodeNames.putIfAbsent(t.gradFn(), name);
            }
        });
        boolean[] cut = new boolean[1];
        ComputationGraph g = new ComputationGraph(reachableNodes(roots, maxFunctions, cut));
        g.truncated = cut[0];
        for (Node n : g.nodes) {
            g.addFunction(n, names, nodeNames);
        }
        for (Tensor r : roots) {
            TensorVertex v = r.gradFn() != null ? g.outputs.get(r.gradFn()) : g.leaf(r, names);
            TensorVertex root = new TensorVertex(v.id(), v.tensor(), v.name(), Role.ROOT);
            g.replace(v, root);
            g.roots.add(root);
        }
        return g;
    }

    /**
     * The function nodes the roots depend on, oldest first (creation order is a topological order):
     * at most {@code max}, taken breadth first from the roots, so a cut keeps the nodes nearest them.
     * {@code cut[0]} tells whether any was left out.
     */
    private static List<Node> reachableNodes(List<Tensor> roots, int max, boolean[] cut) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> todo = new ArrayDeque<>();
        for (Tensor r : roots) {
            visit(r.gradFn(), seen, todo, max, cut);
        }
        while (!todo.isEmpty()) {
            Node n = todo.pollFirst();
            for (Tensor in : n.inputs()) {
                visit(in.gradFn(), seen, todo, max, cut);
            }
            // inputs() may not list everything (e.g. freed); the edges do
            for (Edge e : n.nextEdges()) {
                if (e != null && !(e.function() instanceof AccumulateGrad)) {
                    visit(e.function(), seen, todo, max, cut);
                }
            }
        }
        List<Node> list = new ArrayList<>(seen);
        list.sort(Comparator.comparingLong(Node::sequenceNr));
        return list;
    }

    private static void visit(Node n, Set<Node> seen, Deque<Node> todo, int max, boolean[] cut) {
        if (n == null || seen.contains(n)) {
            return;
        }
        if (seen.size() >= max) {
            cut[0] = true;
            return;
        }
        seen.add(n);
        todo.addLast(n);
    }

    private void addFunction(Node n, Map<Tensor, String> names, Map<Node, String> nodeNames) {
        List<Tensor> inputs = n.inputs();
        List<GraphVertex> sources = new ArrayList<>(inputs.size());
        for (Tensor in : inputs) {
            sources.add(in.gradFn() != null && outputs.containsKey(in.gradFn()) ? outputs.get(in.gradFn()) : leaf(in, names));
        }
        FunctionVertex f = new FunctionVertex(order.size(), n, FunctionSymbols.of(n));
        add(f);
        functions.put(n, f);
        for (int i = 0; i < sources.size(); i++) {
            dag.addEdge(sources.get(i), f, new GraphEdge(sources.get(i), f, i));
        }
        Tensor out = n.output();
        String name = nodeNames.get(n);
        if (name == null && out != null) {
            name = names.get(out);
        }
        TensorVertex o = new TensorVertex(order.size(), out, name, Role.INTERMEDIATE);
        add(o);
        outputs.put(n, o);
        dag.addEdge(f, o, new GraphEdge(f, o, -1));
    }

    private TensorVertex leaf(Tensor t, Map<Tensor, String> names) {
        TensorVertex v = leaves.get(t);
        if (v == null) {
            // a tensor whose producer was cut off (a truncated graph) is still an intermediate
            Role role = t.gradFn() != null ? Role.INTERMEDIATE : t.requiresGrad() && t.isLeaf() ? Role.PARAMETER : Role.CONSTANT;
            v = new TensorVertex(order.size(), t, names.get(t), role);
            add(v);
            leaves.put(t, v);
        }
        return v;
    }

    private void add(GraphVertex v) {
        dag.addVertex(v);
        order.add(v);
    }

    /** Swaps a vertex for one with a different role, keeping its edges and place. */
    private void replace(TensorVertex old, TensorVertex replacement) {
        if (old.role() == replacement.role()) {
            return;
        }
        List<GraphEdge> in = new ArrayList<>(dag.incomingEdgesOf(old));
        List<GraphEdge> out = new ArrayList<>(dag.outgoingEdgesOf(old));
        dag.removeVertex(old);
        dag.addVertex(replacement);
        for (GraphEdge e : in) {
            dag.addEdge(e.source(), replacement, new GraphEdge(e.source(), replacement, e.inputNr()));
        }
        for (GraphEdge e : out) {
            dag.addEdge(replacement, e.target(), new GraphEdge(replacement, e.target(), e.inputNr()));
        }
        order.set(order.indexOf(old), replacement);
        outputs.replaceAll((n, v) -> v == old ? replacement : v);
        leaves.replaceAll((t, v) -> v == old ? replacement : v);
    }

    /** The forward view as a JGraphT graph (read it; do not modify it). */
    public Graph<GraphVertex, GraphEdge> graph() {
        return dag;
    }

    /** Vertices in creation order: every vertex comes after the vertices it depends on. */
    public List<GraphVertex> vertices() {
        return Collections.unmodifiableList(order);
    }

    public List<TensorVertex> roots() {
        return Collections.unmodifiableList(roots);
    }

    /** The vertex of the function whose grad_fn is {@code node}, or null. */
    public FunctionVertex functionOf(Node node) {
        return functions.get(node);
    }

    /** The tensor vertex a node's gradient belongs to: the output of a function, or the leaf of an AccumulateGrad. */
    public TensorVertex tensorOf(Node node) {
        if (node instanceof AccumulateGrad acc) {
            return leaves.get(acc.variable());
        }
        return outputs.get(node);
    }

    /** The vertex of a leaf tensor, or null. */
    public TensorVertex leafOf(Tensor t) {
        return leaves.get(t);
    }

    /** The vertex of a named variable, or null. */
    public TensorVertex named(String name) {
        for (GraphVertex v : order) {
            if (v instanceof TensorVertex t && name.equals(t.name())) {
                return t;
            }
        }
        return null;
    }

    /** Whether function nodes were left out ({@link #of(List, Map, int)}). */
    public boolean isTruncated() {
        return truncated;
    }

    public int vertexCount() {
        return order.size();
    }

    /**
     * PyTorch's backward view: grad_fn nodes and AccumulateGrad nodes, each pointing to the nodes
     * its gradients flow to ({@code next_functions}).
     */
    public Graph<Node, DefaultEdge> backwardView() {
        DirectedAcyclicGraph<Node, DefaultEdge> view = new DirectedAcyclicGraph<>(DefaultEdge.class);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            view.addVertex(nodes.get(i));
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            for (Edge e : n.nextEdges()) {
                if (e != null) {
                    view.addVertex(e.function());
                    view.addEdge(n, e.function());
                }
            }
        }
        return view;
    }
}
