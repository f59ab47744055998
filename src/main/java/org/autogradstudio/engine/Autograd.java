package org.autogradstudio.engine;

import java.util.Map;

/** Recording of operations into the graph: the one place that decides whether an op is recorded. */
final class Autograd {
    static final Tensor[] NOTHING = new Tensor[0];
    private static final double[] NO_PARAMS = new double[0];
    /** The Spec of each argument-free elementwise op, by ordinal, made on first use. */
    private static final FunctionNode.Spec[] SPECS = new FunctionNode.Spec[ElementwiseOp.values().length];
    /**
     * The Spec last made for each elementwise op with arguments, by ordinal. Specs are immutable
     * (their params a private copy), so threads racing on a slot at worst make one twice.
     */
    private static final FunctionNode.Spec[] LAST_WITH_PARAMS = new FunctionNode.Spec[ElementwiseOp.values().length];

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

    private static Tensor attach(Tensor out, FunctionNode node) {
        node.setOutput(out);
        out.gradFn = node;
        out.requiresGrad = true;
        return out;
    }

    /** Attaches a new backward function to {@code out}, which becomes a non-leaf that requires grad. */
    static Tensor record(Tensor out, String name, Tensor[] inputs, Tensor[] saved, ElementwiseOp op,
                         Map<String, Object> attributes, FunctionNode.Rule rule) {
        FunctionNode.Spec spec = new FunctionNode.Spec(name, op, rule, NO_PARAMS, attributes);
        return attach(out, new FunctionNode(spec, inputs, saved));
    }

    static Tensor record(Tensor out, FunctionNode.Spec spec, Tensor[] inputs, Tensor[] saved) {
        return attach(out, new FunctionNode(spec, inputs, saved));
    }

    static Tensor record(Tensor out, String name, Tensor[] inputs, Tensor[] saved, FunctionNode.Rule rule) {
        return record(out, name, inputs, saved, null, Map.of(), rule);
    }

    /** The Spec of an elementwise op: shared when the op has no arguments. */
    static FunctionNode.Spec elementwiseSpec(ElementwiseOp op, double[] params, FunctionNode.Rule rule) {
        if (params.length == 0) {
            FunctionNode.Spec s = SPECS[op.ordinal()];
            if (s == null || s.rule != rule) {
                s = new FunctionNode.Spec(op.gradFnName(), op, rule, NO_PARAMS, Map.of());
                SPECS[op.ordinal()] = s;
            }
            return s;
        }
        // the same arguments as the op's last node (x ** 2 in a training loop): that node's Spec
        FunctionNode.Spec last = LAST_WITH_PARAMS[op.ordinal()];
        if (last != null && last.rule == rule && java.util.Arrays.equals(last.params, params)) {
            return last;
        }
        FunctionNode.Spec s = new FunctionNode.Spec(op.gradFnName(), op, rule, params.clone(), attributesOf(op, params));
        LAST_WITH_PARAMS[op.ordinal()] = s;
        return s;
    }

    /**
     * An elementwise op's record, without arrays: {@code numInputs} inputs {@code a}, {@code b},
     * saving {@code savedKind} (FunctionNode.SAVED_NONE, _INPUT0, _INPUTS or _OUTPUT).
     */
    static Tensor recordElementwise(Tensor out, FunctionNode.Spec spec, int numInputs, Tensor a, Tensor b, int savedKind) {
        return attach(out, new FunctionNode(spec, numInputs, a, b, savedKind));
    }

    private static Map<String, Object> attributesOf(ElementwiseOp op, double[] p) {
        switch (op) {
            case POW_SCALAR: return Map.of("exponent", p[0]);
            case CLAMP: return Map.of("min", p[0], "max", p[1]);
            default: return Map.of();
        }
    }
}
