package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.autogradstudio.engine.ElementwiseOp;

/** An operation of the engine's elementwise table: forward, derivatives and backward all come from {@link ElementwiseOp}. */
final class ElementwiseRule extends PointwiseRule {
    private final ElementwiseOp op;
    private final double[] params;

    ElementwiseRule(String name, ElementwiseOp op, double[] params) {
        super(name);
        this.op = op;
        this.params = params;
    }

    ElementwiseOp op() {
        return op;
    }

    double[] params() {
        return params.clone();
    }

    private static int[] outShape(List<Values> in) {
        int[] s = in.get(0).shape();
        for (int i = 1; i < in.size(); i++) {
            s = Values.broadcastShape(s, in.get(i).shape());
        }
        return s;
    }

    @Override
    public Values forward(List<Values> in) {
        int[] shape = outShape(in);
        double[] a = in.get(0).broadcastTo(shape).data();
        double[] b = in.size() > 1 ? in.get(1).broadcastTo(shape).data() : null;
        double[] out = new double[a.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = op.apply(a[k], b == null ? 0 : b[k], params);
        }
        return new Values(shape, out);
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        int[] shape = out.shape();
        List<double[]> xs = new ArrayList<>();
        for (Values v : in) {
            xs.add(v.broadcastTo(shape).data());
        }
        double[] grad = op.backward(VecAlgebra.INSTANCE, g.broadcastTo(shape).data(), xs, out.data(), params).get(i);
        Values full = grad.length == 1 && out.numel() != 1 ? Values.full(shape, grad[0]) : new Values(shape, grad);
        return full.sumTo(in.get(i).shape());
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] shape) {
        double[] out = new double[Values.numel(shape)];
        for (Values m : masks) {
            double[] b = m.broadcastTo(shape).data();
            for (int k = 0; k < out.length; k++) {
                out[k] = out[k] != 0 || b[k] != 0 ? 1 : 0;
            }
        }
        return new Values(shape, out);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        List<Dual> xs = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            int[] map = Values.broadcastMap(in.get(k).shape(), out.shape());
            double[] v = new double[positions.length];
            for (int p = 0; p < positions.length; p++) {
                v[p] = in.get(k).data()[map[positions[p]]];
            }
            xs.add(new Dual(inExprs.get(k), v));
        }
        double[] o = new double[positions.length];
        for (int p = 0; p < positions.length; p++) {
            o[p] = out.data()[positions[p]];
        }
        Dual d = op.derivatives(a, xs, new Dual(outExpr, o), params).get(i);
        if (d.values().length == positions.length || d.values().length == 0) {
            return d;
        }
        return new Dual(d.expr(), fill(positions.length, d.values()[0]));
    }

    private static double[] fill(int n, double v) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        return forward(op, params, in);
    }

    /** The formula an elementwise op computes: {@code a + b}, {@code 1 - a}, {@code a^2}, {@code sin(a)}, {@code clamp(a, lo, hi)}. */
    static Expr forward(ElementwiseOp op, double[] p, List<Expr> in) {
        Expr a = in.get(0);
        Expr b = in.size() > 1 ? in.get(1) : null;
        switch (op) {
            case ADD: return Expr.add(a, b);
            case SUB: return Expr.sub(a, b);
            case RSUB: return Expr.sub(Expr.num(p[0]), a);
            case MUL: return Expr.mul(a, b);
            case DIV: return Expr.div(a, b);
            case NEG: return Expr.neg(a);
            case POW_SCALAR: return Expr.pow(a, p[0]);
            case POW: return Expr.pow(a, b);
            case CLAMP: return new Expr.Clamp(a, p[0], p[1]);
            default: {
                Func f = Func.of(op);
                if (f != null) {
                    return new Expr.Call(f, a);
                }
                if (op.name().equals("RECIPROCAL")) {
                    return Expr.div(Expr.ONE, a);
                }
                return new Expr.Apply(TensorFn.OTHER, op.torchName(), in);
            }
        }
    }
}
