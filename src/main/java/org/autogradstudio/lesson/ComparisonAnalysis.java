package org.autogradstudio.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.calculus.ChainRule;
import org.autogradstudio.calculus.Derivation;
import org.autogradstudio.calculus.ManualComparison;
import org.autogradstudio.calculus.Symbols;
import org.autogradstudio.engine.Tensor;

/**
 * Sets a lesson's {@code studio.compare(...)} beside the graph autograd recorded, at the moment of
 * the call (the tensors are live then). The leaf is the variable the label differentiates by
 * ({@code dL/dw}: {@code w}) or the leaf whose {@code .grad} was passed; the root is the variable the
 * label names ({@code L}, {@code loss}) or the last backward's root. The chain rule is worked out only
 * where it can say something: the values differ, or the lesson gave its factors.
 */
final class ComparisonAnalysis {
    private ComparisonAnalysis() {
    }

    static ManualComparison.Result analyse(String label, List<Double> manual, Tensor autogradTensor, List<Double> autograd,
            boolean match, List<Comparison.Factor> factors, java.util.function.Supplier<Map<Tensor, String>> variables,
            List<Tensor> lastRoots) {
        double[] m = toArray(manual);
        if (match && factors.isEmpty()) {
            return ManualComparison.compare(label, m, toArray(autograd));
        }
        // the namespace is walked only here: a compare in a training loop that agrees costs nothing more
        Map<Tensor, String> names = variables.get();
        Map<String, Tensor> byName = new LinkedHashMap<>();
        names.forEach((t, n) -> byName.putIfAbsent(n, t));
        String[] ofWrt = ManualComparison.parseName(label);
        Tensor leaf = ofWrt == null ? null : byName.get(ofWrt[1]);
        if (leaf == null && autogradTensor != null) {
            leaf = leafWhoseGradIs(autogradTensor, names);
        }
        Tensor root = ofWrt == null ? null : byName.get(ofWrt[0]);
        if ((root == null || root.gradFn() == null) && !lastRoots.isEmpty()) {
            root = lastRoots.get(0);
        }
        if (leaf == null || root == null || root.gradFn() == null || !leaf.requiresGrad()) {
            return ManualComparison.compare(label, m, toArray(autograd));
        }
        try {
            Derivation d = ChainRule.derive(leaf, root, Symbols.of(byName));
            List<ManualComparison.ManualFactor> mf = new ArrayList<>();
            for (Comparison.Factor f : factors) {
                mf.add(new ManualComparison.ManualFactor(f.name(), toArray(f.value())));
            }
            return ManualComparison.compare(label, m, d, mf);
        } catch (RuntimeException noRuleOrFreedGraph) {
            // an op without a symbolic rule: the values alone are compared
            return ManualComparison.compare(label, m, toArray(autograd));
        }
    }

    private static Tensor leafWhoseGradIs(Tensor grad, Map<Tensor, String> names) {
        for (Tensor t : names.keySet()) {
            if (t.grad() == grad) {
                return t;
            }
        }
        return null;
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
