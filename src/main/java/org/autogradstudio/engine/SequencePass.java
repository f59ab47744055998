package org.autogradstudio.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * A backward pass nobody watches (no listener, no tensor hook, not {@code autograd.grad}), run
 * without counting dependencies first: PyTorch's order, found from sequence numbers alone.
 * <p>
 * Why that is the same order: every function is created after the functions of its inputs, so a
 * node's consumers all have larger sequence numbers than it. When the queue's latest node N comes
 * out, every node still to receive a gradient lies below some queued node, so below N: N has all
 * its gradients, and "latest reached" is "latest ready", which is what PyTorch's engine runs. The
 * dependency count it keeps is then needed only for the AccumulateGrad sinks, which PyTorch runs
 * the moment their last consumer is done; nothing can see when a sink runs in a pass nobody
 * watches, so sinks run at the end, each with the sum of its gradients added in the order they
 * arrived, as PyTorch's input buffer adds them. Only a failing pass could tell, by the leaves it
 * had already updated: {@link #accumulateFinishedBefore} then updates exactly those.
 * <p>
 * This spares a walk over the whole graph before the pass, which on a long scalar chain cost as
 * much as running it.
 */
final class SequencePass {
    /** Nodes reached this pass: {@code passId == pass}; a queued node's place is in {@code dependencies}. */
    private final int pass;
    private final ReadyQueue ready = new ReadyQueue();
    private AccumulateGrad[] sinks = new AccumulateGrad[4];
    private Tensor[] sinkGrads = new Tensor[4];
    private boolean[] sinkOwned = new boolean[4];
    private int sinkCount;

    private SequencePass(int pass) {
        this.pass = pass;
    }

    static void run(GraphRoot root, boolean retainGraph, int pass) {
        new SequencePass(pass).execute(root, retainGraph);
    }

    private void execute(GraphRoot root, boolean retainGraph) {
        root.passId = pass;
        ready.add(root, null, false);
        Tensor[] grads = new Tensor[Math.max(2, root.numEdges())];
        Node node = root;
        try {
            while (!ready.isEmpty()) {
                node = ready.poll();
                Tensor incoming = ready.polledGrad();
                Engine.retainGradIfAsked(node, incoming, List.of());
                int n = node.numEdges();
                if (grads.length < n) {
                    grads = new Tensor[n];
                }
                int fresh = node.applyInto(incoming, ready.polledOwned(), grads);
                if (!retainGraph) {
                    node.release();
                }
                for (int i = 0; i < n; i++) {
                    Tensor g = grads[i];
                    grads[i] = null;
                    Node next = node.nextFunction(i);
                    if (next == null || g == null) {
                        continue;
                    }
                    boolean gFresh = i < 32 && (fresh & (1 << i)) != 0;
                    if (next.passId != pass) {
                        next.passId = pass;
                        if (next instanceof AccumulateGrad) {
                            addSink((AccumulateGrad) next, g, gFresh);
                        } else {
                            ready.add(next, g, gFresh);
                        }
                    } else if (next instanceof AccumulateGrad) {
                        int k = next.dependencies;
                        sinkGrads[k] = Engine.sum(sinkGrads[k], sinkOwned[k], g, gFresh);
                        sinkOwned[k] = true;
                    } else {
                        ready.addToQueued(next, g, gFresh);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            accumulateFinishedBefore(root, node);
            throw e;
        }
        for (int k = 0; k < sinkCount; k++) {
            sinks[k].accumulate(sinkGrads[k]);
        }
    }

    private void addSink(AccumulateGrad sink, Tensor g, boolean gFresh) {
        int k = sinkCount++;
        if (k == sinks.length) {
            sinks = Arrays.copyOf(sinks, k * 2);
            sinkGrads = Arrays.copyOf(sinkGrads, k * 2);
            sinkOwned = Arrays.copyOf(sinkOwned, k * 2);
        }
        sinks[k] = sink;
        sinkGrads[k] = g;
        sinkOwned[k] = gFresh;
        sink.dependencies = k;
    }

    /**
     * {@code failed} threw: the leaves PyTorch's engine had updated by then get their gradients,
     * so the state a caught error leaves is PyTorch's. Those are the sinks with a gradient whose
     * consumers had all finished: run (every node later than {@code failed}) or skipped (reached by
     * no gradient, after all of its own consumers finished).
     */
    private void accumulateFinishedBefore(GraphRoot root, Node failed) {
        if (sinkCount == 0) {
            return;
        }
        IdentityHashMap<Node, List<Node>> consumers = Engine.consumers(root);
        List<Node> functions = new ArrayList<>(consumers.keySet());
        // latest first, so each node's consumers are decided before it (the root and sinks tie at
        // the largest number: the root comes first, and sinks are decided below)
        functions.removeIf(f -> f instanceof AccumulateGrad);
        functions.sort(Comparator.comparingLong((Node f) -> f.sequenceNr).reversed());
        IdentityHashMap<Node, Boolean> finished = new IdentityHashMap<>();
        for (Node f : functions) {
            boolean done = f != failed && (f.sequenceNr > failed.sequenceNr
                    || (f.passId != pass && allFinished(consumers.get(f), finished)));
            finished.put(f, done);
        }
        for (int k = 0; k < sinkCount; k++) {
            if (allFinished(consumers.get(sinks[k]), finished)) {
                sinks[k].accumulate(sinkGrads[k]);
            }
        }
    }

    private static boolean allFinished(List<Node> consumers, IdentityHashMap<Node, Boolean> finished) {
        for (Node c : consumers) {
            if (!finished.getOrDefault(c, false)) {
                return false;
            }
        }
        return true;
    }
}
