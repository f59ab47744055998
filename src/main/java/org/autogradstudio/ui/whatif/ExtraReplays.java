package org.autogradstudio.ui.whatif;

import static org.autogradstudio.ui.whatif.RecordedArgs.bool;
import static org.autogradstudio.ui.whatif.RecordedArgs.integer;
import static org.autogradstudio.ui.whatif.RecordedArgs.ints;
import static org.autogradstudio.ui.whatif.RecordedArgs.number;

import java.util.Map;
import org.autogradstudio.engine.Classification;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.ElementwiseExtras;
import org.autogradstudio.engine.GroupReductions;
import org.autogradstudio.engine.PairwiseOps;
import org.autogradstudio.engine.Sorting;
import org.autogradstudio.engine.Tensor;

/**
 * The what-if replays of the engine's newer ops, from their grad_fn name and recorded attributes
 * (softmax, log_softmax, nll_loss with its recorded class indices and weights, the group
 * reductions, cumsum, the named elementwise functions, maximum/minimum, masked_fill, flip and
 * repeat, diag, sort, topk, median). gather and index_select take their index tensor back from
 * the positions the node recorded (the same picks, now of the moved values); sort, topk and median
 * sort the moved values again, as the script would.
 */
final class ExtraReplays {
    private ExtraReplays() {
    }

    /** The replayed output, or null when {@code name} is not one of these ops. */
    static Tensor apply(String name, Tensor[] in, Map<String, Object> at) {
        switch (name) {
            case "GatherBackward0": return gather(in[0], at);
            case "IndexSelectBackward0": return indexSelect(in[0], at);
            case "DiagBackward0": return org.autogradstudio.engine.Selections.diag(in[0]);
            case "SortBackward0":
                return at.containsKey("descending") ? Sorting.sort(in[0], integer(at.get("dim")), bool(at.get("descending"))).values() : null;
            case "TopkBackward0":
                return at.containsKey("k") ? Sorting.topk(in[0], integer(at.get("k")), integer(at.get("dim")), bool(at.get("largest"))).values() : null;
            case "MedianBackward0": return Sorting.median(in[0]);
            case "MedianBackward1": return Sorting.median(in[0], integer(at.get("dim")), bool(at.get("keepdim"))).values();
            case "SoftmaxBackward0": return Classification.softmax(in[0], integer(at.get("dim")));
            case "LogSoftmaxBackward0": return Classification.logSoftmax(in[0], integer(at.get("dim")));
            case "NllLossBackward0": return nllLoss(in[0], at);
            case "VarBackward0":
                return GroupReductions.var(in[0], dims(at), number(at.get("correction")), bool(at.get("keepdim")));
            case "StdBackward0":
                return GroupReductions.std(in[0], dims(at), number(at.get("correction")), bool(at.get("keepdim")));
            case "NormBackward1":
                return GroupReductions.norm(in[0], number(at.get("p")), dims(at), bool(at.get("keepdim")));
            case "ProdBackward0": return GroupReductions.prod(in[0], null, false);
            case "ProdBackward1": return GroupReductions.prod(in[0], integer(at.get("dim")), bool(at.get("keepdim")));
            case "CumsumBackward0": return GroupReductions.cumsum(in[0], integer(at.get("dim")));
            case "LogsumexpBackward0": return GroupReductions.logsumexp(in[0], dims(at), bool(at.get("keepdim")));
            case "AmaxBackward0":
            case "AminBackward0":
                return GroupReductions.amax(in[0], dims(at), bool(at.get("keepdim")), name.startsWith("Amax"));
            case "MaximumBackward0": return PairwiseOps.maximum(in[0], in[1]);
            case "MinimumBackward0": return PairwiseOps.minimum(in[0], in[1]);
            case "LeakyReluBackward0": return ElementwiseExtras.leakyRelu(in[0], number(at.get("negative_slope")));
            case "EluBackward0": return ElementwiseExtras.elu(in[0], number(at.get("alpha")));
            case "SoftplusBackward0": return ElementwiseExtras.softplus(in[0], number(at.get("beta")), number(at.get("threshold")));
            case "SiluBackward0": return ElementwiseExtras.silu(in[0]);
            case "ClampMinBackward0": return ElementwiseExtras.clampMin(in[0], number(at.get("min")));
            case "ClampMaxBackward0": return ElementwiseExtras.clampMax(in[0], number(at.get("max")));
            case "GeluBackward0": return ElementwiseExtras.gelu(in[0], "tanh".equals(at.get("approximate")));
            case "MaskedFillBackward0": return maskedFill(in[0], at);
            case "FlipBackward0": return org.autogradstudio.engine.Selections.flip(in[0], ints(at.get("dims")));
            case "RepeatBackward0": return org.autogradstudio.engine.Selections.repeat(in[0], ints(at.get("repeats")));
            default: break;
        }
        for (ElementwiseExtras.Fn f : ElementwiseExtras.Fn.values()) {
            String gradFn = (f.pyName.equals("log1p") ? "Log1P" : Character.toUpperCase(f.pyName.charAt(0)) + f.pyName.substring(1)) + "Backward0";
            if (gradFn.equals(name)) {
                return ElementwiseExtras.apply(f, in[0]);
            }
        }
        return null;
    }

    /** The coordinate along {@code dim} of a row-major position in {@code shape}. */
    private static int along(int position, int[] shape, int dim) {
        int inner = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return position / inner % shape[dim];
    }

    private static int wrap(int dim, int rank) {
        return dim < 0 ? dim + rank : dim;
    }

    /** gather(dim, index): the index of output element k is the dim-coordinate of the input position it picked. */
    private static Tensor gather(Tensor x, Map<String, Object> at) {
        if (!(at.get("positions") instanceof int[] positions) || !(at.get("shape") instanceof int[] shape)) {
            return null;
        }
        int dim = wrap(integer(at.get("dim")), x.dim());
        double[] index = new double[positions.length];
        for (int k = 0; k < index.length; k++) {
            index[k] = along(positions[k], x.shape(), dim);
        }
        return org.autogradstudio.engine.Selections.gather(x, integer(at.get("dim")), Tensor.of(index, shape, DType.INT64));
    }

    /** index_select(dim, index): entry j of the index is the dim-coordinate picked for output coordinate j. */
    private static Tensor indexSelect(Tensor x, Map<String, Object> at) {
        if (!(at.get("positions") instanceof int[] positions) || !(at.get("shape") instanceof int[] shape)) {
            return null;
        }
        int dim = wrap(integer(at.get("dim")), Math.max(1, x.dim()));
        if (x.dim() == 0) {
            return org.autogradstudio.engine.Selections.indexSelect(x, 0, Tensor.of(new double[positions.length], new int[] {positions.length}, DType.INT64));
        }
        double[] index = new double[shape[dim]];
        for (int k = 0; k < positions.length; k++) {
            index[along(k, shape, dim)] = along(positions[k], x.shape(), dim);
        }
        return org.autogradstudio.engine.Selections.indexSelect(x, integer(at.get("dim")), Tensor.of(index, new int[] {index.length}, DType.INT64));
    }

    private static Tensor nllLoss(Tensor input, Map<String, Object> at) {
        if (!(at.get("target") instanceof long[] target)) {
            return null;
        }
        double[] t = new double[target.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = target[i];
        }
        Tensor targets = Tensor.of(t, input.dim() == 2 ? new int[] {t.length} : new int[0], DType.INT64);
        Tensor weight = at.get("weight") instanceof double[] w ? Tensor.of(w, new int[] {w.length}, input.dtype()) : null;
        Object reduction = at.get("reduction");
        return Classification.nllLoss(input, targets, weight, ((Number) at.get("ignore_index")).longValue(),
                reduction == null ? "mean" : reduction.toString());
    }

    private static Tensor maskedFill(Tensor x, Map<String, Object> at) {
        if (!(at.get("filled") instanceof int[] filled)) {
            return null;
        }
        double[] mask = new double[x.numel()];
        for (int p : filled) {
            mask[p] = 1;
        }
        return ElementwiseExtras.maskedFill(x, Tensor.of(mask, x.shape(), DType.BOOL), number(at.get("value")));
    }

    /** A recorded dim attribute: null for all dims. */
    private static int[] dims(Map<String, Object> at) {
        Object d = at.get("dim");
        if (d == null || "None".equals(String.valueOf(d))) {
            return null;
        }
        int[] parsed = ints(d);
        return parsed.length == 0 ? null : parsed;
    }
}
