package org.autogradstudio.calculus;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** A product of atoms raised to (usually integer) powers, without coefficient: {@code x^2 y cos(x)}. */
final class Monomial {
    static final Monomial ONE = new Monomial(new TreeMap<>(ExprOrder.CANONICAL));

    private final TreeMap<Expr, Double> powers;
    private final int hash;

    private Monomial(TreeMap<Expr, Double> powers) {
        this.powers = powers;
        this.hash = powers.hashCode();
    }

    static Monomial of(Expr atom, double exponent) {
        TreeMap<Expr, Double> m = new TreeMap<>(ExprOrder.CANONICAL);
        if (exponent != 0) {
            m.put(atom, exponent);
        }
        return new Monomial(m);
    }

    Map<Expr, Double> powers() {
        return Collections.unmodifiableMap(powers);
    }

    boolean isOne() {
        return powers.isEmpty();
    }

    double exponent(Expr atom) {
        return powers.getOrDefault(atom, 0.0);
    }

    private static double clean(double e) {
        double r = Math.rint(e);
        return Math.abs(e - r) < 1e-12 ? r : e;
    }

    Monomial times(Monomial o) {
        return combine(o, 1);
    }

    Monomial dividedBy(Monomial o) {
        return combine(o, -1);
    }

    private Monomial combine(Monomial o, int sign) {
        if (o.isOne()) {
            return this;
        }
        TreeMap<Expr, Double> m = new TreeMap<>(powers);
        for (Map.Entry<Expr, Double> e : o.powers.entrySet()) {
            double v = clean(m.getOrDefault(e.getKey(), 0.0) + sign * e.getValue());
            if (v == 0) {
                m.remove(e.getKey());
            } else {
                m.put(e.getKey(), v);
            }
        }
        return new Monomial(m);
    }

    Monomial power(double k) {
        TreeMap<Expr, Double> m = new TreeMap<>(ExprOrder.CANONICAL);
        for (Map.Entry<Expr, Double> e : powers.entrySet()) {
            double v = clean(e.getValue() * k);
            if (v != 0) {
                m.put(e.getKey(), v);
            }
        }
        return new Monomial(m);
    }

    /** Whether {@code o} divides this monomial without leaving a negative power of any atom of {@code o}. */
    boolean divisibleBy(Monomial o) {
        for (Map.Entry<Expr, Double> e : o.powers.entrySet()) {
            double have = exponent(e.getKey());
            if (e.getValue() > 0 && have < e.getValue() - 1e-12) {
                return false;
            }
            if (e.getValue() < 0 && have > e.getValue() + 1e-12) {
                return false;
            }
        }
        return true;
    }

    double degree() {
        double d = 0;
        for (double v : powers.values()) {
            d += v;
        }
        return d;
    }

    /** Lexicographic order on the atoms' exponents (a monomial order, for exact division). */
    int compareLex(Monomial o) {
        Iterator<Map.Entry<Expr, Double>> a = powers.entrySet().iterator(), b = o.powers.entrySet().iterator();
        Map.Entry<Expr, Double> x = a.hasNext() ? a.next() : null, y = b.hasNext() ? b.next() : null;
        while (x != null || y != null) {
            int c = x == null ? 1 : y == null ? -1 : ExprOrder.CANONICAL.compare(x.getKey(), y.getKey());
            if (c < 0) {
                // atom only in this one
                if (x.getValue() != 0) {
                    return x.getValue() > 0 ? 1 : -1;
                }
                x = a.hasNext() ? a.next() : null;
            } else if (c > 0) {
                if (y.getValue() != 0) {
                    return y.getValue() > 0 ? -1 : 1;
                }
                y = b.hasNext() ? b.next() : null;
            } else {
                int d = Double.compare(x.getValue(), y.getValue());
                if (d != 0) {
                    return d;
                }
                x = a.hasNext() ? a.next() : null;
                y = b.hasNext() ? b.next() : null;
            }
        }
        return 0;
    }

    /** The atoms as factors of a product, in display order. */
    java.util.List<Expr> factors() {
        java.util.List<Expr> out = new java.util.ArrayList<>();
        for (Map.Entry<Expr, Double> e : powers.entrySet()) {
            out.add(Expr.pow(e.getKey(), e.getValue()));
        }
        out.sort(ExprOrder.DISPLAY);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Monomial m && hash == m.hash && powers.equals(m.powers);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return powers.toString();
    }
}
