package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rational function in normal form: an expanded numerator over a product of denominator
 * factors (single atoms or primitive multi-term polynomials, each monic). Sums are taken over a
 * common denominator and every factor that divides the numerator exactly is cancelled, which is
 * what turns {@code -y/ŷ + (1-y)/(1-ŷ)} into {@code (ŷ - y)/(ŷ(1 - ŷ))} and that, times
 * {@code ŷ(1 - ŷ)}, into {@code ŷ - y}.
 */
final class RationalForm {
    record Factor(Poly poly, int multiplicity) {
    }

    final Poly num;
    final List<Factor> den;

    private RationalForm(Poly num, List<Factor> den) {
        this.num = num;
        this.den = List.copyOf(den);
    }

    static RationalForm of(Poly p) {
        return new RationalForm(p, List.of());
    }

    static RationalForm constant(double c) {
        return of(Poly.constant(c));
    }

    static RationalForm atom(Expr atom) {
        return of(Poly.atom(atom));
    }

    boolean isZero() {
        return num.isZero();
    }

    /** Builds a normalized form: monic denominator factors, constants folded, common factors cancelled. */
    private static RationalForm normalized(Poly num, List<Factor> den) {
        if (num.isZero()) {
            return constant(0);
        }
        List<Factor> out = new ArrayList<>();
        for (Factor f : den) {
            Poly p = f.poly();
            double c = p.constantValue();
            if (!Double.isNaN(c)) {
                num = num.scale(Math.pow(c, -f.multiplicity()));
                continue;
            }
            double lead = p.coefficient(p.leading());
            if (lead != 1) {
                p = p.scale(1 / lead);
                num = num.scale(Math.pow(lead, -f.multiplicity()));
            }
            merge(out, p, f.multiplicity(), false);
        }
        // cancel
        List<Factor> kept = new ArrayList<>();
        for (Factor f : out) {
            int m = f.multiplicity();
            while (m > 0) {
                Poly q = num.divideExact(f.poly());
                if (q == null) {
                    break;
                }
                num = q;
                m--;
            }
            if (m > 0) {
                kept.add(new Factor(f.poly(), m));
            }
        }
        return new RationalForm(num, kept);
    }

    /** Adds {@code p^m} into a factor list (max of multiplicities when {@code lcm}, else their sum). */
    private static void merge(List<Factor> into, Poly p, int m, boolean lcm) {
        for (int i = 0; i < into.size(); i++) {
            Factor f = into.get(i);
            if (f.poly().approxEquals(p)) {
                into.set(i, new Factor(f.poly(), lcm ? Math.max(f.multiplicity(), m) : f.multiplicity() + m));
                return;
            }
        }
        into.add(new Factor(p, m));
    }

    private static int multiplicityIn(List<Factor> list, Poly p) {
        for (Factor f : list) {
            if (f.poly().approxEquals(p)) {
                return f.multiplicity();
            }
        }
        return 0;
    }

    RationalForm plus(RationalForm o) {
        if (isZero()) {
            return o;
        }
        if (o.isZero()) {
            return this;
        }
        List<Factor> common = new ArrayList<>(den);
        for (Factor f : o.den) {
            merge(common, f.poly(), f.multiplicity(), true);
        }
        Poly a = num, b = o.num;
        for (Factor f : common) {
            int missingA = f.multiplicity() - multiplicityIn(den, f.poly());
            int missingB = f.multiplicity() - multiplicityIn(o.den, f.poly());
            if (missingA > 0) {
                a = a.times(f.poly().power(missingA));
            }
            if (missingB > 0) {
                b = b.times(f.poly().power(missingB));
            }
        }
        return normalized(a.plus(b), common);
    }

    RationalForm times(RationalForm o) {
        if (isZero() || o.isZero()) {
            return constant(0);
        }
        List<Factor> all = new ArrayList<>(den);
        all.addAll(o.den);
        return normalized(num.times(o.num), all);
    }

    RationalForm scale(double c) {
        return normalized(num.scale(c), den);
    }

    /** 1 / this; throws ArithmeticException for zero. */
    RationalForm reciprocal() {
        if (num.isZero()) {
            throw new ArithmeticException("division by zero");
        }
        Poly newNum = Poly.constant(1);
        for (Factor f : den) {
            newNum = newNum.times(f.poly().power(f.multiplicity()));
        }
        List<Factor> newDen = new ArrayList<>();
        Monomial content = num.monomialContent();
        Poly primitive = num.divideExact(Poly.term(1, content));
        for (Map.Entry<Expr, Double> e : content.powers().entrySet()) {
            double k = e.getValue();
            if (k > 0 && k == Math.rint(k) && k <= 64) {
                newDen.add(new Factor(Poly.atom(e.getKey()), (int) k));
            } else {
                newNum = newNum.times(1, Monomial.of(e.getKey(), -k));
            }
        }
        newDen.add(new Factor(primitive, 1));
        return normalized(newNum, newDen);
    }

    RationalForm power(int n) {
        if (n == 0) {
            return constant(1);
        }
        RationalForm base = n < 0 ? reciprocal() : this;
        RationalForm result = constant(1);
        for (int i = 0; i < Math.abs(n); i++) {
            result = result.times(base);
        }
        return result;
    }

    /** When this is a single term {@code c * m} with no denominator: that term, else null. */
    Map.Entry<Monomial, Double> asSingleTerm() {
        if (!den.isEmpty() || num.size() != 1) {
            return null;
        }
        return num.terms().entrySet().iterator().next();
    }
}
