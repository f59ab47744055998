package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.ElementwiseOp;
import org.autogradstudio.engine.Index;
import org.autogradstudio.engine.Indexing;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.ShapeOps;
import org.autogradstudio.engine.Tensor;

/**
 * Finds the {@link LocalRule} of a recorded node from what the node tells: its elementwise op and
 * scalar attributes, or its {@code grad_fn} name, attributes and input/output shapes. Operations
 * that only move elements are described by running the engine's own shape op on a tensor of
 * position numbers.
 */
final class Rules {
    private Rules() {
    }

    static LocalRule of(Node node) {
        try {
            return find(node);
        } catch (RuntimeException e) {
            return new UnsupportedRule(node.name(), "cannot read its recorded arguments (" + e.getMessage() + ")");
        }
    }

    private static LocalRule find(Node node) {
        String name = node.name();
        Map<String, Object> attrs = node.attributes();
        ElementwiseOp op = node.op();
        if (op != null) {
            return new ElementwiseRule(name, op, params(op, attrs));
        }
        switch (name) {
            case "SumBackward0": return new ReductionRule(name, false, null, false);
            case "MeanBackward0": return new ReductionRule(name, true, null, false);
            case "SumBackward1":
            case "MeanBackward1":
                return new ReductionRule(name, name.startsWith("Mean"), parseInts(String.valueOf(attrs.get("dim"))),
                        Boolean.TRUE.equals(attrs.get("keepdim")));
            case "MmBackward0": return new MatmulRule(name, MatmulRule.Kind.MM);
            case "MvBackward0": return new MatmulRule(name, MatmulRule.Kind.MV);
            case "DotBackward0": return new MatmulRule(name, MatmulRule.Kind.DOT);
            case "MseLossBackward0": return new LossRule(name, LossRule.Kind.MSE, reduction(attrs));
            case "BinaryCrossEntropyBackward0": return new LossRule(name, LossRule.Kind.BCE, reduction(attrs));
            case "BinaryCrossEntropyWithLogitsBackward0": return new LossRule(name, LossRule.Kind.BCE_WITH_LOGITS, reduction(attrs));
            case "MaxBackward1": return new ExtremeRule(name, true, -1, false);
            case "MinBackward1": return new ExtremeRule(name, false, -1, false);
            case "MaxBackward0":
            case "MinBackward0":
                return new ExtremeRule(name, name.startsWith("Max"), ((Number) attrs.get("dim")).intValue(),
                        Boolean.TRUE.equals(attrs.get("keepdim")));
            case "NormBackward1":
            case "LinalgVectorNormBackward0":
                if (attrs.containsKey("dim") && !"None".equals(String.valueOf(attrs.get("dim")))) {
                    return GroupReductionRule.norm(name, number(attrs.get("p")), dims(attrs), keepdim(attrs));
                }
                return new NormRule(name, ((Number) attrs.get("p")).doubleValue());
            case "SoftmaxBackward0":
            case "LogSoftmaxBackward0":
                return new SoftmaxRule(name, name.startsWith("Log"), ((Number) attrs.get("dim")).intValue());
            case "NllLossBackward0":
                return nllLoss(name, attrs);
            default:
                return ExtraRules.of(node, () -> structural(node));
        }
    }

    private static double[] params(ElementwiseOp op, Map<String, Object> attrs) {
        switch (op) {
            case POW_SCALAR: return new double[] {number(attrs.get("exponent"))};
            case CLAMP: return new double[] {number(attrs.get("min")), number(attrs.get("max"))};
            case RSUB: return new double[] {number(attrs.get("other"))};
            default: return new double[0];
        }
    }

    private static double number(Object o) {
        if (o == null) {
            throw new IllegalArgumentException("missing scalar argument");
        }
        return ((Number) o).doubleValue();
    }

    private static String reduction(Map<String, Object> attrs) {
        Object r = attrs.get("reduction");
        return r == null ? "mean" : r.toString();
    }

    private static LocalRule nllLoss(String name, Map<String, Object> attrs) {
        if (!(attrs.get("target") instanceof long[] target)) {
            return new UnsupportedRule(name, "its class indices were not recorded");
        }
        double[] weight = attrs.get("weight") instanceof double[] w ? w : null;
        return new NllLossRule(name, reduction(attrs), ((Number) attrs.get("ignore_index")).longValue(), target, weight);
    }

    /** The recorded {@code dim} attribute: null for all dims ("None", "()", absent). */
    static int[] dims(Map<String, Object> attrs) {
        Object d = attrs.get("dim");
        if (d == null || "None".equals(String.valueOf(d))) {
            return null;
        }
        if (d instanceof Number n) {
            return new int[] {n.intValue()};
        }
        int[] parsed = parseInts(String.valueOf(d));
        return parsed.length == 0 ? null : parsed;
    }

    static boolean keepdim(Map<String, Object> attrs) {
        return Boolean.TRUE.equals(attrs.get("keepdim"));
    }

    static double number(Map<String, Object> attrs, String key) {
        return number(attrs.get(key));
    }

    static int[] parseInts(String text) {
        String t = text.replace("[", "").replace("]", "").replace("(", "").replace(")", "").trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = t.split("\\s*,\\s*");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
        }
        return out;
    }

    // ---- operations that move elements ------------------------------------------------------------

    private static Tensor numbered(int[] shape, int offset) {
        int n = Values.numel(shape);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = offset + i;
        }
        return Tensor.of(v, shape, DType.FLOAT64);
    }

    private static LocalRule structural(Node node) {
        String name = node.name();
        Map<String, Object> attrs = node.attributes();
        List<Tensor> inputs = node.inputs();
        Tensor output = node.output();
        if (inputs.isEmpty() || output == null) {
            return new UnsupportedRule(name, "its inputs are not recorded");
        }
        int[] inShape = inputs.get(0).shape();
        int[] outShape = output.shape();
        if (name.equals("CatBackward0") || name.equals("StackBackward0")) {
            return cat(name, inputs, ((Number) attrs.get("dim")).intValue(), outShape, name.startsWith("Stack"));
        }
        if (inputs.size() != 1) {
            return new UnsupportedRule(name, "no rule for this operation in the derivation panel");
        }
        Tensor numbered = numbered(inShape, 0);
        Tensor moved;
        StructuralRule.Kind kind;
        String label = "";
        if (attrs.containsKey("index")) {
            label = String.valueOf(attrs.get("index"));
            List<Index> items = parseIndex(label);
            if (items == null) {
                return new UnsupportedRule(name, "indexing with a tensor is not replayed");
            }
            moved = Indexing.get(numbered, items);
            kind = StructuralRule.Kind.INDEX;
        } else {
            switch (name) {
                case "TransposeBackward0":
                    moved = ShapeOps.transpose(numbered, ((Number) attrs.get("dim0")).intValue(), ((Number) attrs.get("dim1")).intValue());
                    kind = StructuralRule.Kind.TRANSPOSE;
                    break;
                case "TBackward0":
                    moved = ShapeOps.t(numbered);
                    kind = inShape.length < 2 ? StructuralRule.Kind.SAME : StructuralRule.Kind.TRANSPOSE;
                    break;
                case "PermuteBackward0":
                    moved = ShapeOps.permute(numbered, parseInts(String.valueOf(attrs.get("dims"))));
                    kind = StructuralRule.Kind.PERMUTE;
                    break;
                case "ExpandBackward0":
                    moved = ShapeOps.expand(numbered, outShape);
                    kind = StructuralRule.Kind.EXPAND;
                    break;
                default:
                    if (!SAME_ORDER.matcher(name).matches() || Values.numel(outShape) != Values.numel(inShape)) {
                        return new UnsupportedRule(name, "no rule for this operation in the derivation panel");
                    }
                    // views, reshapes, squeeze/unsqueeze, clone, dtype copies: the elements keep their row-major order
                    moved = numbered.reshape(outShape.length == 0 ? new int[0] : outShape);
                    kind = StructuralRule.Kind.SAME;
                    break;
            }
        }
        double[] pos = moved.toArray();
        int[] position = new int[pos.length];
        for (int k = 0; k < pos.length; k++) {
            position[k] = (int) pos[k];
        }
        return new StructuralRule(name, kind, label, moved.shape(), new int[pos.length], position);
    }

    /** Operations that keep the elements in row-major order and only change the shape (or copy). */
    private static final java.util.regex.Pattern SAME_ORDER = java.util.regex.Pattern.compile(
            "(View|UnsafeView|ReshapeAlias|Reshape|Squeeze|Unsqueeze|Clone|ToCopy|Alias|Flatten|Contiguous)Backward\\d+");

    private static LocalRule cat(String name, List<Tensor> inputs, int dim, int[] outShape, boolean stack) {
        Tensor[] parts = new Tensor[inputs.size()];
        int[] offsets = new int[inputs.size()];
        int offset = 0;
        for (int i = 0; i < parts.length; i++) {
            offsets[i] = offset;
            parts[i] = numbered(inputs.get(i).shape(), offset);
            offset += inputs.get(i).numel();
        }
        double[] global = (stack ? ShapeOps.stack(parts, dim) : ShapeOps.cat(parts, dim)).toArray();
        int[] source = new int[global.length], position = new int[global.length];
        for (int k = 0; k < global.length; k++) {
            int g = (int) global[k];
            int part = parts.length - 1;
            while (offsets[part] > g) {
                part--;
            }
            source[k] = part;
            position[k] = g - offsets[part];
        }
        return new StructuralRule(name, StructuralRule.Kind.CAT, (stack ? "stack" : "cat") + ", dim=" + dim, outShape, source, position);
    }

    /** The engine's description of a subscript ({@code 0, 1:3, None, ...}) read back; null when it used a tensor. */
    static List<Index> parseIndex(String text) {
        List<Index> items = new ArrayList<>();
        if (text.isBlank()) {
            return items;
        }
        for (String part : text.split(",\\s*")) {
            String p = part.trim();
            if (p.equals("None")) {
                items.add(Index.NONE);
            } else if (p.equals("...")) {
                items.add(Index.ELLIPSIS);
            } else if (p.equals("tensor")) {
                return null;
            } else if (p.contains(":")) {
                String[] s = p.split(":", -1);
                items.add(Index.slice(bound(s[0]), bound(s[1]), s.length > 2 ? bound(s[2]) : null));
            } else {
                items.add(Index.at(Long.parseLong(p)));
            }
        }
        return items;
    }

    private static Long bound(String s) {
        return s.isBlank() ? null : Long.parseLong(s.trim());
    }
}
