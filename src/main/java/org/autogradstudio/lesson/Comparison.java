package org.autogradstudio.lesson;

import java.util.List;
import org.autogradstudio.calculus.ManualComparison;

/**
 * A manual-vs-autograd comparison a lesson asked for with {@code studio.compare(label, manual, autograd)}:
 * both values (flattened), whether they agree (by the helper's own tolerance, as it printed), the
 * manual chain-rule factors if the lesson gave them, and the analysis set beside autograd's graph at
 * the moment of the call: when the label names a root and a leaf ({@code dL/dw}) or the autograd value
 * is a leaf's {@code .grad}, the factors are checked against the chain autograd recorded, so a
 * mismatch points to the first factor where the manual formula parts from it.
 */
public record Comparison(String label, List<Double> manual, List<Double> autograd, boolean match, List<Factor> factors,
                         ManualComparison.Result analysis) {
    public Comparison {
        manual = List.copyOf(manual);
        autograd = List.copyOf(autograd);
        factors = List.copyOf(factors);
    }

    /** One named factor of a manual chain rule, e.g. {@code dL/dy_pred}. */
    public record Factor(String name, List<Double> value) {
        public Factor {
            value = List.copyOf(value);
        }
    }

    /** The sentence that says how they compare (naming the first factor that differs, when known). */
    public String message() {
        return analysis.message();
    }

    /** The first of the lesson's factors that differs from autograd's chain, or null. */
    public ManualComparison.FactorCheck firstDivergentFactor() {
        return analysis.firstDivergentFactor();
    }
}
