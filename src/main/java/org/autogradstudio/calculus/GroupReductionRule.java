package org.autogradstudio.calculus;

import java.util.List;

/**
 * Reductions of each group of elements (all of them, or along dims) to one output element, whose
 * derivative is one factor per input element: the p-norm along dims
 * ({@code sgn(x)|x|^{p-1}/‖x‖^{p-1}}), variance ({@code 2(x - mean)/(N - c)}), standard deviation
 * ({@code (x - mean)/((N - c) std)}), product (the product of the others, exact at zeros),
 * log-sum-exp ({@code exp(x - lse)}, the softmax), amax/amin and the median of all elements
 * (shared evenly by the elements equal to the result).
 */
final class GroupReductionRule implements LocalRule {
    enum Kind { NORM, VAR, STD, PROD, LOGSUMEXP, AMAX, AMIN, MEDIAN }

    private final String name;
    private final Kind kind;
    /** The norm's p, or the variance's correction. */
    private final double parameter;
    /** null: all elements. */
    private final int[] dims;
    private final boolean keepdim;

    GroupReductionRule(String name, Kind kind, double parameter, int[] dims, boolean keepdim) {
        this.name = name;
        this.kind = kind;
        this.parameter = parameter;
        this.dims = dims == null ? null : dims.clone();
        this.keepdim = keepdim;
    }

    static GroupReductionRule norm(String name, double p, int[] dims, boolean keepdim) {
        return new GroupReductionRule(name, Kind.NORM, p, dims, keepdim);
    }

    @Override
    public String name() {
        return name;
    }

    private DimGroups groups(int[] shape) {
        return new DimGroups(shape, shape.length == 0 ? null : dims);
    }

    private double[] means(double[] x, DimGroups gr) {
        double[] m = gr.sums(x);
        for (int k = 0; k < m.length; k++) {
            m[k] /= gr.size;
        }
        return m;
    }

    private double denominator(DimGroups gr) {
        return Math.max(0, gr.size - parameter);
    }

    /** One value per group, in the output's order. */
    private double[] reduce(double[] x, DimGroups gr) {
        double[] out = new double[gr.count];
        switch (kind) {
            case NORM:
                for (int i = 0; i < x.length; i++) {
                    int k = gr.groupOf[i];
                    double m = Math.abs(x[i]);
                    out[k] = Double.isInfinite(parameter) ? Math.max(out[k], m) : out[k] + Math.pow(m, parameter);
                }
                if (!Double.isInfinite(parameter)) {
                    for (int k = 0; k < out.length; k++) {
                        out[k] = Math.pow(out[k], 1 / parameter);
                    }
                }
                return out;
            case VAR:
            case STD: {
                double[] mean = means(x, gr);
                for (int i = 0; i < x.length; i++) {
                    double d = x[i] - mean[gr.groupOf[i]];
                    out[gr.groupOf[i]] += d * d;
                }
                for (int k = 0; k < out.length; k++) {
                    out[k] /= denominator(gr);
                    out[k] = kind == Kind.STD ? Math.sqrt(out[k]) : out[k];
                }
                return out;
            }
            case PROD:
                java.util.Arrays.fill(out, 1);
                for (int i = 0; i < x.length; i++) {
                    out[gr.groupOf[i]] *= x[i];
                }
                return out;
            case LOGSUMEXP: {
                double[] max = extremes(x, gr, true);
                for (int i = 0; i < x.length; i++) {
                    double m = max[gr.groupOf[i]];
                    out[gr.groupOf[i]] += Math.exp(x[i] - (Double.isInfinite(m) ? 0 : m));
                }
                for (int k = 0; k < out.length; k++) {
                    out[k] = (Double.isInfinite(max[k]) ? 0 : max[k]) + Math.log(out[k]);
                }
                return out;
            }
            case MEDIAN: {
                // the lower median of all elements, as torch.median()
                double[] sorted = x.clone();
                java.util.Arrays.sort(sorted);
                out[0] = sorted[(sorted.length - 1) / 2];
                return out;
            }
            default:
                return extremes(x, gr, kind == Kind.AMAX);
        }
    }

    private static double[] extremes(double[] x, DimGroups gr, boolean max) {
        double[] best = new double[gr.count];
        java.util.Arrays.fill(best, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        for (int i = 0; i < x.length; i++) {
            int k = gr.groupOf[i];
            best[k] = max ? Math.max(best[k], x[i]) : Math.min(best[k], x[i]);
        }
        return best;
    }

    /** d out[group of i] / d x_i at every input position. */
    private double[] local(double[] x, DimGroups gr) {
        double[] out = reduce(x, gr);
        double[] d = new double[x.length];
        switch (kind) {
            case NORM: {
                double[] ties = new double[gr.count];
                for (int i = 0; i < x.length; i++) {
                    ties[gr.groupOf[i]] += Math.abs(x[i]) == out[gr.groupOf[i]] ? 1 : 0;
                }
                for (int i = 0; i < x.length; i++) {
                    int k = gr.groupOf[i];
                    double n = out[k], p = parameter;
                    if (Double.isInfinite(p)) {
                        d[i] = Math.abs(x[i]) == n ? Math.signum(x[i]) / ties[k] : 0;
                    } else {
                        d[i] = n == 0 ? 0 : Math.signum(x[i]) * Math.pow(Math.abs(x[i]), p - 1) / Math.pow(n, p - 1);
                    }
                }
                return d;
            }
            case VAR:
            case STD: {
                double[] mean = means(x, gr);
                for (int i = 0; i < x.length; i++) {
                    int k = gr.groupOf[i];
                    double v = 2 * (x[i] - mean[k]) / denominator(gr);
                    d[i] = kind == Kind.VAR ? v : out[k] == 0 ? 0 : v / (2 * out[k]);
                }
                return d;
            }
            case PROD: {
                // the product of the others, without dividing, so a zero element gets an exact answer
                int[] zeros = new int[gr.count];
                double[] nonzero = new double[gr.count];
                java.util.Arrays.fill(nonzero, 1);
                for (int i = 0; i < x.length; i++) {
                    if (x[i] == 0) {
                        zeros[gr.groupOf[i]]++;
                    } else {
                        nonzero[gr.groupOf[i]] *= x[i];
                    }
                }
                for (int i = 0; i < x.length; i++) {
                    int k = gr.groupOf[i];
                    d[i] = zeros[k] == 0 ? nonzero[k] / x[i] : zeros[k] == 1 && x[i] == 0 ? nonzero[k] : 0;
                }
                return d;
            }
            case LOGSUMEXP:
                for (int i = 0; i < x.length; i++) {
                    d[i] = Math.exp(x[i] - out[gr.groupOf[i]]);
                }
                return d;
            default: {
                double[] ties = new double[gr.count];
                for (int i = 0; i < x.length; i++) {
                    ties[gr.groupOf[i]] += x[i] == out[gr.groupOf[i]] ? 1 : 0;
                }
                for (int i = 0; i < x.length; i++) {
                    int k = gr.groupOf[i];
                    d[i] = x[i] == out[k] ? 1 / ties[k] : 0;
                }
                return d;
            }
        }
    }

    @Override
    public Values forward(List<Values> in) {
        Values x = in.get(0);
        DimGroups gr = groups(x.shape());
        return new Values(gr.outShape(keepdim), reduce(x.data(), gr));
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        Values x = in.get(0);
        DimGroups gr = groups(x.shape());
        double[] d = local(x.data(), gr);
        for (int k = 0; k < d.length; k++) {
            d[k] *= g.data()[g.numel() == 1 ? 0 : gr.groupOf[k]];
        }
        return new Values(x.shape(), d);
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] outShape) {
        return new Values(outShape, groups(masks.get(0).shape()).anyMarked(masks.get(0)));
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        Values x = in.get(0);
        double[] all = local(x.data(), groups(x.shape()));
        double[] v = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            v[k] = all[positions[k]];
        }
        Expr xe = inExprs.get(0);
        DimGroups gr = groups(x.shape());
        Expr e;
        switch (kind) {
            case NORM:
                if (Double.isInfinite(parameter)) {
                    return shareOf(v, "is_max_abs", xe);
                }
                e = parameter == 2 ? Expr.div(xe, outExpr)
                        : Expr.div(Expr.mul(Expr.call(Func.SIGN, xe), Expr.pow(Expr.call(Func.ABS, xe), parameter - 1)),
                                Expr.pow(outExpr, parameter - 1));
                break;
            case VAR:
                e = Expr.mul(Expr.num(2 / denominator(gr)), Expr.sub(xe, mean(xe)));
                break;
            case STD:
                e = Expr.div(Expr.sub(xe, mean(xe)), Expr.mul(Expr.num(denominator(gr)), outExpr));
                break;
            case PROD:
                e = Expr.div(outExpr, xe);
                break;
            case LOGSUMEXP:
                e = Expr.call(Func.EXP, Expr.sub(xe, outExpr));
                break;
            default:
                return shareOf(v, kind == Kind.AMAX ? "is_argmax" : kind == Kind.AMIN ? "is_argmin" : "is_median", xe);
        }
        return new Dual(e, v);
    }

    private Expr mean(Expr x) {
        return dims == null ? Expr.apply(TensorFn.MEAN, x) : Expr.apply(TensorFn.MEAN_DIM, DimGroups.label(dims, false), x);
    }

    /** 1/ties at the extreme, 0 elsewhere: a number where all looked-at elements agree. */
    private static Dual shareOf(double[] v, String what, Expr x) {
        if (new Dual(Expr.ZERO, v).isUniform()) {
            return new Dual(Expr.num(v[0]), v);
        }
        return new Dual(Expr.apply(TensorFn.OTHER, what, x), v);
    }

    String label() {
        String dimsLabel = DimGroups.label(dims, keepdim);
        String extra = "";
        if (kind == Kind.NORM && parameter != 2) {
            extra = "p=" + (Double.isInfinite(parameter) ? "inf" : Numbers.shortest(parameter));
        } else if ((kind == Kind.VAR || kind == Kind.STD) && parameter != 1) {
            extra = "correction=" + Numbers.shortest(parameter);
        }
        return extra.isEmpty() ? dimsLabel : dimsLabel.isEmpty() ? extra : extra + ", " + dimsLabel;
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        TensorFn fn;
        switch (kind) {
            case NORM: fn = TensorFn.NORM; break;
            case VAR: fn = TensorFn.VAR; break;
            case STD: fn = TensorFn.STD; break;
            case PROD: fn = TensorFn.PROD; break;
            case LOGSUMEXP: fn = TensorFn.LOGSUMEXP; break;
            case AMAX: fn = TensorFn.AMAX; break;
            case MEDIAN: fn = TensorFn.MEDIAN; break;
            default: fn = TensorFn.AMIN; break;
        }
        return Expr.apply(fn, label(), in.get(0));
    }

    @Override
    public Expr matrixVjp(Expr g, List<Expr> in, Expr local, int i, int[] inShape, int[] outShape) {
        // the gradient of each output element is broadcast back over its group, times the factor
        return MatrixForm.hadamard(g, local);
    }
}
