package org.autogradstudio.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backward function in the autograd graph, as PyTorch's {@code torch::autograd::Node}: it takes
 * the gradient of its forward output and returns one gradient per {@link #nextEdges() next edge}.
 * Nodes are ordered by a global sequence number so the engine runs later-created nodes first.
 * <p>
 * The next edges are packed into the node: every node of this engine has a single output, so an
 * edge always feeds input 0 of its function and is fully given by that function. The first two
 * are fields ({@link #next0}, {@link #next1}; null where no gradient flows), any further ones
 * come from {@link #nextBeyond}; {@link Edge} objects are made only when someone asks for them.
 * A long chain of binary ops thereby keeps no edge objects and no edge arrays alive.
 */
public abstract class Node {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    final long sequenceNr;
    /** The functions of next edges 0 and 1 (null: no gradient flows along that edge, or none exists). */
    Node next0;
    Node next1;

    // Scratch state of the executor during one backward pass (see Engine and SequencePass).
    /** Edges still to deliver a gradient here; once queued, the node's place in the ReadyQueue. */
    int dependencies;
    int passId;
    Tensor inputBuffer;
    /** Whether {@link #inputBuffer} is a sum the engine made (so it may add into it in place). */
    boolean bufferOwned;

    /** How many next edges there are (edges are numbered as the forward inputs). */
    private char numEdges;

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

    /**
     * {@link #apply} into {@code out[0 .. numEdges())} (the engine's scratch array, at least that
     * long); subclasses override it to skip the result array. When {@code gradOwned}, nobody but
     * the engine holds {@code gradOutput} any more and it may be overwritten. Returns a bit mask
     * of the outputs (edges 0 to 31) that are fresh tensors nobody else holds, which the engine
     * may then add into in place.
     */
    int applyInto(Tensor gradOutput, boolean gradOwned, Tensor[] out) {
        Tensor[] grads = apply(gradOutput);
        System.arraycopy(grads, 0, out, 0, numEdges);
        return 0;
    }

    /** Frees saved tensors once a backward pass without {@code retain_graph} has used them. */
    protected void release() {
    }

    final void setNumEdges(int n) {
        if (n > Character.MAX_VALUE) {
            throw TorchException.runtime("a function with " + n + " inputs is not supported");
        }
        numEdges = (char) n;
    }

    /** The number of next edges ({@code len(next_functions)}). */
    final int numEdges() {
        return numEdges;
    }

    /** The function next edge {@code i} leads to, or null where no gradient flows. */
    final Node nextFunction(int i) {
        return i == 0 ? next0 : i == 1 ? next1 : nextBeyond(i);
    }

    final void setNextFunction(int i, Node function) {
        if (i == 0) {
            next0 = function;
        } else if (i == 1) {
            next1 = function;
        } else {
            setNextBeyond(i, function);
        }
    }

    /** Next edges from index 2: only nodes with more than two edges keep them (and override these). */
    Node nextBeyond(int i) {
        throw new IndexOutOfBoundsException(i);
    }

    void setNextBeyond(int i, Node function) {
        throw new IndexOutOfBoundsException(i);
    }

    public long sequenceNr() {
        return sequenceNr;
    }

    /** The edges to the functions that receive this node's gradients ({@code next_functions}). */
    public List<Edge> nextEdges() {
        int n = numEdges;
        if (n == 0) {
            return List.of();
        }
        Edge[] edges = new Edge[n];
        for (int i = 0; i < n; i++) {
            Node f = nextFunction(i);
            edges[i] = f == null ? null : new Edge(f, 0);
        }
        return Collections.unmodifiableList(Arrays.asList(edges));
    }

    /**
     * The forward inputs (including constants that receive no gradient), for graph drawing; empty
     * for a node recorded without {@link GraphValues#kept()} that dropped 0-d inputs backward does not need.
     */
    public List<Tensor> inputs() {
        return List.of();
    }

    /** The tensor this node's forward produced, if still known (a lean node keeps it only for retain_grad). */
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
