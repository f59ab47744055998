package org.autogradstudio.lesson;

import java.util.List;

/**
 * A manual-vs-autograd comparison a lesson asked for with {@code studio.compare(label, manual, autograd)}:
 * both values (flattened), whether they agree, and the manual chain-rule factors if the lesson gave them.
 */
public record Comparison(String label, List<Double> manual, List<Double> autograd, boolean match, List<Factor> factors) {
    /** One named factor of a manual chain rule, e.g. {@code dL/dy_pred}. */
    public record Factor(String name, List<Double> value) {
    }
}
