package org.autogradstudio.calculus;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The rules evaluated over arrays of doubles, element by element (a length-1 array broadcasts):
 * the local derivative of an op at every element of its output, in double.
 */
public final class VecAlgebra implements RuleAlgebra<double[]> {
    public static final VecAlgebra INSTANCE = new VecAlgebra();

    private static double[] map(double[] a, DoubleUnaryOperator f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = f.applyAsDouble(a[i]);
        }
        return out;
    }

    private static double[] zip(double[] a, double[] b, DoubleBinaryOperator f) {
        if (a.length == 0 || b.length == 0) {
            return new double[0]; // no element depends on the leaf here
        }
        int n = Math.max(a.length, b.length);
        if (a.length != b.length && a.length != 1 && b.length != 1) {
            throw new IllegalArgumentException("lengths " + a.length + " and " + b.length + " do not broadcast");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = f.applyAsDouble(a[a.length == 1 ? 0 : i], b[b.length == 1 ? 0 : i]);
        }
        return out;
    }

    @Override
    public double[] constant(double c) {
        return new double[] {c};
    }

    @Override
    public boolean isOne(double[] a) {
        return a.length == 1 && a[0] == 1;
    }

    @Override
    public double[] add(double[] a, double[] b) {
        return zip(a, b, Double::sum);
    }

    @Override
    public double[] sub(double[] a, double[] b) {
        return zip(a, b, (x, y) -> x - y);
    }

    @Override
    public double[] mul(double[] a, double[] b) {
        return zip(a, b, (x, y) -> x * y);
    }

    @Override
    public double[] div(double[] a, double[] b) {
        return zip(a, b, (x, y) -> x / y);
    }

    @Override
    public double[] neg(double[] a) {
        return map(a, x -> -x);
    }

    @Override
    public double[] pow(double[] base, double[] exponent) {
        return zip(base, exponent, Math::pow);
    }

    @Override
    public double[] exp(double[] a) {
        return map(a, Math::exp);
    }

    @Override
    public double[] log(double[] a) {
        return map(a, Math::log);
    }

    @Override
    public double[] sin(double[] a) {
        return map(a, Math::sin);
    }

    @Override
    public double[] cos(double[] a) {
        return map(a, Math::cos);
    }

    @Override
    public double[] sign(double[] a) {
        return map(a, x -> Double.isNaN(x) ? x : Math.signum(x));
    }

    @Override
    public double[] positive(double[] a) {
        return map(a, x -> x > 0 ? 1 : 0);
    }

    @Override
    public double[] inRange(double[] a, double lo, double hi) {
        return map(a, x -> x >= lo && x <= hi ? 1 : 0);
    }

    @Override
    public double[] sigmoid(double[] a) {
        return map(a, x -> 1 / (1 + Math.exp(-x)));
    }

    @Override
    public double[] abs(double[] a) {
        return map(a, Math::abs);
    }
}
