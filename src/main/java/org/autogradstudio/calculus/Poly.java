package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A polynomial over atoms with double coefficients: a map from monomials to non-zero coefficients. */
final class Poly {
    /** Polynomials larger than this are not expanded further (the simplifier gives up gracefully). */
    static final int MAX_TERMS = 400;

    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final Map<Monomial, Double> terms;

    private Poly(Map<Monomial, Double> terms) {
        if (terms.size() > MAX_TERMS) {
            throw new TooLarge();
        }
        this.terms = terms;
    }

    static Poly constant(double c) {
        Map<Monomial, Double> m = new HashMap<>();
        if (c != 0) {
            m.put(Monomial.ONE, c);
        }
        return new Poly(m);
    }

    static Poly term(double c, Monomial mono) {
        Map<Monomial, Double> m = new HashMap<>();
        if (c != 0) {
            m.put(mono, c);
        }
        return new Poly(m);
    }

    static Poly atom(Expr atom) {
        return term(1, Monomial.of(atom, 1));
    }

    Map<Monomial, Double> terms() {
        return terms;
    }

    boolean isZero() {
        return terms.isEmpty();
    }

    int size() {
        return terms.size();
    }

    /** The constant value, when this polynomial has no atoms (else NaN). */
    double constantValue() {
        if (terms.isEmpty()) {
            return 0;
        }
        if (terms.size() == 1 && terms.containsKey(Monomial.ONE)) {
            return terms.get(Monomial.ONE);
        }
        return Double.NaN;
    }

    boolean isConstant() {
        return !Double.isNaN(constantValue());
    }

    double maxAbsCoefficient() {
        double m = 0;
        for (double c : terms.values()) {
            m = Math.max(m, Math.abs(c));
        }
        return m;
    }

    /**
     * Sums of terms per monomial with the size of what was summed: a coefficient is dropped only
     * when it is what rounding leaves of a cancellation (tiny against its own contributions), never
     * because other coefficients of the polynomial are large ({@code y**24 + ... + 1} keeps its 1).
     */
    private static final class Accumulator {
        private final Map<Monomial, double[]> sums = new HashMap<>();

        void add(Monomial m, double c) {
            double[] s = sums.computeIfAbsent(m, k -> new double[2]);
            s[0] += c;
            s[1] += Math.abs(c);
        }

        Poly toPoly(double relativeTolerance) {
            Map<Monomial, Double> out = new HashMap<>();
            sums.forEach((m, s) -> {
                if (Math.abs(s[0]) > relativeTolerance * s[1]) {
                    out.put(m, s[0]);
                }
            });
            return new Poly(out);
        }
    }

    private static final double CANCELLATION = 1e-13;

    Poly plus(Poly o) {
        Accumulator acc = new Accumulator();
        terms.forEach(acc::add);
        o.terms.forEach(acc::add);
        return acc.toPoly(CANCELLATION);
    }

    Poly minus(Poly o) {
        return plus(o.scale(-1));
    }

    Poly scale(double k) {
        if (k == 0) {
            return constant(0);
        }
        Map<Monomial, Double> m = new HashMap<>();
        for (Map.Entry<Monomial, Double> e : terms.entrySet()) {
            m.put(e.getKey(), e.getValue() * k);
        }
        return new Poly(m);
    }

    Poly times(Poly o) {
        if ((long) terms.size() * o.terms.size() > 4L * MAX_TERMS) {
            throw new TooLarge();
        }
        Accumulator acc = new Accumulator();
        for (Map.Entry<Monomial, Double> a : terms.entrySet()) {
            for (Map.Entry<Monomial, Double> b : o.terms.entrySet()) {
                acc.add(a.getKey().times(b.getKey()), a.getValue() * b.getValue());
            }
        }
        return acc.toPoly(CANCELLATION);
    }

    Poly times(double c, Monomial mono) {
        Map<Monomial, Double> m = new HashMap<>();
        for (Map.Entry<Monomial, Double> e : terms.entrySet()) {
            m.put(e.getKey().times(mono), e.getValue() * c);
        }
        return new Poly(m);
    }

    Poly power(int n) {
        Poly result = constant(1);
        for (int i = 0; i < n; i++) {
            result = result.times(this);
        }
        return result;
    }

    /** The leading monomial in lexicographic order. */
    Monomial leading() {
        Monomial best = null;
        for (Monomial m : terms.keySet()) {
            if (best == null || m.compareLex(best) > 0) {
                best = m;
            }
        }
        return best;
    }

    /** {@code this / divisor} when the division is exact, else null. */
    Poly divideExact(Poly divisor) {
        if (divisor.isZero()) {
            return null;
        }
        Monomial lf = divisor.leading();
        double cf = divisor.terms.get(lf);
        Poly quotient = constant(0);
        Poly rest = this;
        for (int guard = 0; !rest.isZero(); guard++) {
            if (guard > 4 * MAX_TERMS) {
                return null;
            }
            Monomial lr = rest.leading();
            if (!lr.divisibleBy(lf)) {
                return null;
            }
            double c = rest.terms.get(lr) / cf;
            Monomial q = lr.dividedBy(lf);
            quotient = quotient.plus(term(c, q));
            // rest - c q divisor, dropping only what rounding leaves of an exact cancellation
            Accumulator next = new Accumulator();
            rest.terms.forEach(next::add);
            for (Map.Entry<Monomial, Double> e : divisor.terms.entrySet()) {
                next.add(e.getKey().times(q), -c * e.getValue());
            }
            next.sums.remove(lr);
            rest = next.toPoly(1e-10);
        }
        return quotient;
    }

    /** Equal up to rounding of the coefficients. */
    boolean approxEquals(Poly o) {
        if (terms.size() != o.terms.size()) {
            return false;
        }
        double scale = Math.max(maxAbsCoefficient(), o.maxAbsCoefficient());
        for (Map.Entry<Monomial, Double> e : terms.entrySet()) {
            Double other = o.terms.get(e.getKey());
            if (other == null || Math.abs(other - e.getValue()) > 1e-9 * scale) {
                return false;
            }
        }
        return true;
    }

    /** The monomial common to every term (each atom at its smallest power), ONE if none. */
    Monomial monomialContent() {
        Monomial content = null;
        for (Monomial m : terms.keySet()) {
            if (content == null) {
                content = m;
                continue;
            }
            Map<Expr, Double> common = new HashMap<>();
            for (Map.Entry<Expr, Double> e : content.powers().entrySet()) {
                double other = m.exponent(e.getKey());
                if (other > 0 && e.getValue() > 0) {
                    common.put(e.getKey(), Math.min(other, e.getValue()));
                }
            }
            Monomial next = Monomial.ONE;
            for (Map.Entry<Expr, Double> e : common.entrySet()) {
                next = next.times(Monomial.of(e.getKey(), e.getValue()));
            }
            content = next;
        }
        return content == null ? Monomial.ONE : content;
    }

    int positiveTerms() {
        int n = 0;
        for (double c : terms.values()) {
            n += c > 0 ? 1 : 0;
        }
        return n;
    }

    double coefficient(Monomial m) {
        return terms.getOrDefault(m, 0.0);
    }

    /** The terms in the order a reader expects: positive first, higher degree first, then by name. */
    List<Map.Entry<Monomial, Double>> displayTerms() {
        List<Map.Entry<Monomial, Double>> out = new ArrayList<>(terms.entrySet());
        out.sort(Comparator.<Map.Entry<Monomial, Double>>comparingInt(e -> e.getValue() > 0 ? 0 : 1)
                .thenComparing(e -> -e.getKey().degree())
                .thenComparing(e -> Renderer.PLAIN.render(Expr.product(e.getKey().factors()))));
        return out;
    }

    /** As an expression: a sum of coefficient-times-monomial terms in display order. */
    Expr toExpr() {
        if (terms.isEmpty()) {
            return Expr.ZERO;
        }
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<Monomial, Double> e : displayTerms()) {
            List<Expr> fs = new ArrayList<>();
            fs.add(Expr.num(e.getValue()));
            fs.addAll(e.getKey().factors());
            out.add(Expr.product(fs));
        }
        return out.size() == 1 ? out.get(0) : new Expr.Sum(out);
    }

    @Override
    public String toString() {
        return terms.toString();
    }
}
