package org.autogradstudio.calculus;

import java.util.Comparator;

/** Orders on expressions: a canonical one (deterministic, consistent with equals) and the display order of factors. */
final class ExprOrder {
    /** Deterministic and consistent with {@code equals}: records print every field. */
    static final Comparator<Expr> CANONICAL = Comparator.comparing(Object::toString);

    /** Factors as a reader expects them: variables first (by name), then functions, then the rest. */
    static final Comparator<Expr> DISPLAY = Comparator.comparingInt(ExprOrder::rank)
            .thenComparing(e -> Renderer.PLAIN.render(baseOf(e)))
            .thenComparing(CANONICAL);

    private ExprOrder() {
    }

    static Expr baseOf(Expr e) {
        return e instanceof Expr.Pow p ? p.base() : e;
    }

    private static int rank(Expr e) {
        Expr base = baseOf(e);
        if (base instanceof Expr.Var) {
            return 0;
        }
        if (base instanceof Expr.Apply) {
            return 1;
        }
        if (base instanceof Expr.Sum) {
            return 3;
        }
        return 2;
    }
}
