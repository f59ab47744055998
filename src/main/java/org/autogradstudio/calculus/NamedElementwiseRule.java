package org.autogradstudio.calculus;

import java.util.Arrays;
import java.util.List;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.ElementwiseExtras;
import org.autogradstudio.engine.Tensor;

/**
 * The elementwise functions outside the engine's {@code ElementwiseOp} table (round, floor, ceil,
 * trunc, sign, frac, log1p, expm1, atan, asin, acos, sinh, cosh, erf, leaky_relu), known by
 * PyTorch's name. Each derivative is written once over an algebra, so the element factor shown
 * and the gradient computed are the same rule; the rounding functions and sign have derivative 0
 * (almost everywhere), as PyTorch's backward says.
 */
final class NamedElementwiseRule implements LocalRule {
    private final String name;
    /** torch's name of the function: {@code log1p}, {@code leaky_relu}. */
    private final String fn;
    /** leaky_relu's negative_slope (unused by the others). */
    private final double slope;

    private NamedElementwiseRule(String name, String fn, double slope) {
        this.name = name;
        this.fn = fn;
        this.slope = slope;
    }

    /** The rule of a grad_fn name, or null when it is not one of these functions. */
    static NamedElementwiseRule of(String gradFn, Object negativeSlope) {
        if (gradFn.equals("LeakyReluBackward0")) {
            return new NamedElementwiseRule(gradFn, "leaky_relu", negativeSlope == null ? 0.01 : ((Number) negativeSlope).doubleValue());
        }
        for (ElementwiseExtras.Fn f : ElementwiseExtras.Fn.values()) {
            if (gradFnOf(f).equals(gradFn)) {
                return new NamedElementwiseRule(gradFn, f.pyName, 0);
            }
        }
        return null;
    }

    /** PyTorch's grad_fn name of an extra function: Log1PBackward0 for log1p, as PyTorch spells it. */
    private static String gradFnOf(ElementwiseExtras.Fn f) {
        String n = f.pyName.equals("log1p") ? "Log1P" : Character.toUpperCase(f.pyName.charAt(0)) + f.pyName.substring(1);
        return n + "Backward0";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean factorAtOutput() {
        return true;
    }

    private double apply(double x) {
        switch (fn) {
            case "round": return Math.rint(x);
            case "floor": return Math.floor(x);
            case "ceil": return Math.ceil(x);
            case "trunc": return x < 0 ? Math.ceil(x) : Math.floor(x);
            case "sign": return Math.signum(x);
            case "frac": return x - (x < 0 ? Math.ceil(x) : Math.floor(x));
            case "log1p": return Math.log1p(x);
            case "expm1": return Math.expm1(x);
            case "atan": return Math.atan(x);
            case "asin": return Math.asin(x);
            case "acos": return Math.acos(x);
            case "sinh": return Math.sinh(x);
            case "cosh": return Math.cosh(x);
            case "leaky_relu": return x > 0 ? x : slope * x;
            default: throw new IllegalStateException(fn);
        }
    }

    /** d f(x) / dx over any algebra. */
    private <T> T derivative(RuleAlgebra<T> a, T x) {
        T one = a.constant(1);
        switch (fn) {
            case "frac": return one;
            case "log1p": return a.div(one, a.add(one, x));
            case "expm1": return a.exp(x);
            case "atan": return a.div(one, a.add(one, a.mul(x, x)));
            case "asin": return a.pow(a.sub(one, a.mul(x, x)), a.constant(-0.5));
            case "acos": return a.neg(a.pow(a.sub(one, a.mul(x, x)), a.constant(-0.5)));
            case "sinh": return a.div(a.add(a.exp(x), a.exp(a.neg(x))), a.constant(2));
            case "cosh": return a.div(a.sub(a.exp(x), a.exp(a.neg(x))), a.constant(2));
            case "erf": return a.mul(a.constant(2 / Math.sqrt(Math.PI)), a.exp(a.neg(a.mul(x, x))));
            case "leaky_relu": {
                T up = a.positive(x);
                return a.add(up, a.mul(a.constant(slope), a.sub(one, up)));
            }
            default: return a.constant(0); // round, floor, ceil, trunc, sign: flat between their jumps
        }
    }

    @Override
    public Values forward(List<Values> in) {
        Values x = in.get(0);
        if (fn.equals("erf")) {
            // the engine's erf, worked in double: Java has none to call
            Tensor t = Tensor.of(x.data(), x.shape(), DType.FLOAT64);
            return new Values(x.shape(), ElementwiseExtras.apply(ElementwiseExtras.Fn.ERF, t).toArray());
        }
        return x.map(this::apply);
    }

    private double[] localAll(double[] x) {
        double[] d = derivative(VecAlgebra.INSTANCE, x);
        if (d.length == x.length) {
            return d;
        }
        double[] full = new double[x.length];
        Arrays.fill(full, d[0]);
        return full;
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        double[] d = localAll(in.get(0).data());
        double[] gv = g.broadcastTo(in.get(0).shape()).data();
        for (int k = 0; k < d.length; k++) {
            d[k] *= gv[k];
        }
        return new Values(in.get(0).shape(), d);
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] outShape) {
        return masks.get(0).reshape(outShape);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        double[] x = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            x[k] = in.get(0).data()[positions[k]];
        }
        Dual d = derivative(a, new Dual(inExprs.get(0), x));
        if (d.values().length == positions.length) {
            return d;
        }
        double[] full = new double[positions.length];
        Arrays.fill(full, d.values().length == 0 ? 0 : d.values()[0]);
        return new Dual(d.expr(), full);
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        if (fn.equals("leaky_relu")) {
            return new Expr.Apply(TensorFn.ELEMENTWISE, fn, List.of(in.get(0), Expr.num(slope)));
        }
        return Expr.apply(TensorFn.ELEMENTWISE, fn, in.get(0));
    }
}
