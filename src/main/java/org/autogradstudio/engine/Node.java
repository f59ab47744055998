package org.autogradstudio.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backward function in the autograd graph, as PyTorch's {@code torch::autograd::Node}: it takes
 * the gradient of its forward output and returns one gradient per {@link #nextEdges() next edge}.
 * Nodes are ordered by a global sequence number so the engine runs later-created nodes first.
 */
public abstract class Node {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    final long sequenceNr;
    Edge[] nextEdges;

    // Scratch state of the executor during one backward pass (see Engine).
    int dependencies;
    long passId;
    Tensor inputBuffer;

    /** The edge into this node's (only) input, shared by every consumer instead of one Edge per use. */
    private Edge edgeToThis;

    protected Node(long sequenceNr) {
        this.sequenceNr = sequenceNr;
    }

    protected Node() {
        this(SEQUENCE.getAndIncrement());
    }

    /** PyTorch's class name, e.g. {@code MulBackward0}. */
    public abstract String name();

    /** Gradients for each next edge (null where none flows), given the gradient of this node's output. */
    protected abstract Tensor[] apply(Tensor gradOutput);

    /** Frees saved tensors once a backward pass without {@code retain_graph} has used them. */
    protected void release() {
    }

    /** {@code Edge(this, 0)}, created once: a long scalar chain would otherwise allocate one per use. */
    final Edge edgeToThis() {
        Edge e = edgeToThis;
        if (e == null) {
            e = new Edge(this, 0);
            edgeToThis = e;
        }
        return e;
    }

    public long sequenceNr() {
        return sequenceNr;
    }

    /** The edges to the functions that receive this node's gradients ({@code next_functions}). */
    public List<Edge> nextEdges() {
        return nextEdges == null ? List.of() : Collections.unmodifiableList(java.util.Arrays.asList(nextEdges));
    }

    /** The forward inputs (including constants that receive no gradient), for graph drawing. */
    public List<Tensor> inputs() {
        return List.of();
    }

    /** The tensor this node's forward produced, if still known. */
    public Tensor output() {
        return null;
    }

    /** The elementwise rule this node applies, when it is one; the derivation panel reads it. */
    public ElementwiseOp op() {
        return null;
    }

    /** Scalar arguments of the forward call (exponent, min/max, dim ...), for display and derivation. */
    public Map<String, Object> attributes() {
        return Map.of();
    }

    @Override
    public String toString() {
        return "<" + name() + " object at 0x" + String.format("%012x", 0x7f0000000000L + (System.identityHashCode(this) & 0xffffffffL) * 16) + ">";
    }
}
