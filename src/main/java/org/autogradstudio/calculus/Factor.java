package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One factor of the chain rule: the local derivative d(output)/d(input) of one recorded operation
 * ({@code gradFn}, input number {@code input}). Given per element ({@code symbolic}, its values
 * at the elements that depend on the chosen leaf element, and the rule with those numbers
 * substituted) when the derivative is elementwise, and always as a matrix rule: the gradient of
 * the input as a formula of the output's gradient {@code g} ({@code g ⊙ y(1 - y)}, {@code x^T g}).
 */
public record Factor(String gradFn, int input, String of, String wrt, Formula label,
                     Formula symbolic, Formula substituted, double[] values, int[] positions, Formula matrixRule) {

    /** The factor's value when it has one (a single element, or the same at every element); else null. */
    public Double value() {
        if (values == null || values.length == 0) {
            return null;
        }
        for (double v : values) {
            if (Double.compare(v, values[0]) != 0) {
                return null;
            }
        }
        return values[0];
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grad_fn", gradFn);
        m.put("input", input);
        m.put("of", of);
        m.put("wrt", wrt);
        m.put("label", label.toMap());
        m.put("symbolic", Formula.mapOrNull(symbolic));
        m.put("substituted", Formula.mapOrNull(substituted));
        m.put("value", Json.number(value()));
        m.put("values", values == null ? null : Json.numbers(values));
        m.put("positions", positions == null ? null : Json.ints(positions));
        m.put("matrix_rule", Formula.mapOrNull(matrixRule));
        return m;
    }

    static List<Object> maps(List<Factor> factors) {
        List<Object> out = new ArrayList<>();
        for (Factor f : factors) {
            out.add(f.toMap());
        }
        return out;
    }
}
