package org.autogradstudio.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The backward function of one recorded operation: a name, the forward inputs, the tensors it
 * saved, and a short backward rule (micrograd-style: each op is a forward plus a few lines here).
 * Gradients are reduced to each input's shape and dtype after the rule runs, so rules may ignore
 * broadcasting.
 */
public final class FunctionNode extends Node {
    /** The backward rule: gradients w.r.t. each input, given the output's gradient. */
    @FunctionalInterface
    public interface Rule {
        Tensor[] backward(FunctionNode node, Tensor grad);
    }

    private static final String FREED = "Trying to backward through the graph a second time (or directly access saved"
            + " tensors after they have already been freed). Saved intermediate values of the graph are freed when"
            + " you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through"
            + " the graph a second time or if you need to access saved tensors after calling backward.";

    private final String name;
    private final Rule rule;
    /** Shapes and dtypes of the inputs are read from these (both final in Tensor), not copied per node. */
    private final Tensor[] inputs;
    private final ElementwiseOp op;
    /** Scalar arguments of an elementwise op (exponent, clamp bounds), read by the shared rules in Pointwise. */
    final double[] params;
    private final Map<String, Object> attributes;
    private Tensor[] saved;
    /** Versions of saved[0] and saved[1] when saved: fields, not an array, as most nodes save one or two. */
    private int savedVersion0;
    private int savedVersion1;
    /** Versions of any further saved tensors (from index 2), null when there are none. */
    private int[] moreSavedVersions;
    private boolean released;
    private Tensor output;

    FunctionNode(String name, Tensor[] inputs, Tensor[] saved, ElementwiseOp op, Map<String, Object> attributes, Rule rule) {
        this(name, inputs, saved, op, null, attributes, rule);
    }

    FunctionNode(String name, Tensor[] inputs, Tensor[] saved, ElementwiseOp op, double[] params,
                 Map<String, Object> attributes, Rule rule) {
        this.name = name;
        this.rule = rule;
        this.inputs = inputs;
        this.op = op;
        this.params = params;
        this.attributes = attributes;
        this.nextEdges = new Edge[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            nextEdges[i] = inputs[i].gradientEdge();
        }
        this.saved = saved;
        if (saved.length > 0) {
            savedVersion0 = saved[0].storage.version;
            savedVersion1 = saved.length > 1 ? saved[1].storage.version : 0;
            if (saved.length > 2) {
                moreSavedVersions = new int[saved.length - 2];
                for (int i = 2; i < saved.length; i++) {
                    moreSavedVersions[i - 2] = saved[i].storage.version;
                }
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Tensor> inputs() {
        return Arrays.asList(inputs);
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
        return op;
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    public int[] inputShape(int i) {
        return inputs[i].shape;
    }

    /** How many tensors this node saved for backward (0 once released). */
    int savedCount() {
        return saved == null ? 0 : saved.length;
    }

    /** Whether a gradient for input {@code i} is wanted (it requires grad). */
    boolean needsGrad(int i) {
        return nextEdges[i] != null;
    }

    /** A saved tensor, checked as PyTorch checks it: not freed, not modified in place since. */
    public Tensor saved(int i) {
        if (released) {
            throw TorchException.runtime(FREED);
        }
        Tensor t = saved[i];
        int expected = i == 0 ? savedVersion0 : i == 1 ? savedVersion1 : moreSavedVersions[i - 2];
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
            return name;
        }
        return t.gradFn() != null ? t.gradFn().name() : null;
    }

    public boolean isReleased() {
        return released;
    }

    @Override
    protected void release() {
        if (saved.length > 0) {
            released = true;
            saved = null;
        }
    }

    @Override
    protected Tensor[] apply(Tensor grad) {
        Tensor[] grads = rule.backward(this, grad);
        for (int i = 0; i < grads.length; i++) {
            Tensor g = grads[i];
            if (g == null || nextEdges[i] == null) {
                grads[i] = null;
                continue;
            }
            Tensor in = inputs[i];
            if (g.shape != in.shape && !Arrays.equals(g.shape, in.shape)) {
                g = Reductions.sumToShape(g, in.shape);
            }
            DType inType = in.dtype();
            if (g.dtype() != inType && inType.isFloatingPoint()) {
                g = g.toDType(inType);
            }
            grads[i] = g;
        }
        return grads;
    }
}
