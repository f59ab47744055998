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
 * output): it keeps the saved values as numbers, as PyTorch keeps only what backward needs, so the
 * intermediate tensors of a scalar chain die young and the graph the collector copies until
 * backward is one 80-byte object per node. A dropped saved tensor is told by an in-place change
 * ({@link Tensor#savedBy()}) and then handed back, so the version check still reports it exactly;
 * a tensor nobody holds can no longer change.
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

    // Which saved tensor a dropped tensor was (Tensor.graphFlags bits).
    static final int SLOT0 = 1;
    static final int SLOT1 = 2;
    static final int SLOT_OUT = 4;
    static final int SLOTS = 7;

    // How a node recorded without GraphValues.kept() is lean (more bits of state). A dropped input or
    // saved output is not null but the shared 0-d tensor of its dtype (see DROPPED): its shape and
    // dtype still answer for it, and no flag is needed.
    /** Recorded lean: 0-d inputs may be dropped, the output is kept only for retain_grad() or as a saved tensor. */
    private static final int LEAN = 0x08;
    /** setOutput has seen the recorded output. */
    private static final int OUTPUT_SET = 0x40;
    /**
     * The value of dropped saved tensor 0 is in the bits of the two version fields (whose versions a
     * dropped tensor does not need: see savedTensorModified), because {@link #number} holds input 1.
     */
    private static final int VALUE_PAIR = 0x80;
    /** What a dropped 0-d tensor of each dtype leaves in its field (by ordinal); never shown to anyone. */
    private static final Tensor[] DROPPED = new Tensor[DType.values().length];

    static {
        for (DType t : DType.values()) {
            Tensor marker = Tensor.wrapScalar(0, t);
            marker.graphFlags |= Tensor.DROPPED_MARK;
            DROPPED[t.ordinal()] = marker;
        }
    }

    private final Spec spec;
    /** Inputs 0 and 1 (where dropped, the DROPPED tensor of their dtype); shapes and dtypes of the inputs are read from them. */
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
    /** Saved kind, number and lean flags (see the constants). */
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
        next0 = a.gradientFunction();
        boolean dropping = !GraphValues.kept();
        boolean save0 = savedKind == SAVED_INPUT0 || savedKind == SAVED_INPUTS;
        boolean drop0 = dropping && droppable(a, save0);
        this.input0 = drop0 ? DROPPED[a.dtype().ordinal()] : a;
        int flags = dropping ? LEAN : 0;
        boolean numberTaken = false;
        if (numInputs > 1) {
            if (isPlainNumber(b)) {
                number = b.scalar;
                numberTaken = true;
                flags |= NUMBER1 | (b.dtype() == DType.FLOAT64 ? NUMBER1_FLOAT : 0);
            } else {
                next1 = b.gradientFunction();
                boolean save1 = savedKind == SAVED_INPUTS;
                if (dropping && droppable(b, save1)) {
                    input1 = DROPPED[b.dtype().ordinal()];
                    if (save1) {
                        number = b.scalar;
                        numberTaken = true;
                        register(b, SLOT1);
                    }
                } else {
                    input1 = b;
                    if (save1) {
                        savedVersion1 = b.storage.version;
                    }
                }
            }
        }
        if (save0 && drop0) {
            register(a, SLOT0);
            if (numberTaken) {
                long bits = Double.doubleToRawLongBits(a.scalar);
                savedVersion0 = (int) bits;
                savedVersion1 = (int) (bits >>> 32);
                flags |= VALUE_PAIR;
            } else {
                number = a.scalar;
            }
        } else if (save0) {
            savedVersion0 = a.storage.version;
        }
        state = (byte) (savedKind | flags);
    }

    private static boolean isDropped(Tensor t) {
        return t != null && (t.graphFlags & Tensor.DROPPED_MARK) != 0;
    }

    /** The value of dropped saved tensor {@code i} (see VALUE_PAIR). */
    private double droppedValue(int i) {
        if (i == 0 && (state & VALUE_PAIR) != 0) {
            return Double.longBitsToDouble((long) savedVersion1 << 32 | (savedVersion0 & 0xffffffffL));
        }
        return number;
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
     * reports the new version as PyTorch does (and names the tensor's producer). Called right after
     * the first change since it was saved (the first unregisters it), so it was saved at the
     * version before this one.
     */
    void savedTensorModified(Tensor t, int slots) {
        int kind = state & KIND;
        if (kind == RELEASED) {
            return;
        }
        int savedAt = t.storage.version - 1;
        if ((slots & SLOT1) != 0 && isDropped(input1)) {
            if ((state & VALUE_PAIR) != 0) {
                // dropped input 0's value moves out of the version fields into the number slot, now free
                number = droppedValue(0);
                state = (byte) (state & ~VALUE_PAIR);
            }
            input1 = t;
            savedVersion1 = savedAt;
        }
        if ((slots & SLOT0) != 0 && isDropped(input0)) {
            if ((state & VALUE_PAIR) != 0) {
                state = (byte) (state & ~VALUE_PAIR);
                // the other version field held half the value: input 1 is a plain number (version 0) or dropped
                savedVersion1 = 0;
            }
            input0 = t;
            savedVersion0 = savedAt;
        }
        if ((slots & SLOT_OUT) != 0) {
            if (isDropped(output)) {
                output = t;
                savedVersion0 = savedAt;
            } else if (kind == SAVED_MORE && more.saved.length == 1 && isDropped(more.saved[0])) {
                more.saved[0] = t;
                more.savedVersions[0] = savedAt;
            }
        }
    }

    /** retain_grad() on this node's recorded output: a lean node keeps it from now on. */
    void keepOutput(Tensor t) {
        if (isDropped(output)) {
            // the saved output itself, unchanged since: kept as a session's node keeps it
            if (t.savedBy() == this) {
                t.setSavedBy(null);
                t.graphFlags &= ~SLOTS;
            }
            output = t;
            savedVersion0 = t.storage.version;
        } else if (output == null) {
            output = t;
        }
    }

    /** Whether saved tensor {@code i} is a dropped value (not once released or handed back). */
    private boolean savedDropped(int kind, int i) {
        switch (kind) {
            case SAVED_OUTPUT: return isDropped(output);
            case SAVED_INPUT0: case SAVED_INPUTS: return isDropped(i == 0 ? input0 : input1);
            default: return false;
        }
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
        if (i == 1 && input1 == null && (state & NUMBER1) != 0) {
            return (state & NUMBER1_FLOAT) != 0 ? DType.FLOAT64 : DType.INT64;
        }
        return input(i).dtype();
    }

    /** The forward inputs; empty for a node that dropped any (recorded without {@link GraphValues#kept()}). */
    @Override
    public List<Tensor> inputs() {
        if (isDropped(input0) || isDropped(input1)) {
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
        Tensor t = output;
        return isDropped(t) ? null : t;
    }

    void setOutput(Tensor output) {
        output.graphFlags |= Tensor.RECORDED_OUTPUT;
        if ((state & LEAN) != 0) {
            boolean first = (state & OUTPUT_SET) == 0;
            state = (byte) (state | OUTPUT_SET);
            int kind = state & KIND;
            if (kind == SAVED_OUTPUT && first && numEdges() == 1 && output.shape.length == 0 && output.storage == output
                    && output.data == null && output.savedBy() == null) {
                // the recorded output is fresh (it owns its element, nothing saved it yet): dropped
                number = output.scalar;
                register(output, SLOT_OUT);
                this.output = DROPPED[output.dtype().ordinal()];
                return;
            }
            if (kind != SAVED_OUTPUT || isDropped(this.output)) {
                // nothing but retain_grad needs the output (a saved one dropped stays the recorded one)
                if (output.retainsGrad() && !isDropped(this.output)) {
                    this.output = output;
                } else if (!isDropped(this.output)) {
                    this.output = null;
                } else if (output.retainsGrad()) {
                    // a dropped saved output and a retained new one: the saved one moves aside
                    if (more == null) {
                        more = new More(null);
                    }
                    // a tensor of the saved value, marked so that a change of the real one replaces it
                    Tensor value = Tensor.wrapScalar(number, this.output.dtype());
                    value.graphFlags |= Tensor.DROPPED_MARK;
                    more.saved = new Tensor[] {value};
                    more.savedVersions = new int[] {0};
                    state = (byte) ((state & ~KIND) | SAVED_MORE);
                    this.output = output;
                }
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

    /** The backward rule the node was recorded with. */
    Rule rule() {
        return spec.rule;
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
        if (savedDropped(kind, i)) {
            // never modified since (that would have handed the tensor back): a tensor of the value
            Tensor marker = kind == SAVED_OUTPUT ? output : i == 0 ? input0 : input1;
            return Tensor.wrapScalar(droppedValue(kind == SAVED_OUTPUT ? 1 : i), marker.dtype());
        }
        Tensor t;
        int expected;
        if (kind == SAVED_MORE) {
            t = more.saved[i];
            expected = more.savedVersions[i];
        } else {
            t = kind == SAVED_OUTPUT ? output : i == 0 ? input0 : input1();
            // with VALUE_PAIR input 1 is a plain number, at version 0, and the field holds half a value
            expected = i == 0 ? savedVersion0 : (state & VALUE_PAIR) != 0 ? 0 : savedVersion1;
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
            return droppedValue(kind == SAVED_OUTPUT ? 1 : i);
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
