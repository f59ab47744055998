package org.autogradstudio.calculus;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.AllDirectedPaths;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * The graph autograd recorded for a root, read from {@code root.grad_fn} through
 * {@code next_functions}, as a JGraphT multigraph in the forward direction (a tensor used twice,
 * as in {@code x * x}, gives two parallel edges, hence two chain-rule paths). Walks are iterative,
 * so very long chains need no deep stack.
 */
final class RecordedGraph {
    private final Node rootNode;
    private final Graph<Node, Link> graph = new DirectedMultigraph<>(null, null, false);
    private final Map<Node, LocalRule> rules = new IdentityHashMap<>();
    /** Every node in an order where producers come before consumers. */
    private final List<Node> order;

    RecordedGraph(Tensor root) {
        this.rootNode = root.gradFn();
        if (rootNode == null) {
            throw new IllegalArgumentException("the root has no grad_fn: nothing was recorded for it");
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(rootNode);
        seen.add(rootNode);
        graph.addVertex(rootNode);
        List<Node> all = new ArrayList<>();
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            all.add(n);
            LocalRule rule = n instanceof AccumulateGrad ? null : Rules.of(n);
            if (rule != null) {
                rules.put(n, rule);
            }
            List<Edge> edges = n.nextEdges();
            for (int i = 0; i < edges.size(); i++) {
                Edge e = edges.get(i);
                if (e == null || (rule != null && !rule.flows(i))) {
                    continue;
                }
                Node next = e.function();
                if (seen.add(next)) {
                    graph.addVertex(next);
                    stack.push(next);
                }
                graph.addEdge(next, n, new Link(next, n, i));
            }
        }
        // producers first: leaves' accumulators, then functions in the order they were created
        all.sort(Comparator.comparingInt((Node n) -> n instanceof AccumulateGrad ? 0 : 1).thenComparingLong(Node::sequenceNr));
        this.order = Collections.unmodifiableList(all);
    }

    Node root() {
        return rootNode;
    }

    Graph<Node, Link> graph() {
        return graph;
    }

    List<Node> order() {
        return order;
    }

    LocalRule rule(Node n) {
        return rules.get(n);
    }

    boolean contains(Node n) {
        return n != null && graph.containsVertex(n);
    }

    /** The links into a node (one per input that receives a gradient), by input number. */
    List<Link> inputsOf(Node n) {
        List<Link> in = new ArrayList<>(graph.incomingEdgesOf(n));
        in.sort(Comparator.comparingInt(Link::input));
        return in;
    }

    /** The nodes reachable forward from {@code source}, including it. */
    Set<Node> descendants(Node source) {
        Set<Node> out = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(source);
        out.add(source);
        while (!stack.isEmpty()) {
            for (Link l : graph.outgoingEdgesOf(stack.pop())) {
                if (out.add(l.consumer())) {
                    stack.push(l.consumer());
                }
            }
        }
        return out;
    }

    /** How many distinct paths lead from {@code source} to the root (saturating at {@code cap + 1}). */
    long countPaths(Node source, long cap) {
        Map<Node, BigInteger> count = new IdentityHashMap<>();
        count.put(source, BigInteger.ONE);
        BigInteger limit = BigInteger.valueOf(cap + 1);
        for (Node n : order) {
            BigInteger c = n == source ? BigInteger.ONE : BigInteger.ZERO;
            if (n != source) {
                for (Link l : graph.incomingEdgesOf(n)) {
                    BigInteger p = count.get(l.producer());
                    if (p != null) {
                        c = c.add(p);
                    }
                }
            }
            if (c.signum() > 0) {
                count.put(n, c.min(limit));
            }
        }
        BigInteger atRoot = count.get(rootNode);
        return atRoot == null ? 0 : atRoot.longValue();
    }

    /** Every path from {@code source} to the root, each as its links from the root down to the source. */
    List<List<Link>> paths(Node source) {
        List<List<Link>> out = new ArrayList<>();
        if (source == rootNode) {
            out.add(List.of());
            return out;
        }
        for (GraphPath<Node, Link> p : new AllDirectedPaths<>(graph).getAllPaths(source, rootNode, true, null)) {
            List<Link> links = new ArrayList<>(p.getEdgeList());
            Collections.reverse(links);
            out.add(Collections.unmodifiableList(links));
        }
        return out;
    }
}
