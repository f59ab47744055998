package org.autogradstudio.ui.whatif;

import static org.autogradstudio.ui.whatif.RecordedArgs.bool;
import static org.autogradstudio.ui.whatif.RecordedArgs.integer;
import static org.autogradstudio.ui.whatif.RecordedArgs.ints;
import static org.autogradstudio.ui.whatif.RecordedArgs.number;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.CustomFunction;
import org.autogradstudio.engine.ElementwiseOp;
import org.autogradstudio.engine.LinearAlgebra;
import org.autogradstudio.engine.Losses;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Pointwise;
import org.autogradstudio.engine.ShapeOps;
import org.autogradstudio.engine.Tensor;

/**
 * The recorded forward pass run again by the engine, op by op from each function node's name,
 * inputs and attributes, with some leaves given other values. Leaves that require grad are copied,
 * so the replay's backward fills the copies' {@code .grad} and never the script's own tensors;
 * constants are shared. Script thread only. A node the replay does not know is an
 * {@link UnsupportedOperationException} naming it.
 */
public final class EngineReplay {
    /** The replayed graph: its roots and, for every original tensor met, the tensor standing in for it. */
    public record Result(List<Tensor> roots, Map<Tensor, Tensor> counterparts, Map<Node, Tensor> outputs) {
        /** The tensor standing in for {@code original} (itself for a shared constant). */
        public Tensor of(Tensor original) {
            Tensor c = counterparts.get(original);
            if (c == null && original.gradFn() != null) {
                c = outputs.get(original.gradFn());
            }
            return c != null ? c : original;
        }
    }

    private final Map<Tensor, double[]> overrides;
    private final Map<Tensor, Tensor> counterparts = new IdentityHashMap<>();
    private final Map<Node, Tensor> outputs = new IdentityHashMap<>();

    private EngineReplay(Map<Tensor, double[]> overrides) {
        this.overrides = overrides;
    }

    /** Replays the graph of {@code roots} with {@code overrides} (original leaf to its new values), forward only. */
    public static Result forward(List<Tensor> roots, Map<Tensor, double[]> overrides) {
        // the replayed graph is shown as the original is: its nodes keep their inputs and outputs
        boolean kept = org.autogradstudio.engine.GraphValues.setKept(true);
        try {
            return replay(roots, overrides);
        } finally {
            org.autogradstudio.engine.GraphValues.setKept(kept);
        }
    }

    private static Result replay(List<Tensor> roots, Map<Tensor, double[]> overrides) {
        EngineReplay r = new EngineReplay(overrides);
        List<Tensor> out = new ArrayList<>();
        List<Node> order = order(roots);
        for (Node n : order) {
            Tensor t = r.apply(n);
            r.outputs.put(n, t);
            if (n.output() != null) {
                r.counterparts.put(n.output(), t);
            }
        }
        for (Tensor root : roots) {
            out.add(r.input(root));
        }
        return new Result(List.copyOf(out), r.counterparts, r.outputs);
    }

    /** Replays forward, then runs the engine's backward from the replayed roots (seeded with ones). */
    public static Result run(List<Tensor> roots, Map<Tensor, double[]> overrides) {
        Result r = forward(roots, overrides);
        for (Tensor root : r.roots()) {
            if (root.gradFn() != null) {
                double[] ones = new double[root.numel()];
                Arrays.fill(ones, 1);
                root.backward(root.numel() == 1 ? null : Tensor.of(ones, root.shape(), root.dtype()), false);
            }
        }
        return r;
    }

    /** The function nodes of the graphs, producers before consumers (creation order). */
    private static List<Node> order(List<Tensor> roots) {
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        for (Tensor root : roots) {
            if (root.gradFn() != null && seen.put(root.gradFn(), true) == null) {
                stack.push(root.gradFn());
            }
        }
        List<Node> all = new ArrayList<>();
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            all.add(n);
            for (Tensor in : n.inputs()) {
                Node p = in == null ? null : in.gradFn();
                if (p != null && !(p instanceof AccumulateGrad) && seen.put(p, true) == null) {
                    stack.push(p);
                }
            }
        }
        all.sort(Comparator.comparingLong(Node::sequenceNr));
        return all;
    }

    /** The replay's tensor for an input of a node. */
    private Tensor input(Tensor t) {
        if (t == null) {
            return null;
        }
        Tensor known = counterparts.get(t);
        if (known != null) {
            return known;
        }
        Node producer = t.gradFn();
        if (producer != null && outputs.containsKey(producer)) {
            return outputs.get(producer);
        }
        double[] values = overrides.get(t);
        Tensor replacement;
        if (values != null) {
            replacement = Tensor.of(values, t.shape(), t.dtype());
            if (t.requiresGrad()) {
                replacement.requiresGrad_(true);
            }
        } else if (t.isLeaf() && t.requiresGrad()) {
            replacement = Tensor.of(t.toArray(), t.shape(), t.dtype()).requiresGrad_(true);
        } else {
            return t;
        }
        counterparts.put(t, replacement);
        return replacement;
    }

    private Tensor apply(Node n) {
        List<Tensor> raw = n.inputs();
        Tensor[] in = new Tensor[raw.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = input(raw.get(i));
        }
        Map<String, Object> at = n.attributes();
        ElementwiseOp op = n.op();
        String name = n.name();
        if (op != null && !name.startsWith("Mse") && !name.contains("Entropy")) {
            return elementwise(op, in, at);
        }
        return switch (name) {
            case "SumBackward0" -> in[0].sum();
            case "MeanBackward0" -> in[0].mean();
            case "SumBackward1" -> in[0].sum(ints(at.get("dim")), bool(at.get("keepdim")));
            case "MeanBackward1" -> in[0].mean(ints(at.get("dim")), bool(at.get("keepdim")));
            case "MmBackward0" -> LinearAlgebra.mm(in[0], in[1]);
            case "MvBackward0" -> LinearAlgebra.mv(in[0], in[1]);
            case "DotBackward0" -> LinearAlgebra.dot(in[0], in[1]);
            case "TBackward0" -> ShapeOps.t(in[0]);
            case "TransposeBackward0" -> ShapeOps.transpose(in[0], integer(at.get("dim0")), integer(at.get("dim1")));
            case "UnsqueezeBackward0" -> ShapeOps.unsqueeze(in[0], integer(at.get("dim")));
            case "SqueezeBackward0" -> ShapeOps.squeeze(in[0], null);
            case "SqueezeBackward1", "SqueezeBackward3" -> ShapeOps.squeeze(in[0], at.containsKey("dim") ? integer(at.get("dim")) : null);
            case "ViewBackward0", "ReshapeAliasBackward0", "UnsafeViewBackward0" -> ShapeOps.reshape(in[0], shapeOf(n, at));
            case "ExpandBackward0" -> ShapeOps.expand(in[0], ints(at.get("size")));
            case "CloneBackward0" -> ShapeOps.cloneRecorded(in[0]);
            case "MseLossBackward0" -> Losses.mseLoss(in[0], in[1], reduction(at));
            case "BinaryCrossEntropyBackward0" -> Losses.binaryCrossEntropy(in[0], in[1], reduction(at));
            case "BinaryCrossEntropyWithLogitsBackward0" -> Losses.binaryCrossEntropyWithLogits(in[0], in[1], reduction(at));
            default -> extra(n, name, in, at);
        };
    }

    private static Tensor extra(Node n, String name, Tensor[] in, Map<String, Object> at) {
        if (CustomFunction.isCustom(n)) {
            throw new UnsupportedOperationException("the what-if replay cannot run " + name
                    + ": it is the script's own autograd Function, whose forward is the script's code");
        }
        Tensor t = ExtraReplays.apply(name, in, at);
        if (t == null) {
            throw new UnsupportedOperationException("the what-if replay does not know " + name + " yet");
        }
        return t;
    }

    private static Tensor elementwise(ElementwiseOp op, Tensor[] in, Map<String, Object> at) {
        switch (op) {
            case RSUB:
                return Pointwise.rsub(in[0], Tensor.wrappedNumber(number(at.get("other")), true));
            case POW_SCALAR:
                return Pointwise.powScalar(in[0], number(at.get("exponent")));
            case CLAMP: {
                double lo = number(at.get("min")), hi = number(at.get("max"));
                return Pointwise.clamp(in[0], Double.isInfinite(lo) ? null : lo, Double.isInfinite(hi) ? null : hi);
            }
            case POW:
                return Pointwise.pow(in[0], in[1]);
            default:
                return in.length == 1 ? Pointwise.unary(op, in[0]) : Pointwise.binary(op, in[0], in[1]);
        }
    }

    private static String reduction(Map<String, Object> at) {
        Object r = at.get("reduction");
        return r == null ? "mean" : r.toString();
    }

    private static int[] shapeOf(Node n, Map<String, Object> at) {
        if (at.containsKey("size")) {
            return ints(at.get("size"));
        }
        if (n.output() != null) {
            return n.output().shape();
        }
        throw new UnsupportedOperationException("the what-if replay does not know the shape of " + n.name());
    }
}
