package org.autogradstudio.engine;

import java.util.Map;

/** Recording of operations into the graph: the one place that decides whether an op is recorded. */
final class Autograd {
    static final Tensor[] NOTHING = new Tensor[0];

    private Autograd() {
    }

    static boolean needed(Tensor a) {
        return a.requiresGrad && GradMode.isEnabled();
    }

    static boolean needed(Tensor a, Tensor b) {
        return (a.requiresGrad || b.requiresGrad) && GradMode.isEnabled();
    }

    static boolean needed(Tensor[] inputs) {
        if (!GradMode.isEnabled()) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t.requiresGrad) {
                return true;
            }
        }
        return false;
    }

    /** Attaches a new backward function to {@code out}, which becomes a non-leaf that requires grad. */
    static Tensor record(Tensor out, String name, Tensor[] inputs, Tensor[] saved, ElementwiseOp op,
                         Map<String, Object> attributes, FunctionNode.Rule rule) {
        FunctionNode node = new FunctionNode(name, inputs, saved, op, attributes, rule);
        node.setOutput(out);
        out.gradFn = node;
        out.requiresGrad = true;
        return out;
    }

    /** An elementwise op's record: {@code params} go to the node so the rule can be one shared object. */
    static Tensor record(Tensor out, ElementwiseOp op, Tensor[] inputs, Tensor[] saved, double[] params,
                         Map<String, Object> attributes, FunctionNode.Rule rule) {
        FunctionNode node = new FunctionNode(op.gradFnName(), inputs, saved, op, params, attributes, rule);
        node.setOutput(out);
        out.gradFn = node;
        out.requiresGrad = true;
        return out;
    }

    static Tensor record(Tensor out, String name, Tensor[] inputs, Tensor[] saved, FunctionNode.Rule rule) {
        return record(out, name, inputs, saved, null, Map.of(), rule);
    }
}
