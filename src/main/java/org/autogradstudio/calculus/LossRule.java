package org.autogradstudio.calculus;

import java.util.Arrays;
import java.util.List;

/**
 * The losses of {@code torch.nn.functional}: an elementwise loss of (input, target), reduced by
 * mean, sum or none. The derivative with respect to each input element is written once over an
 * algebra: MSE {@code 2(ŷ - y)}, BCE {@code (p - y)/(p(1 - p))}, BCE with
 * logits {@code σ(z) - y}; divided by n for a mean. A target that requires grad gets its own
 * derivative, as in PyTorch: MSE {@code -2(ŷ - y)}, BCE
 * {@code ln(1 - p) - ln(p)}, BCE with logits {@code -z}.
 */
final class LossRule implements LocalRule {
    enum Kind { MSE, BCE, BCE_WITH_LOGITS }

    private final String name;
    private final Kind kind;
    private final String reduction;

    LossRule(String name, Kind kind, String reduction) {
        this.name = name;
        this.kind = kind;
        this.reduction = reduction == null ? "mean" : reduction;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean flows(int i) {
        return i == 0 || i == 1;
    }

    private double loss(double x, double y) {
        switch (kind) {
            case MSE: return (x - y) * (x - y);
            case BCE: return -(y * Math.max(Math.log(x), -100) + (1 - y) * Math.max(Math.log(1 - x), -100));
            default: {
                double maxVal = Math.max(-x, 0);
                return (1 - y) * x + maxVal + Math.log(Math.exp(-maxVal) + Math.exp(-x - maxVal));
            }
        }
    }

    /** d loss(x, y) / dx for one element, over any algebra. */
    private <T> T derivative(RuleAlgebra<T> a, T x, T y) {
        switch (kind) {
            case MSE: return a.mul(a.constant(2), a.sub(x, y));
            case BCE: return a.div(a.sub(x, y), a.mul(x, a.sub(a.constant(1), x)));
            default: return a.sub(a.sigmoid(x), y);
        }
    }

    /** d loss(x, y) / dy for one element, over any algebra. */
    private <T> T targetDerivative(RuleAlgebra<T> a, T x, T y) {
        switch (kind) {
            case MSE: return a.mul(a.constant(-2), a.sub(x, y));
            case BCE: return a.sub(a.log(a.sub(a.constant(1), x)), a.log(x));
            default: return a.neg(x);
        }
    }

    private <T> T scaled(RuleAlgebra<T> a, T local, int n) {
        return reduction.equals("mean") && n != 1 ? a.div(local, a.constant(n)) : local;
    }

    @Override
    public Values forward(List<Values> in) {
        Values per = Values.zip(in.get(0), in.get(1), this::loss);
        switch (reduction) {
            case "none": return per;
            case "sum": return Values.scalar(per.sum());
            default: return Values.scalar(per.sum() / per.numel());
        }
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        int[] shape = Values.broadcastShape(in.get(0).shape(), in.get(1).shape());
        double[] x = in.get(0).broadcastTo(shape).data(), y = in.get(1).broadcastTo(shape).data();
        double[] local = i == 0 ? derivative(VecAlgebra.INSTANCE, x, y) : targetDerivative(VecAlgebra.INSTANCE, x, y);
        if (kind == Kind.BCE && i == 0) {
            // the engine keeps the denominator away from 0, as PyTorch does
            for (int k = 0; k < x.length; k++) {
                local[k] = (x[k] - y[k]) / Math.max((1 - x[k]) * x[k], 1e-12);
            }
        }
        double scale = reduction.equals("mean") ? 1.0 / x.length : 1.0;
        double[] gv = reduction.equals("none") ? g.broadcastTo(shape).data() : null;
        double[] grad = new double[x.length];
        for (int k = 0; k < grad.length; k++) {
            grad[k] = (gv == null ? g.data()[0] : gv[k]) * local[local.length == 1 ? 0 : k] * scale;
        }
        return new Values(shape, grad).sumTo(in.get(i).shape());
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] outShape) {
        Values per = Values.zip(masks.get(0), masks.get(1), (p, q) -> p != 0 || q != 0 ? 1 : 0);
        if (reduction.equals("none")) {
            return per;
        }
        return Values.scalar(per.sum() != 0 ? 1 : 0);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        if (!Arrays.equals(in.get(0).shape(), in.get(1).shape())) {
            return null;
        }
        double[] x = new double[positions.length], y = new double[positions.length];
        for (int p = 0; p < positions.length; p++) {
            x[p] = in.get(0).data()[positions[p]];
            y[p] = in.get(1).data()[positions[p]];
        }
        Dual xd = new Dual(inExprs.get(0), x), yd = new Dual(inExprs.get(1), y);
        Dual local = i == 0 ? derivative(a, xd, yd) : targetDerivative(a, xd, yd);
        return scaled(a, local, in.get(0).numel());
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        TensorFn fn;
        switch (kind) {
            case MSE: fn = TensorFn.MSE; break;
            case BCE: fn = TensorFn.BCE; break;
            default: fn = TensorFn.BCE_WITH_LOGITS; break;
        }
        return Expr.apply(fn, reduction.equals("mean") ? "" : "reduction='" + reduction + "'", in.get(0), in.get(1));
    }

    @Override
    public Expr matrixVjp(Expr g, List<Expr> in, Expr local, int i, int[] inShape, int[] outShape) {
        return MatrixForm.hadamard(g, local);
    }
}
