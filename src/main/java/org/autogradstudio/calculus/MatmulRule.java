package org.autogradstudio.calculus;

import java.util.List;

/** Matrix products, with the matrix-calculus rules: for C = A B, dL/dA = g B^T and dL/dB = A^T g. */
final class MatmulRule implements LocalRule {
    enum Kind { MM, MV, DOT }

    private final String name;
    private final Kind kind;

    MatmulRule(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Values forward(List<Values> in) {
        Values a = in.get(0), b = in.get(1);
        switch (kind) {
            case MM: {
                int n = a.shape()[0], k = a.shape()[1], m = b.shape()[1];
                return new Values(new int[] {n, m}, Values.matmul(a.data(), b.data(), n, k, m));
            }
            case MV: {
                int n = a.shape()[0], k = a.shape()[1];
                return new Values(new int[] {n}, Values.matmul(a.data(), b.data(), n, k, 1));
            }
            default: {
                double s = 0;
                for (int i = 0; i < a.numel(); i++) {
                    s += a.data()[i] * b.data()[i];
                }
                return Values.scalar(s);
            }
        }
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        Values a = in.get(0), b = in.get(1);
        switch (kind) {
            case MM: {
                int n = a.shape()[0], k = a.shape()[1], m = b.shape()[1];
                if (i == 0) {
                    return new Values(new int[] {n, k}, Values.matmul(g.data(), Values.transpose(b.data(), k, m), n, m, k));
                }
                return new Values(new int[] {k, m}, Values.matmul(Values.transpose(a.data(), n, k), g.data(), k, n, m));
            }
            case MV: {
                int n = a.shape()[0], k = a.shape()[1];
                if (i == 0) {
                    return new Values(new int[] {n, k}, Values.matmul(g.data(), b.data(), n, 1, k));
                }
                return new Values(new int[] {k}, Values.matmul(g.data(), a.data(), 1, n, k));
            }
            default:
                return (i == 0 ? b : a).map(v -> v * g.data()[0]);
        }
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] outShape) {
        Values ma = masks.get(0), mb = masks.get(1);
        double[] out = new double[Values.numel(outShape)];
        switch (kind) {
            case MM: {
                int n = ma.shape()[0], k = ma.shape()[1], m = mb.shape()[1];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        boolean dep = false;
                        for (int p = 0; p < k && !dep; p++) {
                            dep = ma.data()[i * k + p] != 0 || mb.data()[p * m + j] != 0;
                        }
                        out[i * m + j] = dep ? 1 : 0;
                    }
                }
                break;
            }
            case MV: {
                int n = ma.shape()[0], k = ma.shape()[1];
                boolean anyV = mb.sum() != 0;
                for (int i = 0; i < n; i++) {
                    boolean dep = anyV;
                    for (int p = 0; p < k && !dep; p++) {
                        dep = ma.data()[i * k + p] != 0;
                    }
                    out[i] = dep ? 1 : 0;
                }
                break;
            }
            default:
                out[0] = ma.sum() + mb.sum() != 0 ? 1 : 0;
        }
        return new Values(outShape, out);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        if (kind != Kind.DOT) {
            return null; // each element of a matrix product depends on a whole row or column
        }
        // d(a·b)/d(a_k) = b_k
        Values partner = in.get(1 - i);
        double[] v = new double[positions.length];
        for (int p = 0; p < positions.length; p++) {
            v[p] = partner.data()[positions[p]];
        }
        return new Dual(inExprs.get(1 - i), v);
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        return Expr.apply(TensorFn.MATMUL, in.get(0), in.get(1));
    }

    @Override
    public Expr matrixVjp(Expr g, List<Expr> in, Expr local, int i, int[] inShape, int[] outShape) {
        Expr a = in.get(0), b = in.get(1);
        switch (kind) {
            case MM:
                return i == 0 ? Expr.apply(TensorFn.MATMUL, g, Expr.apply(TensorFn.TRANSPOSE, b))
                        : Expr.apply(TensorFn.MATMUL, Expr.apply(TensorFn.TRANSPOSE, a), g);
            case MV:
                return i == 0 ? Expr.apply(TensorFn.OUTER, g, b) : Expr.apply(TensorFn.MATMUL, Expr.apply(TensorFn.TRANSPOSE, a), g);
            default:
                return MatrixForm.hadamard(g, i == 0 ? b : a);
        }
    }
}
