package org.autogradstudio.calculus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One link of the chain through the script's named tensors, as the notebooks write it:
 * {@code dL/dy_pred}, {@code dy_pred/dz}, {@code dz/dw}. Its formula sums the products of every
 * sub-path between the two tensors, simplified; its value is given when every factor has one.
 */
public record Segment(String of, String wrt, Formula label, Formula symbolic, Double value) {
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("of", of);
        m.put("wrt", wrt);
        m.put("label", label.toMap());
        m.put("symbolic", Formula.mapOrNull(symbolic));
        m.put("value", Json.number(value));
        return m;
    }
}
