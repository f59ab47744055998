package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Structural helpers on expressions: children, rebuilding, substitution, free variables, size. */
public final class Exprs {
    private Exprs() {
    }

    /** The direct subexpressions, in order. */
    public static List<Expr> children(Expr e) {
        if (e instanceof Expr.Sum s) {
            return s.terms();
        }
        if (e instanceof Expr.Product p) {
            return p.factors();
        }
        if (e instanceof Expr.Pow p) {
            return List.of(p.base(), p.exponent());
        }
        if (e instanceof Expr.Call c) {
            return List.of(c.arg());
        }
        if (e instanceof Expr.Clamp c) {
            return List.of(c.arg());
        }
        if (e instanceof Expr.Indicator i) {
            return List.of(i.arg());
        }
        if (e instanceof Expr.Apply a) {
            return a.args();
        }
        return List.of();
    }

    /** {@code e} with each direct child replaced by {@code f(child)}, rebuilt with the light factories. */
    public static Expr mapChildren(Expr e, UnaryOperator<Expr> f) {
        if (e instanceof Expr.Sum s) {
            return Expr.sum(mapAll(s.terms(), f));
        }
        if (e instanceof Expr.Product p) {
            return Expr.product(mapAll(p.factors(), f));
        }
        if (e instanceof Expr.Pow p) {
            return Expr.pow(f.apply(p.base()), f.apply(p.exponent()));
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.func(), f.apply(c.arg()));
        }
        if (e instanceof Expr.Clamp c) {
            return new Expr.Clamp(f.apply(c.arg()), c.min(), c.max());
        }
        if (e instanceof Expr.Indicator i) {
            return new Expr.Indicator(f.apply(i.arg()), i.lo(), i.hi(), i.strictLow());
        }
        if (e instanceof Expr.Apply a) {
            return new Expr.Apply(a.fn(), a.label(), mapAll(a.args(), f));
        }
        return e;
    }

    private static List<Expr> mapAll(List<Expr> items, UnaryOperator<Expr> f) {
        List<Expr> out = new ArrayList<>(items.size());
        for (Expr x : items) {
            out.add(f.apply(x));
        }
        return out;
    }

    /** Replaces variables by expressions, once (a replacement is not itself searched). */
    public static Expr substitute(Expr e, Map<String, ? extends Expr> replacements) {
        if (e instanceof Expr.Var v) {
            Expr r = replacements.get(v.name());
            return r != null ? r : e;
        }
        return mapChildren(e, c -> substitute(c, replacements));
    }

    /**
     * Replaces variables by expressions keeping every other node exactly as it is (no folding), so
     * a formula shows its numbers: {@code (y_pred - y) x} becomes {@code (0.9988 - 0) 6.7}.
     */
    public static Expr substituteRaw(Expr e, Map<String, ? extends Expr> replacements) {
        if (e instanceof Expr.Var v) {
            Expr r = replacements.get(v.name());
            return r != null ? r : e;
        }
        if (e instanceof Expr.Sum s) {
            return new Expr.Sum(rawAll(s.terms(), replacements));
        }
        if (e instanceof Expr.Product p) {
            return new Expr.Product(rawAll(p.factors(), replacements));
        }
        if (e instanceof Expr.Pow p) {
            return new Expr.Pow(substituteRaw(p.base(), replacements), substituteRaw(p.exponent(), replacements));
        }
        return mapChildren(e, c -> substituteRaw(c, replacements));
    }

    private static List<Expr> rawAll(List<Expr> items, Map<String, ? extends Expr> replacements) {
        List<Expr> out = new ArrayList<>(items.size());
        for (Expr x : items) {
            out.add(substituteRaw(x, replacements));
        }
        return out;
    }

    /**
     * Replaces variables by their definitions until none is left to replace (definitions may
     * refer to other defined variables, e.g. {@code y_pred = σ(z)}, {@code z = w x + b}).
     */
    public static Expr expand(Expr e, Map<String, ? extends Expr> definitions) {
        Expr cur = e;
        for (int round = 0; round < 1000; round++) {
            Set<String> free = freeVariables(cur);
            boolean any = false;
            for (String name : free) {
                if (definitions.containsKey(name)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return cur;
            }
            cur = substitute(cur, definitions);
        }
        throw new IllegalArgumentException("definitions refer to each other in a cycle");
    }

    /** The names of the variables that occur, in order of first occurrence. */
    public static Set<String> freeVariables(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Var v) {
            out.add(v.name());
            return;
        }
        for (Expr c : children(e)) {
            collect(c, out);
        }
    }

    /** The number of nodes in the expression tree. */
    public static int size(Expr e) {
        int n = 1;
        for (Expr c : children(e)) {
            n += size(c);
        }
        return n;
    }

    /**
     * Whether the expression tree has more than {@code limit} nodes, counted only until it does:
     * a derivative shares subexpressions, so its tree (what rendering and comparing walk) can be
     * far larger than the objects it is made of, and counting it all would take as long.
     */
    public static boolean sizeExceeds(Expr e, int limit) {
        java.util.ArrayDeque<Expr> stack = new java.util.ArrayDeque<>();
        stack.push(e);
        int n = 0;
        while (!stack.isEmpty()) {
            if (++n > limit) {
                return true;
            }
            for (Expr c : children(stack.pop())) {
                stack.push(c);
            }
        }
        return false;
    }

    /** Whether the expression contains an opaque tensor function (which element bindings cannot evaluate). */
    public static boolean hasApply(Expr e) {
        if (e instanceof Expr.Apply) {
            return true;
        }
        for (Expr c : children(e)) {
            if (hasApply(c)) {
                return true;
            }
        }
        return false;
    }
}
