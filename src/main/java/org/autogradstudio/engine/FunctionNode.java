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

    /** Inputs, next edges and saved tensors beyond the first two, for the few nodes that have them. */
    private static final class More {
        /** Every input (also the first two, for {@link #inputs()}). */
        final Tensor[] inputs;
        final Node[] next;
        Tensor[] saved;
        int[] savedVersions;

        More(Tensor[] inputs) {
            this.inputs = inputs;
            this.next = new Node[inputs.length];
        }
    }

    private static final String FREED = "Trying to backward through the graph a second time (or directly access saved"
            + " tensors after they have already been freed). Saved intermediate values of the graph are freed when"
            + " you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through"
            + " the graph a second time or if you need to access saved tensors after calling backward.";

    private final Spec spec;
    /** Inputs 0 and 1; shapes and dtypes of the inputs are read from them (both final in Tensor). */
    private final Tensor input0;
    private final Tensor input1;
    /** Saved tensors 0 and 1 and their versions when saved (further ones in {@link #more}). */
    private Tensor saved0;
    private Tensor saved1;
    private int savedVersion0;
    private int savedVersion1;
    private Tensor output;
    private More more;
    /** How many tensors were saved; -1 once released. */
    private byte savedCount;

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
        if (s > 0) {
            saved0 = saved[0];
            savedVersion0 = saved0.storage.version;
        }
        if (s > 1) {
            saved1 = saved[1];
            savedVersion1 = saved1.storage.version;
        }
        if (s > 2) {
            if (s > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("too many saved tensors: " + s);
            }
            if (more == null) {
                more = new More(inputs);
            }
            more.saved = saved;
            more.savedVersions = new int[s];
            for (int i = 2; i < s; i++) {
                more.savedVersions[i] = saved[i].storage.version;
            }
        }
        savedCount = (byte) s;
    }

    /** An elementwise node: one or two inputs, up to two saved tensors, no arrays. */
    FunctionNode(Spec spec, int numInputs, Tensor a, Tensor b, int numSaved, Tensor s0, Tensor s1) {
        this.spec = spec;
        setNumEdges(numInputs);
        this.input0 = a;
        this.input1 = b;
        next0 = a.gradientFunction();
        if (numInputs > 1) {
            next1 = b.gradientFunction();
        }
        if (numSaved > 0) {
            saved0 = s0;
            savedVersion0 = s0.storage.version;
            if (numSaved > 1) {
                saved1 = s1;
                savedVersion1 = s1.storage.version;
            }
        }
        savedCount = (byte) numSaved;
    }

    @Override
    Node nextBeyond(int i) {
        if (more == null) {
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
        return i == 0 ? input0 : i == 1 ? input1 : more.inputs[i];
    }

    @Override
    public List<Tensor> inputs() {
        int n = numEdges();
        if (more != null) {
            return Arrays.asList(more.inputs);
        }
        return n == 0 ? List.of() : n == 1 ? Arrays.asList(input0) : Arrays.asList(input0, input1);
    }

    @Override
    public Tensor output() {
        return output;
    }

    void setOutput(Tensor output) {
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
        return input(i).shape;
    }

    /** How many tensors this node saved for backward (0 once released). */
    int savedCount() {
        return Math.max(savedCount, 0);
    }

    /** Whether a gradient for input {@code i} is wanted (it requires grad). */
    boolean needsGrad(int i) {
        return nextFunction(i) != null;
    }

    /** A saved tensor, checked as PyTorch checks it: not freed, not modified in place since. */
    public Tensor saved(int i) {
        if (savedCount < 0) {
            throw TorchException.runtime(FREED);
        }
        if (i < 0 || i >= savedCount) {
            throw new IndexOutOfBoundsException("saved tensor " + i + " of " + savedCount);
        }
        Tensor t = i == 0 ? saved0 : i == 1 ? saved1 : more.saved[i];
        int expected = i == 0 ? savedVersion0 : i == 1 ? savedVersion1 : more.savedVersions[i];
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
        return savedCount < 0;
    }

    @Override
    protected void release() {
        if (savedCount > 0) {
            savedCount = -1;
            saved0 = null;
            saved1 = null;
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
