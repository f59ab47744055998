package org.autogradstudio.calculus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain rule along one path from the leaf to the root: its factors from the root down,
 * their product (simplified, per element, when every factor has an element form), the product as
 * a matrix formula, and the numbers: this path's contribution to the gradient of every leaf
 * element ({@code gradient}) and to the chosen one ({@code value}).
 */
public record PathTerm(List<Factor> factors, Formula symbolic, Formula matrixForm, double value, double[] gradient,
                       Double productOfFactorValues) {
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factors", Factor.maps(factors));
        m.put("symbolic", Formula.mapOrNull(symbolic));
        m.put("matrix_form", Formula.mapOrNull(matrixForm));
        m.put("value", Json.number(value));
        m.put("gradient", gradient == null ? null : Json.numbers(gradient));
        m.put("product_of_factor_values", Json.number(productOfFactorValues));
        return m;
    }
}
