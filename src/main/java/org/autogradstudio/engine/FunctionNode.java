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
    private final Tensor[] inputs;
    private final int[][] inputShapes;
    private final DType[] inputDTypes;
    private final ElementwiseOp op;
    private final Map<String, Object> attributes;
    private Tensor[] saved;
    private int[] savedVersions;
    private boolean released;
    private Tensor output;

    FunctionNode(String name, Tensor[] inputs, Tensor[] saved, ElementwiseOp op, Map<String, Object> attributes, Rule rule) {
        this.name = name;
        this.rule = rule;
        this.inputs = inputs;
        this.op = op;
        this.attributes = attributes;
        this.inputShapes = new int[inputs.length][];
        this.inputDTypes = new DType[inputs.length];
        this.nextEdges = new Edge[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            inputShapes[i] = in.shape;
            inputDTypes[i] = in.dtype();
            nextEdges[i] = in.gradientEdge();
        }
        this.saved = saved;
        if (saved.length > 0) {
            savedVersions = new int[saved.length];
            for (int i = 0; i < saved.length; i++) {
                savedVersions[i] = saved[i].storage.version;
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
        return inputShapes[i];
    }

    /** A saved tensor, checked as PyTorch checks it: not freed, not modified in place since. */
    public Tensor saved(int i) {
        if (released) {
            throw TorchException.runtime(FREED);
        }
        Tensor t = saved[i];
        if (t.storage.version != savedVersions[i]) {
            throw TorchException.runtime("one of the variables needed for gradient computation has been modified by an"
                    + " inplace operation: [" + t.legacyTypeName() + " " + Shape.toString(t.shape) + "]"
                    + (t.gradFn() != null ? ", which is output 0 of " + t.gradFn().name() + "," : "")
                    + " is at version " + t.storage.version + "; expected version " + savedVersions[i]
                    + " instead. Hint: enable anomaly detection to find the operation that failed to compute its"
                    + " gradient, with torch.autograd.set_detect_anomaly(True).");
        }
        return t;
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
            if (!Arrays.equals(g.shape, inputShapes[i])) {
                g = Reductions.sumToShape(g, inputShapes[i]);
            }
            if (g.dtype() != inputDTypes[i] && inputDTypes[i].isFloatingPoint()) {
                g = g.toDType(inputDTypes[i]);
            }
            grads[i] = g;
        }
        return grads;
    }
}
