package org.autogradstudio.calculus;

import java.util.LinkedHashMap;
import java.util.Map;

/** An expression with its two renderings, as the derivation panel and the JSON trace carry it. */
public record Formula(Expr expr, String latex, String plain) {
    public static Formula of(Expr e) {
        return e == null ? null : new Formula(e, e.latex(), e.plain());
    }

    /** Numbers rounded to {@code decimals} places, as PyTorch prints them. */
    public static Formula rounded(Expr e, int decimals) {
        return e == null ? null : new Formula(e, Renderer.latex(decimals).render(e), Renderer.plain(decimals).render(e));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latex", latex);
        m.put("plain", plain);
        return m;
    }

    static Object mapOrNull(Formula f) {
        return f == null ? null : f.toMap();
    }
}
