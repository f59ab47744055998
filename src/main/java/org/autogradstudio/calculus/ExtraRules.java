package org.autogradstudio.calculus;

import java.util.Map;
import java.util.function.Supplier;
import org.autogradstudio.engine.CustomFunction;
import org.autogradstudio.engine.Node;

/**
 * The rules of the engine's newer ops, found by grad_fn name and recorded attributes (kept apart
 * from {@link Rules} so each stays small): group reductions, cumsum, the named elementwise
 * functions, maximum/minimum, masked_fill and tril/triu, the ops that pick elements by recorded positions, and
 * the script's own autograd Functions (which stay unsupported, with a message saying why).
 */
final class ExtraRules {
    private ExtraRules() {
    }

    static LocalRule of(Node node, Supplier<LocalRule> otherwise) {
        String name = node.name();
        Map<String, Object> attrs = node.attributes();
        if (CustomFunction.isCustom(node)) {
            return UnsupportedRule.custom(name);
        }
        switch (name) {
            case "VarBackward0":
            case "StdBackward0":
                return new GroupReductionRule(name, name.startsWith("Std") ? GroupReductionRule.Kind.STD : GroupReductionRule.Kind.VAR,
                        attrs.get("correction") == null ? 1 : Rules.number(attrs, "correction"), Rules.dims(attrs), Rules.keepdim(attrs));
            case "ProdBackward0":
            case "ProdBackward1":
                return new GroupReductionRule(name, GroupReductionRule.Kind.PROD, 0, Rules.dims(attrs), Rules.keepdim(attrs));
            case "LogsumexpBackward0":
                return new GroupReductionRule(name, GroupReductionRule.Kind.LOGSUMEXP, 0, Rules.dims(attrs), Rules.keepdim(attrs));
            case "AmaxBackward0":
            case "AminBackward0":
                return new GroupReductionRule(name, name.startsWith("Amax") ? GroupReductionRule.Kind.AMAX : GroupReductionRule.Kind.AMIN,
                        0, Rules.dims(attrs), Rules.keepdim(attrs));
            case "MedianBackward0":
                return new GroupReductionRule(name, GroupReductionRule.Kind.MEDIAN, 0, null, false);
            case "CumsumBackward0":
                return new CumsumRule(name, ((Number) attrs.get("dim")).intValue());
            case "MaximumBackward0":
            case "MinimumBackward0":
                return new PairwiseExtremeRule(name, name.startsWith("Max"));
            case "MaskedFillBackward0":
                if (attrs.get("filled") instanceof int[] filled) {
                    return new MaskedFillRule(name, filled, Rules.number(attrs, "value"));
                }
                return new UnsupportedRule(name, "its mask was not recorded");
            case "TrilBackward0":
            case "TriuBackward0":
                if (attrs.get("filled") instanceof int[] zeroed) {
                    return new MaskedFillRule(name, zeroed, 0, name.startsWith("Tril") ? "tril" : "triu");
                }
                return new UnsupportedRule(name, "its triangle was not recorded");
            default:
                break;
        }
        NamedElementwiseRule named = NamedElementwiseRule.of(name, attrs);
        if (named != null) {
            return named;
        }
        if (attrs.get("positions") instanceof int[] positions) {
            int[] shape = attrs.get("shape") instanceof int[] recorded ? recorded : node.output() != null ? node.output().shape() : null;
            if (shape != null) {
                return new StructuralRule(name, StructuralRule.Kind.PICK, pickLabel(name, attrs), shape.clone(),
                        new int[positions.length], positions.clone());
            }
        }
        return otherwise.get();
    }

    /** {@code gather, dim=1}, {@code flip, dims=[0]}: the op's torch name and its recorded arguments. */
    private static String pickLabel(String gradFn, Map<String, Object> attrs) {
        String op = gradFn.replaceAll("Backward\\d+$", "");
        String torch = op.equals("IndexSelect") ? "index_select" : op.toLowerCase(java.util.Locale.ROOT);
        StringBuilder label = new StringBuilder(torch);
        for (String key : new String[] {"dim", "dims", "repeats"}) {
            if (attrs.containsKey(key)) {
                label.append(", ").append(key).append('=').append(attrs.get(key));
            }
        }
        return label.toString();
    }
}
