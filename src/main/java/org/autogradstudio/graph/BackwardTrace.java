package org.autogradstudio.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.BackwardListener;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;

/**
 * The ordered steps of the most recent backward pass, recorded from the engine's own events (never
 * re-simulated): register it with {@code Engine.addListener} or a lesson session. For each edge it
 * keeps upstream gradient, local derivative, product and the running sum where paths meet;
 * {@link #replayLeafGradients()} adds the products up again and gives exactly the leaves' {@code .grad}.
 */
public final class BackwardTrace implements BackwardListener {
    private final List<TraceStep> steps = new ArrayList<>();
    private final Map<Node, Tensor> incoming = new IdentityHashMap<>();
    private final Map<Node, Tensor> arrived = new IdentityHashMap<>();
    private final Map<Node, Integer> arrivals = new IdentityHashMap<>();
    private final Map<Tensor, double[]> gradBefore = new IdentityHashMap<>();
    private final List<Node> runOrder = new ArrayList<>();
    private List<Tensor> roots = List.of();
    private boolean complete;
    /** Steps a pass may record before the trace gives it up (see {@link #BackwardTrace(int)}). */
    private final int maxSteps;
    private boolean overflowed;

    /** A trace of passes of any length (the command line's: one script, one export). */
    public BackwardTrace() {
        this(Integer.MAX_VALUE);
    }

    /**
     * A trace that keeps only passes of at most {@code maxSteps} edge steps: a longer pass is dropped
     * as soon as it goes past them, and the trace is then not {@link #isComplete() complete}. A
     * long-lived session records every backward its scripts run, and a million-node chain would
     * otherwise keep four tensors per edge alive until the next pass, for a graph nobody can export.
     */
    public BackwardTrace(int maxSteps) {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps " + maxSteps);
        }
        this.maxSteps = maxSteps;
    }

    @Override
    public synchronized void onBackwardStart(Tensor[] rootTensors, Tensor[] gradients) {
        forgetPass();
        roots = List.of(rootTensors);
        complete = false;
        overflowed = false;
    }

    @Override
    public synchronized void onNodeRun(Node node, Tensor incomingGradient) {
        if (overflowed) {
            return;
        }
        incoming.put(node, incomingGradient);
        runOrder.add(node);
        if (node instanceof AccumulateGrad acc) {
            Tensor grad = acc.variable().grad();
            gradBefore.put(acc.variable(), grad == null ? null : grad.toArray());
        }
    }

    @Override
    public synchronized void onEdge(Node from, Edge edge, Tensor gradient) {
        if (overflowed) {
            return;
        }
        if (steps.size() >= maxSteps) {
            overflow();
            return;
        }
        Node to = edge.function();
        Tensor upstream = incoming.getOrDefault(from, gradient);
        Tensor sum = arrived.containsKey(to) ? add(arrived.get(to), gradient) : gradient;
        arrived.put(to, sum);
        int arrival = arrivals.merge(to, 1, Integer::sum);
        steps.add(new TraceStep(steps.size(), from, to, edge.inputNr(), upstream, local(upstream, gradient, from),
                gradient, sum, arrival));
    }

    @Override
    public synchronized void onBackwardEnd() {
        complete = !overflowed;
    }

    /** Gives up the pass that went past {@link #maxSteps}: nothing of it stays reachable. */
    private void overflow() {
        overflowed = true;
        forgetPass();
    }

    private void forgetPass() {
        steps.clear();
        incoming.clear();
        arrived.clear();
        arrivals.clear();
        gradBefore.clear();
        runOrder.clear();
    }

    /** Whether the last pass had more steps than this trace keeps (so it kept none). */
    public synchronized boolean overflowed() {
        return overflowed;
    }

    /** product / upstream elementwise, where the rule is elementwise (same shapes, upstream nonzero). */
    private static Tensor local(Tensor upstream, Tensor product, Node from) {
        if (upstream == null || upstream == product && from.name().equals("GraphRoot")
                || !Arrays.equals(upstream.shape(), product.shape())) {
            return null;
        }
        double[] u = upstream.toArray();
        double[] p = product.toArray();
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            if (u[i] == 0) {
                return null;
            }
            out[i] = p[i] / u[i];
        }
        return Tensor.of(out, product.shape(), DType.FLOAT64);
    }

    private static Tensor add(Tensor a, Tensor b) {
        boolean previous = GradMode.set(false);
        try {
            return a.add(b);
        } finally {
            GradMode.set(previous);
        }
    }

    public synchronized List<TraceStep> steps() {
        return Collections.unmodifiableList(new ArrayList<>(steps));
    }

    /** The order in which the engine ran the nodes (its ready queue: highest sequence number first). */
    public synchronized List<Node> runOrder() {
        return List.copyOf(runOrder);
    }

    public synchronized List<Tensor> roots() {
        return roots;
    }

    /** Whether the pass finished and was kept (a failing backward leaves a partial trace, a too long one none). */
    public synchronized boolean isComplete() {
        return complete;
    }

    /** The gradient that reached a node (the sum over every path into it), or null if none did. */
    public synchronized Tensor gradientAt(Node node) {
        return incoming.get(node);
    }

    /**
     * Each leaf's {@code .grad} rebuilt from the trace, as the engine computes it: the products that
     * reached its AccumulateGrad summed in arrival order, then added to what {@code .grad} held
     * before the pass (rounded to the leaf's dtype at every step).
     */
    public synchronized Map<Tensor, double[]> replayLeafGradients() {
        Map<Tensor, double[]> sums = new IdentityHashMap<>();
        for (TraceStep s : steps) {
            if (s.to() instanceof AccumulateGrad acc) {
                Tensor leaf = acc.variable();
                double[] p = s.product().toArray();
                double[] sum = sums.get(leaf);
                if (sum == null) {
                    sums.put(leaf, p.clone());
                } else {
                    for (int i = 0; i < p.length; i++) {
                        sum[i] = leaf.dtype().round(sum[i] + p[i]);
                    }
                }
            }
        }
        sums.forEach((leaf, sum) -> {
            double[] before = gradBefore.get(leaf);
            if (before != null) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] = leaf.dtype().round(before[i] + sum[i]);
                }
            }
        });
        return sums;
    }
}
