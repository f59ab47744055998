package org.autogradstudio.engine;

import java.util.Arrays;

/**
 * The engine's ready queue: nodes whose gradients are complete, latest sequence number first, as
 * PyTorch's ReadyQueue. A binary heap on an array, with exactly the sift steps of
 * {@link java.util.PriorityQueue} under the comparator "higher sequence number first", so nodes
 * that tie (AccumulateGrad and GraphRoot all have the largest number) come out in the same order
 * a PriorityQueue gives.
 * <p>
 * Each entry carries the node's input gradient (and whether the engine alone holds it), as
 * PyTorch's NodeTask carries its InputBuffer: a gradient that completes a node goes straight into
 * the queue instead of into a field of the (by then usually old) node, which spares G1 a card
 * mark per node.
 */
final class ReadyQueue {
    private Node[] heap = new Node[8];
    private Tensor[] grads = new Tensor[8];
    private boolean[] owned = new boolean[8];
    private int size;
    private Tensor polledGrad;
    private boolean polledOwned;

    boolean isEmpty() {
        return size == 0;
    }

    void add(Node node, Tensor grad, boolean gradOwned) {
        int k = size;
        if (k == heap.length) {
            heap = Arrays.copyOf(heap, k * 2);
            grads = Arrays.copyOf(grads, k * 2);
            owned = Arrays.copyOf(owned, k * 2);
        }
        Node[] h = heap;
        long seq = node.sequenceNr;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            Node p = h[parent];
            if (p.sequenceNr >= seq) {
                break;
            }
            move(parent, k);
            k = parent;
        }
        set(k, node, grad, gradOwned);
        size++;
    }

    /** Removes the latest node; its gradient is then {@link #polledGrad()}. */
    Node poll() {
        Node[] h = heap;
        Node result = h[0];
        polledGrad = grads[0];
        polledOwned = owned[0];
        int n = --size;
        Node x = h[n];
        Tensor xg = grads[n];
        boolean xo = owned[n];
        h[n] = null;
        grads[n] = null;
        if (n > 0) {
            long seq = x.sequenceNr;
            int k = 0;
            int half = n >>> 1;
            while (k < half) {
                int child = 2 * k + 1;
                Node c = h[child];
                int right = child + 1;
                if (right < n && h[right].sequenceNr > c.sequenceNr) {
                    child = right;
                    c = h[child];
                }
                if (c.sequenceNr <= seq) {
                    break;
                }
                move(child, k);
                k = child;
            }
            set(k, x, xg, xo);
        } else {
            h[0] = null;
            grads[0] = null;
        }
        return result;
    }

    Tensor polledGrad() {
        return polledGrad;
    }

    boolean polledOwned() {
        return polledOwned;
    }

    /**
     * Adds {@code g} into the gradient of {@code node}, which is queued (a {@link SequencePass}
     * reaches a node again before it runs): gradients are summed in the order they arrive.
     */
    void addToQueued(Node node, Tensor g, boolean gFresh) {
        int k = node.dependencies;
        grads[k] = Engine.sum(grads[k], owned[k], g, gFresh);
        owned[k] = true;
    }

    // A queued node's dependency count is 0 and not read again in the pass: it holds the node's
    // place in the heap instead, for addToQueued.
    private void move(int from, int to) {
        Node node = heap[from];
        node.dependencies = to;
        heap[to] = node;
        grads[to] = grads[from];
        owned[to] = owned[from];
    }

    private void set(int k, Node node, Tensor grad, boolean gradOwned) {
        node.dependencies = k;
        heap[k] = node;
        grads[k] = grad;
        owned[k] = gradOwned;
    }
}
