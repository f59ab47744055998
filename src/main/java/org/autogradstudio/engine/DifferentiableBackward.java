package org.autogradstudio.engine;

import java.util.List;

/**
 * A node's backward for {@code create_graph=True}: the gradients are computed with recorded
 * operations (grad mode on), so they carry a graph and can be differentiated again, which is how
 * PyTorch gives second derivatives. Elementwise nodes evaluate the same derivative table as a
 * plain backward ({@link ElementwiseOp#backward}) over {@link RecordingAlgebra}; the structural
 * nodes of a typical lesson (sums, means, views, transposes, indexing and picks, matrix products,
 * the MSE and logistic losses) have their rules
 * written below in recorded ops. Any other node is refused with an error naming it, rather than
 * handing back a gradient that silently lacks its history.
 */
final class DifferentiableBackward {
    private DifferentiableBackward() {
    }

    /** The gradient for each input of {@code node} (null where none is wanted), recorded. */
    static Tensor[] apply(FunctionNode node, Tensor grad) {
        int n = node.numEdges();
        for (int i = 0; i < node.savedCount(); i++) {
            node.saved(i); // PyTorch's checks: freed by an earlier backward, or modified in place
        }
        List<Tensor> inputs = node.inputs();
        if (inputs.size() != n) {
            throw TorchException.runtime("create_graph=True cannot differentiate through " + node.name()
                    + ": the values it was computed from were not kept (Autograd Studio keeps them when a script"
                    + " mentions create_graph before recording the graph)");
        }
        Tensor[] grads = node.op() != null ? elementwise(node, grad, inputs) : structural(node, grad, inputs);
        for (int i = 0; i < n; i++) {
            grads[i] = grads[i] == null || !node.needsGrad(i) ? null : fit(grads[i], inputs.get(i));
        }
        return grads;
    }

    private static Tensor[] elementwise(FunctionNode node, Tensor grad, List<Tensor> inputs) {
        Tensor out = node.output();
        List<Tensor> grads = node.op().backward(RecordingAlgebra.INSTANCE, grad, inputs, out, node.params());
        return grads.toArray(new Tensor[0]);
    }

    private static Tensor[] structural(FunctionNode node, Tensor g, List<Tensor> in) {
        String name = node.name();
        Tensor x = in.get(0);
        if (node.rule() instanceof Positions.Scatter s) {
            return new Tensor[] {Positions.scatterRecorded(g, s.positions(), s.inShape(), scatterName(name))};
        }
        if (node.rule() instanceof Positions.Pick p) {
            return new Tensor[] {Positions.pickRecorded(g, p.positions(), p.outShape(), "IndexBackward0")};
        }
        if (node.attributes().get("positions") instanceof int[] picked && in.size() == 1) {
            // gather, index_select, flip, repeat, diag: picks that keep their positions as attributes
            return new Tensor[] {Positions.scatterRecorded(g, picked, x.shape, scatterName(name))};
        }
        switch (name) {
            case "SumBackward0":
                return new Tensor[] {ShapeOps.expand(g, x.shape)};
            case "MeanBackward0":
                return new Tensor[] {ShapeOps.expand(g, x.shape).div(Tensor.wrappedNumber(x.numel(), false))};
            case "SumBackward1":
            case "MeanBackward1": {
                Tensor spread = ShapeOps.expand(ShapeOps.reshape(g, keptDims(x.shape, node)), x.shape);
                int count = x.numel() / Math.max(1, g.numel());
                return new Tensor[] {name.startsWith("Mean") ? spread.div(Tensor.wrappedNumber(count, false)) : spread};
            }
            case "ExpandBackward0":
            case "CloneBackward0":
            case "CopyBackwards":
                return new Tensor[] {g}; // fit sums an expanded gradient back to the input's shape
            case "ViewBackward0":
            case "UnsafeViewBackward0":
            case "ReshapeAliasBackward0":
            case "UnsqueezeBackward0":
            case "SqueezeBackward0":
            case "SqueezeBackward1":
                return new Tensor[] {ShapeOps.reshape(g, x.shape)};
            case "TBackward0":
                return new Tensor[] {x.dim() < 2 ? g : ShapeOps.t(g)};
            case "TransposeBackward0":
                return new Tensor[] {ShapeOps.transpose(g, (Integer) node.attributes().get("dim0"),
                        (Integer) node.attributes().get("dim1"))};
            case "MmBackward0":
                return new Tensor[] {LinearAlgebra.mm(g, ShapeOps.t(in.get(1))), LinearAlgebra.mm(ShapeOps.t(x), g)};
            case "AddmmBackward0": {
                Tensor a = in.get(1), b = in.get(2);
                return new Tensor[] {g, LinearAlgebra.mm(g, ShapeOps.t(b)), LinearAlgebra.mm(ShapeOps.t(a), g)};
            }
            case "MseLossBackward0": {
                // 2 (x - y) g, divided by the count for the mean
                Tensor per = in.get(0).sub(in.get(1)).mul(2.0).mul(g);
                Tensor gx = reducedScale(node, per);
                return new Tensor[] {gx, gx.neg()};
            }
            case "BinaryCrossEntropyWithLogitsBackward0": {
                // (sigmoid(x) - y) g for the input, -x g for the target
                Tensor gx = reducedScale(node, Pointwise.unary(ElementwiseOp.SIGMOID, x).sub(in.get(1)).mul(g));
                return new Tensor[] {gx, reducedScale(node, x.neg().mul(g))};
            }
            case "ZeroBackward0":
                return new Tensor[] {Creation.zeros(g.shape, g.dtype(), false)};
            case RecordingAlgebra.MASKED:
                return new Tensor[] {RecordingAlgebra.INSTANCE.masked(g, node.saved(0))};
            case "DotBackward0":
                return new Tensor[] {g.mul(in.get(1)), g.mul(x)};
            default:
                throw TorchException.runtime("create_graph=True is not supported through " + name
                        + " in Autograd Studio: higher derivatives work through elementwise operations, sum, mean,"
                        + " views, transposes, indexing, matrix products, mse_loss and binary_cross_entropy_with_logits");
        }
    }

    /** PyTorch's name of the node that scatters a pick's gradient back (what differentiating the pick records). */
    private static String scatterName(String pick) {
        switch (pick) {
            case "IndexBackward0": return "IndexPutImplBackward0";
            case "GatherBackward0": return "ScatterAddBackward0";
            case "IndexSelectBackward0": return "IndexAddBackward0";
            case "FlipBackward0": return "FlipBackward0"; // a flip's backward is a flip
            case "RepeatBackward0": return "SumBackward1"; // ... a repeat's, a sum over the copies
            default: return pick.endsWith("Backward0") ? pick.substring(0, pick.length() - 1) + "Backward0" : pick + "Backward";
        }
    }

    /** A loss's per-element gradient divided by the element count when the loss is a mean. */
    private static Tensor reducedScale(FunctionNode node, Tensor perElement) {
        return "mean".equals(node.attributes().get("reduction"))
                ? perElement.div(Tensor.wrappedNumber(perElement.numel(), false)) : perElement;
    }

    /**
     * The input's shape with the dimensions a {@code dim=} reduction removed put back as size 1:
     * the shape its gradient has before it is spread out again (also when keepdim kept them).
     */
    private static int[] keptDims(int[] shape, FunctionNode node) {
        int[] kept = shape.clone();
        String dims = String.valueOf(node.attributes().get("dim")).replaceAll("[\\[\\] ]", "");
        if (dims.isEmpty() || "null".equals(dims)) {
            java.util.Arrays.fill(kept, 1);
            return kept;
        }
        for (String d : dims.split(",")) {
            int dim = Integer.parseInt(d);
            kept[dim < 0 ? dim + shape.length : dim] = 1;
        }
        return kept;
    }

    /** A gradient reduced to its input's shape and dtype by recorded operations, as {@code sum_to_size}. */
    private static Tensor fit(Tensor g, Tensor input) {
        int[] shape = input.shape;
        if (!java.util.Arrays.equals(g.shape, shape)) {
            boolean[] reduced = Reductions.sumToDims(g.shape, shape);
            int[] dims = java.util.stream.IntStream.range(0, reduced.length).filter(d -> reduced[d]).toArray();
            if (dims.length > 0) {
                g = Reductions.sum(g, dims, true);
            }
            g = ShapeOps.reshape(g, shape);
        }
        if (g.dtype() != input.dtype() && input.dtype().isFloatingPoint()) {
            g = g.toDType(input.dtype());
        }
        return g;
    }
}
