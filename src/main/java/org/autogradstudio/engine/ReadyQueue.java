package org.autogradstudio.engine;

/**
 * The engine's ready queue: nodes whose gradients are complete, latest sequence number first, as
 * PyTorch's ReadyQueue. A binary heap on an array, with exactly the sift steps of
 * {@link java.util.PriorityQueue} under the comparator "higher sequence number first", so nodes
 * that tie (AccumulateGrad and GraphRoot all have the largest number) come out in the same order
 * a PriorityQueue gives; only the comparator object, the boxing-free comparison and the
 * bookkeeping are gone.
 */
final class ReadyQueue {
    private Node[] heap = new Node[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void add(Node node) {
        int k = size;
        if (k == heap.length) {
            heap = java.util.Arrays.copyOf(heap, k * 2);
        }
        Node[] h = heap;
        long seq = node.sequenceNr;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            Node p = h[parent];
            if (p.sequenceNr >= seq) {
                break;
            }
            h[k] = p;
            k = parent;
        }
        h[k] = node;
        size++;
    }

    Node poll() {
        Node[] h = heap;
        Node result = h[0];
        int n = --size;
        Node x = h[n];
        h[n] = null;
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
                h[k] = c;
                k = child;
            }
            h[k] = x;
        }
        return result;
    }
}
