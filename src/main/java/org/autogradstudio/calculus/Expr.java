package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable symbolic expression over the elements of tensors. Variables are named after the
 * script's tensors ({@code x}, {@code w}, {@code y_pred}); an expression stands for one (generic)
 * element, so {@code x^2} means "each element of x, squared". Division is a product with a
 * negative power and subtraction a sum with a negated term, as most computer algebra systems do.
 *
 * <p>The static factories fold constants and flatten nested sums and products ("light"
 * simplification); {@link Simplifier} brings an expression to a readable normal form. The records
 * themselves build exactly what they are given, which the derivation panel uses to show a rule
 * with numbers substituted ({@code 0.9988 * (1 - 0.9988)}) before it is multiplied out.
 */
public sealed interface Expr {
    Const ZERO = new Const(0);
    Const ONE = new Const(1);
    Const MINUS_ONE = new Const(-1);

    /** A number. */
    record Const(double value) implements Expr {
        public Const {
            if (value == 0) {
                value = 0.0; // no negative zero: records compare doubles bit by bit
            }
        }
    }

    /** A named quantity: a tensor of the script (one generic element of it), or a free symbol. */
    record Var(String name) implements Expr {
        public Var {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a variable needs a name");
            }
        }
    }

    /** {@code t1 + t2 + ...}; a subtraction is a term multiplied by -1. */
    record Sum(List<Expr> terms) implements Expr {
        public Sum {
            terms = List.copyOf(terms);
        }
    }

    /** {@code f1 * f2 * ...}; a division is a factor raised to a negative power. */
    record Product(List<Expr> factors) implements Expr {
        public Product {
            factors = List.copyOf(factors);
        }
    }

    /** {@code base ^ exponent}. */
    record Pow(Expr base, Expr exponent) implements Expr {
    }

    /** A function of one argument: exp, log, sin, cos, tan, tanh, sigmoid, relu, abs, sqrt, sign. */
    record Call(Func func, Expr arg) implements Expr {
    }

    /** {@code clamp(arg, min, max)}; an absent bound is an infinity. */
    record Clamp(Expr arg, double min, double max) implements Expr {
    }

    /**
     * The indicator {@code 1[lo <= arg <= hi]}, or {@code 1[arg > lo]} when {@code strictLow}
     * (the derivative of relu is {@code 1[x > 0]}, of clamp {@code 1[min <= x <= max]}).
     */
    record Indicator(Expr arg, double lo, double hi, boolean strictLow) implements Expr {
        public boolean holds(double v) {
            return (strictLow ? v > lo : v >= lo) && v <= hi;
        }
    }

    /**
     * A function of whole tensors the element algebra cannot look inside: {@code sum(x^2)},
     * {@code mean(u)}, {@code x @ W}, a transpose, a loss. Named by {@link TensorFn}.
     */
    record Apply(TensorFn fn, String label, List<Expr> args) implements Expr {
        public Apply {
            args = List.copyOf(args);
            label = label == null ? "" : label;
        }
    }

    // ---- factories with light simplification ---------------------------------------------------

    static Expr num(double c) {
        return c == 0 ? ZERO : c == 1 ? ONE : c == -1 ? MINUS_ONE : new Const(c);
    }

    static Expr var(String name) {
        return new Var(name);
    }

    static Expr add(Expr a, Expr b) {
        return sum(List.of(a, b));
    }

    static Expr sub(Expr a, Expr b) {
        return sum(List.of(a, neg(b)));
    }

    /** A sum with nested sums flattened, constants folded (where the first one stood) and zero terms dropped. */
    static Expr sum(List<Expr> terms) {
        List<Expr> out = new ArrayList<>();
        double constant = 0;
        int constantAt = -1;
        for (Expr t : flatten(terms, true)) {
            if (t instanceof Const c) {
                constant += c.value();
                if (constantAt < 0) {
                    constantAt = out.size();
                }
            } else {
                out.add(t);
            }
        }
        if (constant != 0 || out.isEmpty()) {
            out.add(Math.max(constantAt, 0), num(constant));
        }
        return out.size() == 1 ? out.get(0) : new Sum(out);
    }

    static Expr mul(Expr a, Expr b) {
        return product(List.of(a, b));
    }

    /** A product with nested products flattened, constants folded in front, ones dropped, zero absorbing. */
    static Expr product(List<Expr> factors) {
        List<Expr> out = new ArrayList<>();
        double constant = 1;
        for (Expr f : flatten(factors, false)) {
            if (f instanceof Const c) {
                constant *= c.value();
            } else {
                out.add(f);
            }
        }
        if (constant == 0) {
            return ZERO;
        }
        if (constant != 1 || out.isEmpty()) {
            out.add(0, num(constant));
        }
        return out.size() == 1 ? out.get(0) : new Product(out);
    }

    static Expr neg(Expr a) {
        if (a instanceof Const c) {
            return num(-c.value());
        }
        return product(List.of(MINUS_ONE, a));
    }

    static Expr div(Expr a, Expr b) {
        if (b instanceof Const c && c.value() != 0) {
            return product(List.of(a, num(1 / c.value())));
        }
        return product(List.of(a, pow(b, MINUS_ONE)));
    }

    static Expr pow(Expr base, Expr exponent) {
        if (exponent instanceof Const e) {
            if (e.value() == 0) {
                return ONE;
            }
            if (e.value() == 1) {
                return base;
            }
            if (base instanceof Const b) {
                return num(Math.pow(b.value(), e.value()));
            }
            if (base instanceof Pow p && p.exponent() instanceof Const inner && e.value() == Math.rint(e.value())) {
                return pow(p.base(), num(inner.value() * e.value()));
            }
        }
        return new Pow(base, exponent);
    }

    static Expr pow(Expr base, double exponent) {
        return pow(base, num(exponent));
    }

    static Expr call(Func f, Expr arg) {
        return new Call(f, arg);
    }

    static Expr apply(TensorFn fn, Expr... args) {
        return new Apply(fn, "", List.of(args));
    }

    static Expr apply(TensorFn fn, String label, Expr... args) {
        return new Apply(fn, label, List.of(args));
    }

    private static List<Expr> flatten(List<Expr> items, boolean sums) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : items) {
            if (sums && e instanceof Sum s) {
                out.addAll(s.terms());
            } else if (!sums && e instanceof Product p) {
                out.addAll(p.factors());
            } else {
                out.add(e);
            }
        }
        return out;
    }

    // ---- conveniences ----------------------------------------------------------------------------

    /** LaTeX, e.g. {@code 2x \cdot \cos(x^{2})}. */
    default String latex() {
        return Renderer.LATEX.render(this);
    }

    /** Python-like text, e.g. {@code 2*x*cos(x**2)}. */
    default String plain() {
        return Renderer.PLAIN.render(this);
    }

    /** Whether the variable {@code name} occurs in this expression. */
    default boolean mentions(String name) {
        return Exprs.freeVariables(this).contains(name);
    }
}
