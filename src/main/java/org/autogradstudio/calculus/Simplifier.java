package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Brings an expression to a readable normal form: a rational function of "atoms" (variables and
 * functions such as {@code cos(x^2)} whose arguments are simplified in turn), with the numerator
 * expanded, denominators cancelled where they divide it, and then the common factors pulled out
 * again for display: {@code 2x cos(x^2)}, {@code (y_pred - y)/(y_pred(1 - y_pred))},
 * {@code (y_pred - y) x}, {@code 2x/3}.
 */
public final class Simplifier {
    private static final int MAX_EXPANDED_POWER = 6;
    /**
     * Expressions with larger trees are left as they are built: bringing them to normal form
     * compares and renders their atoms again and again, which on a deeply nested derivative took
     * minutes (and a formula that size is no easier to read multiplied out).
     */
    private static final int MAX_SIMPLIFIED_SIZE = 1500;

    private Simplifier() {
    }

    public static Expr simplify(Expr e) {
        if (Exprs.sizeExceeds(e, MAX_SIMPLIFIED_SIZE)) {
            return e;
        }
        try {
            return toExpr(toRational(e));
        } catch (Poly.TooLarge | ArithmeticException tooHard) {
            // too large to expand: simplify inside and keep the shape
            return Exprs.mapChildren(e, Simplifier::simplify);
        }
    }

    // ---- expression -> rational form -----------------------------------------------------------

    static RationalForm toRational(Expr e) {
        if (e instanceof Expr.Const c) {
            return RationalForm.constant(c.value());
        }
        if (e instanceof Expr.Sum s) {
            RationalForm r = RationalForm.constant(0);
            for (Expr t : s.terms()) {
                r = r.plus(toRational(t));
            }
            return r;
        }
        if (e instanceof Expr.Product p) {
            RationalForm r = RationalForm.constant(1);
            for (Expr f : p.factors()) {
                r = r.times(toRational(f));
                if (r.isZero()) {
                    return r;
                }
            }
            return r;
        }
        if (e instanceof Expr.Pow p) {
            Expr exponent = simplify(p.exponent());
            if (exponent instanceof Expr.Const c) {
                return power(p.base(), c.value());
            }
            return atomOrRewrite(new Expr.Pow(simplify(p.base()), exponent));
        }
        return atomOrRewrite(simplifyAtom(e));
    }

    private static RationalForm atomOrRewrite(Expr e) {
        if (e instanceof Expr.Const || e instanceof Expr.Sum || e instanceof Expr.Product) {
            return toRational(e);
        }
        if (e instanceof Expr.Pow p && p.exponent() instanceof Expr.Const) {
            return toRational(e);
        }
        return RationalForm.atom(e);
    }

    private static RationalForm power(Expr baseExpr, double k) {
        RationalForm base = toRational(baseExpr);
        boolean integral = k == Math.rint(k) && Math.abs(k) <= 64;
        Map.Entry<Monomial, Double> single = base.asSingleTerm();
        if (single != null && (integral ? k > 0 : single.getValue() > 0)) {
            // (c m)^k: powers of atoms multiply, also for fractional k
            return RationalForm.of(Poly.term(Math.pow(single.getValue(), k), single.getKey().power(k)));
        }
        if (base.isZero()) {
            if (k > 0) {
                return RationalForm.constant(0);
            }
            return RationalForm.atom(new Expr.Pow(Expr.ZERO, Expr.num(k)));
        }
        if (integral && (Math.abs(k) <= MAX_EXPANDED_POWER || base.num.size() == 1)) {
            return base.power((int) k);
        }
        return RationalForm.atom(new Expr.Pow(toExpr(base), Expr.num(k)));
    }

    /** Simplifies the arguments of an atom and applies the identities that remove it. */
    private static Expr simplifyAtom(Expr e) {
        if (e instanceof Expr.Var) {
            return e;
        }
        if (e instanceof Expr.Call c) {
            Expr arg = simplify(c.arg());
            Func f = c.func();
            if (f == Func.EXP && arg instanceof Expr.Call in && in.func() == Func.LOG) {
                return in.arg();
            }
            if (f == Func.LOG && arg instanceof Expr.Call in && in.func() == Func.EXP) {
                return in.arg();
            }
            if ((f == Func.ABS || f == Func.SIGN || f == Func.RELU) && arg instanceof Expr.Call in && in.func() == f) {
                return f == Func.RELU || f == Func.ABS ? in : arg;
            }
            if (arg instanceof Expr.Const k) {
                Expr folded = foldExact(f, k.value());
                if (folded != null) {
                    return folded;
                }
            }
            return new Expr.Call(f, arg);
        }
        if (e instanceof Expr.Clamp c) {
            Expr arg = simplify(c.arg());
            if (arg instanceof Expr.Const k) {
                return Expr.num(Math.min(Math.max(k.value(), c.min()), c.max()));
            }
            if (c.min() == Double.NEGATIVE_INFINITY && c.max() == Double.POSITIVE_INFINITY) {
                return arg;
            }
            return new Expr.Clamp(arg, c.min(), c.max());
        }
        if (e instanceof Expr.Indicator i) {
            Expr arg = simplify(i.arg());
            if (arg instanceof Expr.Const k) {
                return i.holds(k.value()) ? Expr.ONE : Expr.ZERO;
            }
            if (i.strictLow() && i.lo() == 0 && arg instanceof Expr.Call in && in.func() == Func.RELU) {
                arg = in.arg(); // relu(u) > 0 exactly when u > 0
            }
            return new Expr.Indicator(arg, i.lo(), i.hi(), i.strictLow());
        }
        if (e instanceof Expr.Apply a) {
            List<Expr> args = new ArrayList<>();
            for (Expr x : a.args()) {
                args.add(simplify(x));
            }
            return new Expr.Apply(a.fn(), a.label(), args);
        }
        return e;
    }

    /** f(c) when it is exact (exp(0) = 1, sin(0) = 0, |−2| = 2 ...), else null so log(2) stays symbolic. */
    private static Expr foldExact(Func f, double c) {
        switch (f) {
            case ABS: return Expr.num(Math.abs(c));
            case SIGN: return Expr.num(Math.signum(c));
            case RELU: return Expr.num(Math.max(c, 0));
            case SQRT: {
                double r = Math.sqrt(c);
                return r == Math.rint(r) ? Expr.num(r) : null;
            }
            case EXP: return c == 0 ? Expr.ONE : null;
            case LOG: return c == 1 ? Expr.ZERO : null;
            case SIGMOID: return c == 0 ? Expr.num(0.5) : null;
            case COS: return c == 0 ? Expr.ONE : null;
            default: return c == 0 ? Expr.ZERO : null; // sin, tan, tanh
        }
    }

    // ---- rational form -> expression -------------------------------------------------------------

    static Expr toExpr(RationalForm r) {
        if (r.isZero()) {
            return Expr.ZERO;
        }
        int sign = 1;
        List<Expr> denominators = new ArrayList<>();
        List<Expr> sumDenominators = new ArrayList<>();
        for (RationalForm.Factor f : r.den) {
            Poly p = f.poly();
            if (p.size() == 1) {
                Map.Entry<Monomial, Double> t = p.terms().entrySet().iterator().next();
                denominators.add(Expr.pow(Expr.product(t.getKey().factors()), -f.multiplicity()));
                continue;
            }
            if (shouldFlip(p)) {
                p = p.scale(-1);
                if (f.multiplicity() % 2 == 1) {
                    sign = -sign;
                }
            }
            sumDenominators.add(Expr.pow(p.toExpr(), -f.multiplicity()));
        }
        denominators.sort(ExprOrder.DISPLAY);
        denominators.addAll(sumDenominators);

        Poly num = r.num;
        Monomial content = num.monomialContent();
        Poly primitive = num.size() == 1 ? Poly.constant(num.terms().values().iterator().next())
                : num.divideExact(Poly.term(1, content));
        double coefficient;
        Expr sumFactor = null;
        if (primitive.isConstant()) {
            coefficient = primitive.constantValue();
        } else {
            coefficient = numericContent(primitive);
            primitive = primitive.scale(1 / coefficient);
            if (coefficient < 0) {
                coefficient = -coefficient;
                sign = -sign;
            }
            int pos = primitive.positiveTerms(), neg = primitive.size() - pos;
            if ((sign < 0 && neg >= pos) || (sign > 0 && neg > pos)) {
                primitive = primitive.scale(-1);
                sign = -sign;
            }
            sumFactor = primitive.toExpr();
        }
        List<Expr> factors = new ArrayList<>();
        factors.add(Expr.num(sign * coefficient));
        // y_pred (1 - y_pred) when the multiplier occurs in the sum, (y_pred - y) x when it does not
        boolean contentFirst = false;
        if (sumFactor != null) {
            for (Expr atom : content.powers().keySet()) {
                contentFirst |= occursIn(atom, sumFactor);
            }
        }
        if (sumFactor != null && !contentFirst) {
            factors.add(sumFactor);
        }
        factors.addAll(content.factors());
        if (sumFactor != null && contentFirst) {
            factors.add(sumFactor);
        }
        factors.addAll(denominators);
        return Expr.product(factors);
    }

    private static boolean occursIn(Expr atom, Expr e) {
        if (e.equals(atom)) {
            return true;
        }
        for (Expr c : Exprs.children(e)) {
            if (occursIn(atom, c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a denominator reads better negated: more positive terms, else a positive constant term. */
    private static boolean shouldFlip(Poly p) {
        int pos = p.positiveTerms(), neg = p.size() - pos;
        if (neg != pos) {
            return neg > pos;
        }
        double constant = p.coefficient(Monomial.ONE);
        if (constant != 0) {
            return constant < 0;
        }
        return p.displayTerms().get(0).getValue() < 0;
    }

    /**
     * The positive number to pull out of a sum: the shared magnitude when every coefficient has it
     * ({@code 0.25(σ(z) - y)}, {@code (y_pred - y)/3}), the gcd of integer coefficients
     * ({@code 2(x + 2)}), else 1 ({@code 2v + 4/3} stays as it is).
     */
    private static double numericContent(Poly p) {
        long gcd = 0;
        boolean integral = true;
        double first = Double.NaN;
        boolean sameMagnitude = true;
        for (double c : p.terms().values()) {
            if (Double.isNaN(first)) {
                first = Math.abs(c);
            } else if (Math.abs(Math.abs(c) - first) > 1e-12 * first) {
                sameMagnitude = false;
            }
            if (c != Math.rint(c) || Math.abs(c) > 1e15) {
                integral = false;
            } else {
                gcd = gcd(gcd, (long) Math.abs(c));
            }
        }
        if (sameMagnitude) {
            return first;
        }
        return integral && gcd > 0 ? gcd : 1;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
