package org.autogradstudio.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The backward function of one recorded operation: a name, the forward inputs, the tensors it
 * saved, and a short backward rule (micrograd-style: each op is a forward plus a few lines here).
 * Gradients are reduced to each input's shape and dtype after the rule runs, so rules may ignore
 * broadcasting.
 * <p>
 * Layout, because a long scalar chain keeps every node alive until backward: what all nodes of one
 * kind share (name, op, rule, attributes) is one {@link Spec} object; the first two inputs and the
 * first two saved tensors (with their versions) are fields, and only a node with more of them
 * keeps a {@link More}. A recorded sin, mul or add is then one object besides its output tensor.
 */
public final class FunctionNode extends Node {
    /** The backward rule: gradients w.r.t. each input, given the output's gradient. */
    @FunctionalInterface
    public interface Rule {
        Tensor[] backward(FunctionNode node, Tensor grad);
    }

    /**
     * A rule on arrays that may write its result into the incoming gradient when the engine owns
     * it ({@code gradOwned}: nobody else holds it) and says which results are fresh tensors nobody
     * else holds (bit i for {@code out[i]}, one edge per tensor at most), so the next rule may do
     * the same: a fresh array costs more than the arithmetic of a pointwise backward (new memory
     * is cold in cache).
     */
    @FunctionalInterface
    interface OwningRule extends Rule {
        int backwardInto(FunctionNode node, Tensor grad, boolean gradOwned, Tensor[] out);

        @Override
        default Tensor[] backward(FunctionNode node, Tensor grad) {
            Tensor[] out = new Tensor[node.numEdges()];
            backwardInto(node, grad, false, out);
            return out;
        }
    }

    /**
     * What a node shares with every node recorded by the same op: PyTorch's class name, the
     * elementwise op (or null), the rule, the op's scalar arguments and its attributes. Elementwise
     * ops without arguments use one shared Spec each.
     */
    static final class Spec {
        final String name;
        final ElementwiseOp op;
        final Rule rule;
        final double[] params;
        final Map<String, Object> attributes;

        Spec(String name, ElementwiseOp op, Rule rule, double[] params, Map<String, Object> attributes) {
            this.name = name;
            this.op = op;
            this.rule = rule;
            this.params = params;
            this.attributes = attributes;
        }
    }

    /**
     * Inputs and next edges beyond the first two (null for nodes with at most two inputs), and
     * saved tensors that are not simply the node's inputs or output.
     */
    private static final class More {
        /** Every input (also the first two, for {@link #inputs()}), or null. */
        final Tensor[] inputs;
        final Node[] next;
        Tensor[] saved;
        int[] savedVersions;

        More(Tensor[] inputs) {
            this.inputs = inputs;
            this.next = inputs == null ? null : new Node[inputs.length];
        }
    }

    private static final String FREED = "Trying to backward through the graph a second time (or directly access saved"
            + " tensors after they have already been freed). Saved intermediate values of the graph are freed when"
            + " you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through"
            + " the graph a second time or if you need to access saved tensors after calling backward.";

    // What the node saved (bits 0-2 of state): its saved tensors are usually its inputs or its
    // output, so they are named rather than stored twice.
    static final int SAVED_NONE = 0;
    /** saved(0) is input 0. */
    static final int SAVED_INPUT0 = 1;
    /** saved(0), saved(1) are inputs 0 and 1. */
    static final int SAVED_INPUTS = 2;
    /** saved(0) is the output the node recorded. */
    static final int SAVED_OUTPUT = 3;
    /** The saved tensors are in {@code more.saved}. */
    private static final int SAVED_MORE = 4;
    private static final int RELEASED = 5;
    private static final int KIND = 7;
    /** Input 1 is a Python number held in {@link #number} (its tensor made only when asked for). */
    private static final int NUMBER1 = 0x10;
    /** ... a float (float64 wrapped number) rather than an int. */
    private static final int NUMBER1_FLOAT = 0x20;

    private final Spec spec;
    /** Inputs 0 and 1; shapes and dtypes of the inputs are read from them (both final in Tensor). */
    private final Tensor input0;
    /** Input 1, or null while it is the Python number {@link #number}. */
    private Tensor input1;
    /** Versions of saved tensors 0 and 1 when saved (those in {@code more} keep their own). */
    private int savedVersion0;
    private int savedVersion1;
    private Tensor output;
    private More more;
    /**
     * A Python number as input 1 ({@code y * 0.001}): kept as its value, as PyTorch keeps a Scalar,
     * instead of a wrapped-number tensor per node; the tensor is made on first request.
     */
    private double number;
    /** Saved kind and number flags (see the constants). */
    private byte state;

    /** A node with any number of inputs and saved tensors. */
    FunctionNode(Spec spec, Tensor[] inputs, Tensor[] saved) {
        this.spec = spec;
        int n = inputs.length;
        setNumEdges(n);
        this.input0 = n > 0 ? inputs[0] : null;
        this.input1 = n > 1 ? inputs[1] : null;
        if (n > 2) {
            more = new More(inputs);
        }
        for (int i = 0; i < n; i++) {
            setNextFunction(i, inputs[i].gradientFunction());
        }
        int s = saved.length;
        if (s == 0) {
            state = SAVED_NONE;
        } else if (s == 1 && n >= 1 && saved[0] == input0) {
            state = SAVED_INPUT0;
            savedVersion0 = input0.storage.version;
        } else if (s == 2 && n >= 2 && saved[0] == input0 && saved[1] == input1) {
            state = SAVED_INPUTS;
            savedVersion0 = input0.storage.version;
            savedVersion1 = input1.storage.version;
        } else {
            if (more == null) {
                more = new More(null);
            }
            more.saved = saved;
            more.savedVersions = new int[s];
            for (int i = 0; i < s; i++) {
                more.savedVersions[i] = saved[i].storage.version;
            }
            state = SAVED_MORE;
        }
    }

    /**
     * An elementwise node: one or two inputs, saving {@code savedKind} (none, input 0, both inputs
     * or the output), without arrays; a Python number as {@code b} is kept as its value.
     */
    FunctionNode(Spec spec, int numInputs, Tensor a, Tensor b, int savedKind) {
        this.spec = spec;
        setNumEdges(numInputs);
        this.input0 = a;
        next0 = a.gradientFunction();
        int flags = 0;
        if (numInputs > 1) {
            if (isPlainNumber(b)) {
                number = b.scalar;
                flags = NUMBER1 | (b.dtype() == DType.FLOAT64 ? NUMBER1_FLOAT : 0);
            } else {
                input1 = b;
                next1 = b.gradientFunction();
            }
        }
        if (savedKind == SAVED_INPUT0 || savedKind == SAVED_INPUTS) {
            savedVersion0 = a.storage.version;
            if (savedKind == SAVED_INPUTS) {
                savedVersion1 = b.storage.version;
            }
        }
        state = (byte) (savedKind | flags);
    }

    /** A wrapped Python number that nothing can tell from its value: 0-d, its own storage, never modified. */
    private static boolean isPlainNumber(Tensor t) {
        return t.wrappedNumber && !t.requiresGrad && t.gradFn == null && t.storage == t && t.data == null
                && t.storage.version == 0 && (t.dtype() == DType.FLOAT64 || t.dtype() == DType.INT64)
                && t.grad() == null && t.viewBase() == null;
    }

    /** Input 1, made from the Python number on first request (and kept, so it is one tensor). */
    private Tensor input1() {
        Tensor t = input1;
        if (t == null && (state & NUMBER1) != 0) {
            t = Tensor.wrappedNumber(number, (state & NUMBER1_FLOAT) != 0);
            input1 = t;
        }
        return t;
    }

    @Override
    Node nextBeyond(int i) {
        if (more == null || more.next == null) {
            throw new IndexOutOfBoundsException(i);
        }
        return more.next[i];
    }

    @Override
    void setNextBeyond(int i, Node function) {
        more.next[i] = function;
    }

    @Override
    public String name() {
        return spec.name;
    }

    private Tensor input(int i) {
        return i == 0 ? input0 : i == 1 ? input1() : more.inputs[i];
    }

    @Override
    public List<Tensor> inputs() {
        int n = numEdges();
        if (more != null && more.inputs != null) {
            return Arrays.asList(more.inputs);
        }
        return n == 0 ? List.of() : n == 1 ? Arrays.asList(input0) : Arrays.asList(input0, input1());
    }

    @Override
    public Tensor output() {
        return output;
    }

    void setOutput(Tensor output) {
        Tensor previous = this.output;
        if ((state & KIND) == SAVED_OUTPUT) {
            if (previous == null) {
                savedVersion0 = output.storage.version;
            } else if (previous != output) {
                // an in-place op takes over the history: the saved tensor stays the one recorded
                if (more == null) {
                    more = new More(null);
                }
                more.saved = new Tensor[] {previous};
                more.savedVersions = new int[] {savedVersion0};
                state = (byte) ((state & ~KIND) | SAVED_MORE);
            }
        }
        this.output = output;
    }

    @Override
    public ElementwiseOp op() {
        return spec.op;
    }

    /** Scalar arguments of an elementwise op (exponent, clamp bounds), read by the shared rules in Pointwise. */
    double[] params() {
        return spec.params;
    }

    @Override
    public Map<String, Object> attributes() {
        return spec.attributes;
    }

    public int[] inputShape(int i) {
        if (i == 1 && input1 == null && (state & NUMBER1) != 0) {
            return Shape.SCALAR;
        }
        return input(i).shape;
    }

    /** How many tensors this node saved for backward (0 once released). */
    int savedCount() {
        switch (state & KIND) {
            case SAVED_INPUT0: case SAVED_OUTPUT: return 1;
            case SAVED_INPUTS: return 2;
            case SAVED_MORE: return more.saved.length;
            default: return 0;
        }
    }

    /** Whether a gradient for input {@code i} is wanted (it requires grad). */
    boolean needsGrad(int i) {
        return nextFunction(i) != null;
    }

    /** A saved tensor, checked as PyTorch checks it: not freed, not modified in place since. */
    public Tensor saved(int i) {
        int kind = state & KIND;
        if (kind == RELEASED) {
            throw TorchException.runtime(FREED);
        }
        int count = savedCount();
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("saved tensor " + i + " of " + count);
        }
        Tensor t;
        int expected;
        if (kind == SAVED_MORE) {
            t = more.saved[i];
            expected = more.savedVersions[i];
        } else {
            t = kind == SAVED_OUTPUT ? output : i == 0 ? input0 : input1();
            expected = i == 0 ? savedVersion0 : savedVersion1;
        }
        if (t.storage.version != expected) {
            throw TorchException.runtime("one of the variables needed for gradient computation has been modified by an"
                    + " inplace operation: [" + t.legacyTypeName() + " " + Shape.toString(t.shape) + "]"
                    + (producerName(t) != null ? ", which is output 0 of " + producerName(t) + "," : "")
                    + " is at version " + t.storage.version + "; expected version " + expected
                    + " instead. Hint: enable anomaly detection to find the operation that failed to compute its"
                    + " gradient, with torch.autograd.set_detect_anomaly(True).");
        }
        return t;
    }

    /**
     * The function the message names as the saved tensor's producer, as PyTorch's SavedVariable: a
     * node's own output is named after the node (it is saved without its grad_fn), any other saved
     * tensor after its grad_fn now (the in-place op that modified it), a leaf after none.
     */
    private String producerName(Tensor t) {
        if (t == output) {
            return spec.name;
        }
        return t.gradFn() != null ? t.gradFn().name() : null;
    }

    public boolean isReleased() {
        return (state & KIND) == RELEASED;
    }

    /**
     * The element of 0-d saved tensor {@code i}, checked as {@link #saved}, without making the
     * tensor of a Python number.
     */
    double savedScalar(int i) {
        if (i == 1 && input1 == null && (state & NUMBER1) != 0 && (state & KIND) == SAVED_INPUTS) {
            return number;
        }
        return saved(i).scalarValue();
    }

    @Override
    protected void release() {
        int kind = state & KIND;
        if (kind != SAVED_NONE && kind != RELEASED) {
            state = (byte) ((state & ~KIND) | RELEASED);
            if (more != null) {
                more.saved = null;
            }
        }
    }

    @Override
    protected Tensor[] apply(Tensor grad) {
        Tensor[] grads = spec.rule.backward(this, grad);
        for (int i = 0; i < grads.length; i++) {
            grads[i] = fit(i, grads[i]);
        }
        return grads;
    }

    @Override
    int applyInto(Tensor grad, boolean gradOwned, Tensor[] out) {
        int n = numEdges();
        if (spec.op != null && grad.shape.length == 0) {
            int fresh = Pointwise.scalarBackward(this, grad, gradOwned, out);
            if (fresh >= 0) {
                for (int i = 0; i < n; i++) {
                    Tensor g = out[i];
                    Tensor fitted = fit(i, g);
                    if (fitted != g) {
                        fresh &= ~(1 << i);
                        out[i] = fitted;
                    }
                }
                return fresh;
            }
        }
        if (spec.rule instanceof OwningRule) {
            int fresh = ((OwningRule) spec.rule).backwardInto(this, grad, gradOwned, out);
            for (int i = 0; i < n; i++) {
                Tensor g = out[i];
                Tensor fitted = fit(i, g);
                if (fitted != g) {
                    // reshaped or cast: not the tensor the rule vouched for
                    fresh &= ~(1 << i);
                }
                out[i] = fitted;
            }
            return fresh;
        }
        Tensor[] grads = spec.rule.backward(this, grad);
        for (int i = 0; i < n; i++) {
            out[i] = i < grads.length ? fit(i, grads[i]) : null;
        }
        return 0;
    }

    /** A rule's gradient for input {@code i} reduced to that input's shape and dtype (null where none is wanted). */
    private Tensor fit(int i, Tensor g) {
        if (g == null || nextFunction(i) == null) {
            return null;
        }
        Tensor in = input(i);
        if (g.shape != in.shape && !Arrays.equals(g.shape, in.shape)) {
            g = Reductions.sumToShape(g, in.shape);
        }
        DType inType = in.dtype();
        if (g.dtype() != inType && inType.isFloatingPoint()) {
            g = g.toDType(inType);
        }
        return g;
    }
}
