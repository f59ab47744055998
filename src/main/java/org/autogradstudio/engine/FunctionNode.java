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
 * <p>
 * Unless {@link GraphValues#kept()}, an elementwise node drops its 0-d inputs (and a saved 0-d
 * output): it keeps the saved values as numbers and their dtypes, as PyTorch keeps only what
 * backward needs, so the intermediate tensors of a scalar chain die young. A dropped saved tensor
 * is told by an in-place change ({@link Tensor#savedBy()}) and then handed back, so the version check
 * still reports it exactly; a tensor nobody holds can no longer change.
 */
public final class FunctionNode extends Node {
    /** The backward rule: gradients w.r.t. each input, given the output's gradient. */
    @FunctionalInterface
    public interface Rule {
        Tensor[] backward(FunctionNode node, Tensor grad);
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

    // Which saved tensor a dropped tensor was (Tensor.graphFlags bits).
    static final int SLOT0 = 1;
    static final int SLOT1 = 2;
    static final int SLOT_OUT = 4;
    static final int SLOTS = 7;

    // What a node recorded without GraphValues.kept() dropped (bits of lean).
    /** Recorded lean: inputs() is empty, the output is kept only for retain_grad() or as a saved tensor. */
    private static final int LEAN = 1;
    /** Input 0 (1) is not kept: it is 0-d, of the dtype at bit TYPE0 (TYPE1); saved, its value is value0 (number). */
    private static final int DROPPED0 = 2;
    private static final int DROPPED1 = 4;
    /** The saved output is not kept: its value is value0, its dtype at bit TYPE_OUT. */
    private static final int OUT_LEAN = 8;
    /** setOutput has seen the recorded output. */
    private static final int OUTPUT_SET = 0x10;
    /** Where the two-bit dtype ordinals of dropped input 0, input 1 and output are. */
    private static final int TYPE0 = 8;
    private static final int TYPE1 = 10;
    private static final int TYPE_OUT = 12;

    private final Spec spec;
    /** Inputs 0 and 1 (null where dropped); shapes and dtypes of the inputs are read from them (both final in Tensor). */
    private Tensor input0;
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
    /** The value of dropped saved tensor 0 (input 0 or the output); dropped input 1's is in {@link #number}. */
    private double value0;
    /** What was dropped, and the dtypes of dropped tensors (see LEAN ...). */
    private short lean;

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
        next0 = a.gradientFunction();
        boolean dropping = !GraphValues.kept();
        int dropped = dropping ? LEAN : 0;
        boolean save0 = savedKind == SAVED_INPUT0 || savedKind == SAVED_INPUTS;
        if (dropping && droppable(a, save0)) {
            dropped |= DROPPED0 | a.dtype().ordinal() << TYPE0;
            if (save0) {
                value0 = a.scalar;
                register(a, SLOT0);
            }
        } else {
            this.input0 = a;
        }
        int flags = 0;
        if (numInputs > 1) {
            if (isPlainNumber(b)) {
                number = b.scalar;
                flags = NUMBER1 | (b.dtype() == DType.FLOAT64 ? NUMBER1_FLOAT : 0);
            } else {
                next1 = b.gradientFunction();
                boolean save1 = savedKind == SAVED_INPUTS;
                if (dropping && droppable(b, save1)) {
                    dropped |= DROPPED1 | b.dtype().ordinal() << TYPE1;
                    if (save1) {
                        number = b.scalar;
                        register(b, SLOT1);
                    }
                } else {
                    input1 = b;
                }
            }
        }
        if (save0) {
            savedVersion0 = a.storage.version;
            if (savedKind == SAVED_INPUTS) {
                savedVersion1 = b.storage.version;
            }
        }
        state = (byte) (savedKind | flags);
        lean = (short) dropped;
    }

    /**
     * Whether a lean node may drop input {@code t}: any 0-d input it does not save; a saved one only
     * if it owns its one element (so every in-place change to it reaches {@link Tensor#savedBy()}),
     * is an intermediate result (a leaf or constant is held by the script anyway) and has no other
     * dropping saver.
     */
    private boolean droppable(Tensor t, boolean saved) {
        if (t.shape.length != 0) {
            return false;
        }
        return !saved || (t.storage == t && t.data == null && t.gradFn != null && (t.savedBy() == null || t.savedBy() == this));
    }

    private void register(Tensor t, int slot) {
        t.setSavedBy(this);
        t.graphFlags |= slot;
    }

    /**
     * A dropped saved tensor was modified in place: the node keeps it from now on, so its backward
     * reports the new version as PyTorch does (and names the tensor's producer).
     */
    void savedTensorModified(Tensor t, int slots) {
        int kind = state & KIND;
        if (kind == RELEASED) {
            return;
        }
        if ((slots & SLOT0) != 0 && (lean & DROPPED0) != 0) {
            input0 = t;
            lean &= ~DROPPED0;
        }
        if ((slots & SLOT1) != 0 && (lean & DROPPED1) != 0) {
            input1 = t;
            lean &= ~DROPPED1;
        }
        if ((slots & SLOT_OUT) != 0 && (lean & OUT_LEAN) != 0) {
            lean &= ~OUT_LEAN;
            if (output == null || output == t) {
                output = t;
            } else {
                // another tensor took over the history since: as setOutput does then
                if (more == null) {
                    more = new More(null);
                }
                more.saved = new Tensor[] {t};
                more.savedVersions = new int[] {savedVersion0};
                state = (byte) ((state & ~KIND) | SAVED_MORE);
            }
        }
    }

    /** retain_grad() on this node's recorded output: a lean node keeps it from now on. */
    void keepOutput(Tensor t) {
        if (output == null) {
            output = t;
        }
    }

    /** Whether saved tensor {@code i} is a dropped value (not once released or handed back). */
    private boolean savedDropped(int kind, int i) {
        switch (kind) {
            case SAVED_OUTPUT: return (lean & OUT_LEAN) != 0;
            case SAVED_INPUT0: case SAVED_INPUTS: return (lean & (i == 0 ? DROPPED0 : DROPPED1)) != 0;
            default: return false;
        }
    }

    private static final DType[] DTYPES = DType.values();

    private static DType typeBits(int bits) {
        return DTYPES[bits & 3];
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

    /** The dtype of input {@code i}, also of a dropped one. */
    private DType inputType(int i) {
        if (i < 2 && (lean & (i == 0 ? DROPPED0 : DROPPED1)) != 0) {
            return typeBits(lean >> (i == 0 ? TYPE0 : TYPE1));
        }
        if (i == 1 && input1 == null && (state & NUMBER1) != 0) {
            return (state & NUMBER1_FLOAT) != 0 ? DType.FLOAT64 : DType.INT64;
        }
        return input(i).dtype();
    }

    /** The forward inputs; empty for a node recorded without {@link GraphValues#kept()}, which does not keep them. */
    @Override
    public List<Tensor> inputs() {
        if ((lean & LEAN) != 0) {
            return List.of();
        }
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
        output.graphFlags |= Tensor.RECORDED_OUTPUT;
        if ((lean & LEAN) != 0) {
            boolean first = (lean & OUTPUT_SET) == 0;
            lean |= OUTPUT_SET;
            if ((state & KIND) != SAVED_OUTPUT || (lean & OUT_LEAN) != 0) {
                // nothing but retain_grad needs the output (a saved one dropped stays the recorded one)
                this.output = output.retainsGrad() ? output : null;
                return;
            }
            // the recorded output is fresh: it owns its element and nothing saved it yet
            if (first && output.shape.length == 0 && output.storage == output && output.data == null && output.savedBy() == null) {
                value0 = output.scalar;
                savedVersion0 = output.storage.version;
                register(output, SLOT_OUT);
                lean |= OUT_LEAN | output.dtype().ordinal() << TYPE_OUT;
                return;
            }
        }
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
        if (i == 1 && input1 == null && (state & NUMBER1) != 0 || i < 2 && (lean & (i == 0 ? DROPPED0 : DROPPED1)) != 0) {
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
        if (savedDropped(kind, i)) {
            // never modified since (that would have handed the tensor back): a tensor of the value
            return Tensor.wrapScalar(i == 0 ? value0 : number, typeBits(lean >> (kind == SAVED_OUTPUT ? TYPE_OUT : i == 0 ? TYPE0 : TYPE1)));
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
        int kind = state & KIND;
        if (i == 1 && input1 == null && (state & NUMBER1) != 0 && kind == SAVED_INPUTS) {
            return number;
        }
        if (savedDropped(kind, i)) {
            return i == 0 ? value0 : number;
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
        int[] inShape = inputShape(i);
        if (g.shape != inShape && !Arrays.equals(g.shape, inShape)) {
            g = Reductions.sumToShape(g, inShape);
        }
        DType inType = inputType(i);
        if (g.dtype() != inType && inType.isFloatingPoint()) {
            g = g.toDType(inType);
        }
        return g;
    }
}
