package org.autogradstudio.calculus;

import java.util.Arrays;
import java.util.List;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.ElementwiseExtras;
import org.autogradstudio.engine.Tensor;

/**
 * The elementwise functions outside the engine's {@code ElementwiseOp} table (round, floor, ceil,
 * trunc, sign, frac, log1p, expm1, atan, asin, acos, sinh, cosh, erf, leaky_relu, elu, softplus,
 * silu, clamp_min, clamp_max, gelu), known by
 * PyTorch's name. Each derivative is written once over an algebra, so the element factor shown
 * and the gradient computed are the same rule; the rounding functions and sign have derivative 0
 * (almost everywhere), as PyTorch's backward says.
 */
final class NamedElementwiseRule extends PointwiseRule {
    /** torch's name of the function: {@code log1p}, {@code leaky_relu}. */
    private final String fn;
    /** leaky_relu's negative_slope, elu's alpha, softplus's beta, clamp_min's min or clamp_max's max. */
    private final double slope;
    /** softplus's threshold (unused by the others). */
    private final double threshold;

    private NamedElementwiseRule(String name, String fn, double slope, double threshold) {
        super(name);
        this.fn = fn;
        this.slope = slope;
        this.threshold = threshold;
    }

    private static double arg(java.util.Map<String, Object> attrs, String key, double otherwise) {
        return attrs.get(key) instanceof Number n ? n.doubleValue() : otherwise;
    }

    /** The rule of a grad_fn name, or null when it is not one of these functions. */
    static NamedElementwiseRule of(String gradFn, java.util.Map<String, Object> attrs) {
        switch (gradFn) {
            case "LeakyReluBackward0": return new NamedElementwiseRule(gradFn, "leaky_relu", arg(attrs, "negative_slope", 0.01), 0);
            case "EluBackward0": return new NamedElementwiseRule(gradFn, "elu", arg(attrs, "alpha", 1), 0);
            case "SoftplusBackward0":
                return new NamedElementwiseRule(gradFn, "softplus", arg(attrs, "beta", 1), arg(attrs, "threshold", 20));
            case "SiluBackward0": return new NamedElementwiseRule(gradFn, "silu", 0, 0);
            case "GeluBackward0": return new NamedElementwiseRule(gradFn, "gelu", 0, "tanh".equals(attrs.get("approximate")) ? 1 : 0);
            case "ClampMinBackward0": return new NamedElementwiseRule(gradFn, "clamp_min", arg(attrs, "min", 0), 0);
            case "ClampMaxBackward0": return new NamedElementwiseRule(gradFn, "clamp_max", arg(attrs, "max", 0), 0);
            default: break;
        }
        for (ElementwiseExtras.Fn f : ElementwiseExtras.Fn.values()) {
            if (gradFnOf(f).equals(gradFn)) {
                return new NamedElementwiseRule(gradFn, f.pyName, 0, 0);
            }
        }
        return null;
    }

    /** PyTorch's grad_fn name of an extra function: Log1PBackward0 for log1p, as PyTorch spells it. */
    private static String gradFnOf(ElementwiseExtras.Fn f) {
        String n = f.pyName.equals("log1p") ? "Log1P" : Character.toUpperCase(f.pyName.charAt(0)) + f.pyName.substring(1);
        return n + "Backward0";
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
            case "elu": return x > 0 ? x : slope * Math.expm1(x);
            case "softplus": return x * slope > threshold ? x : Math.log1p(Math.exp(x * slope)) / slope;
            case "silu": return x / (1 + Math.exp(-x));
            case "clamp_min": return Double.isNaN(x) ? x : Math.max(x, slope);
            case "clamp_max": return Double.isNaN(x) ? x : Math.min(x, slope);
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
            case "elu": {
                T up = a.positive(x);
                return a.add(up, a.mul(a.mul(a.constant(slope), a.exp(x)), a.sub(one, up)));
            }
            case "softplus": {
                // beyond the threshold softplus is x itself; below it, its slope is sigmoid(beta x)
                T linear = a.positive(a.sub(a.mul(a.constant(slope), x), a.constant(threshold)));
                return a.add(linear, a.mul(a.sub(one, linear), a.sigmoid(a.mul(a.constant(slope), x))));
            }
            case "silu": {
                T s = a.sigmoid(x);
                return a.mul(s, a.add(one, a.mul(x, a.sub(one, s))));
            }
            case "gelu": {
                // the tanh form: 0.5 (1 + th) + 0.5 x (1 - th^2) k (1 + 3c x^2), th = tanh(k (x + c x^3)) = 2σ(2u) - 1
                double k = Math.sqrt(2 / Math.PI), c = 0.044715;
                T u = a.mul(a.constant(k), a.add(x, a.mul(a.constant(c), a.mul(x, a.mul(x, x)))));
                T th = a.sub(a.mul(a.constant(2), a.sigmoid(a.mul(a.constant(2), u))), one);
                T left = a.mul(a.constant(0.5), a.add(one, th));
                T right = a.mul(a.mul(a.mul(a.constant(0.5 * k), x), a.sub(one, a.mul(th, th))),
                        a.add(one, a.mul(a.constant(3 * c), a.mul(x, x))));
                return a.add(left, right);
            }
            case "clamp_min": return a.inRange(x, slope, Double.POSITIVE_INFINITY);
            case "clamp_max": return a.inRange(x, Double.NEGATIVE_INFINITY, slope);
            default: return a.constant(0); // round, floor, ceil, trunc, sign: flat between their jumps
        }
    }

    @Override
    public Values forward(List<Values> in) {
        Values x = in.get(0);
        if (fn.equals("erf") || fn.equals("gelu")) {
            // the engine's erf (and gelu, built on it), worked in double: Java has no erf to call
            Tensor t = Tensor.of(x.data(), x.shape(), DType.FLOAT64);
            Tensor y = fn.equals("erf") ? ElementwiseExtras.apply(ElementwiseExtras.Fn.ERF, t) : ElementwiseExtras.gelu(t, threshold == 1);
            return new Values(x.shape(), y.toArray());
        }
        return x.map(this::apply);
    }

    /** The exact gelu's slope Φ(x) + x φ(x), with Φ from the engine's erf (the algebra has no erf). */
    private static double[] exactGeluSlope(double[] x) {
        double[] scaled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = x[i] / Math.sqrt(2);
        }
        double[] erf = ElementwiseExtras.apply(ElementwiseExtras.Fn.ERF, Tensor.of(scaled, new int[] {x.length}, DType.FLOAT64)).toArray();
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = 0.5 * (1 + erf[i]) + x[i] * Math.exp(-0.5 * x[i] * x[i]) / Math.sqrt(2 * Math.PI);
        }
        return d;
    }

    private boolean exactGelu() {
        return fn.equals("gelu") && threshold != 1;
    }

    private double[] localAll(double[] x) {
        if (exactGelu()) {
            return exactGeluSlope(x);
        }
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
        if (exactGelu()) {
            Expr xe = inExprs.get(0);
            Expr density = Expr.div(Expr.call(Func.EXP, Expr.mul(Expr.num(-0.5), Expr.pow(xe, 2))), Expr.num(Math.sqrt(2 * Math.PI)));
            return new Dual(Expr.add(Expr.apply(TensorFn.ELEMENTWISE, "Phi", xe), Expr.mul(xe, density)), exactGeluSlope(x));
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
        switch (fn) {
            case "leaky_relu": case "elu": case "clamp_min": case "clamp_max":
                return new Expr.Apply(TensorFn.ELEMENTWISE, fn, List.of(in.get(0), Expr.num(slope)));
            case "softplus":
                return new Expr.Apply(TensorFn.ELEMENTWISE, fn, List.of(in.get(0), Expr.num(slope), Expr.num(threshold)));
            default:
                break;
        }
        return Expr.apply(TensorFn.ELEMENTWISE, fn, in.get(0));
    }
}
