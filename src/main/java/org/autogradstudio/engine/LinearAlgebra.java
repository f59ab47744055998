package org.autogradstudio.engine;

/** Matrix products: {@code matmul}/{@code @} dispatching to dot, mv, mm as PyTorch does, with their backward rules. */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /** Plain product of row-major (n x k) and (k x m) arrays, accumulated in double. */
    static double[] multiply(double[] a, double[] b, int n, int k, int m) {
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            int rowA = i * k, rowOut = i * m;
            for (int p = 0; p < k; p++) {
                double x = a[rowA + p];
                if (x == 0) {
                    continue;
                }
                int rowB = p * m;
                for (int j = 0; j < m; j++) {
                    out[rowOut + j] += x * b[rowB + j];
                }
            }
        }
        return out;
    }

    private static void checkFloat(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime("expected scalar type " + typeName(a.dtype()) + " but found " + typeName(b.dtype()));
        }
    }

    static String typeName(DType d) {
        switch (d) {
            case FLOAT64: return "Double";
            case INT64: return "Long";
            case BOOL: return "Bool";
            default: return "Float";
        }
    }

    private static Tensor rounded(double[] v, int[] shape, DType type) {
        for (int i = 0; i < v.length; i++) {
            v[i] = type.round(v[i]);
        }
        return Tensor.wrap(v, shape, type);
    }

    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) {
            throw TorchException.runtime("both arguments to matmul need to be at least 1D, but they are " + a.dim() + "D and " + b.dim() + "D");
        }
        if (a.dim() == 1 && b.dim() == 1) {
            return dot(a, b);
        }
        if (a.dim() == 2 && b.dim() == 1) {
            return mv(a, b);
        }
        if (a.dim() == 1 && b.dim() == 2) {
            // PyTorch: unsqueeze, mm, then an in-place squeeze recorded as SqueezeBackward3.
            return ShapeOps.squeezeNamed(mm(ShapeOps.unsqueeze(a, 0), b), 0, "SqueezeBackward3");
        }
        if (a.dim() == 2 && b.dim() == 2) {
            return mm(a, b);
        }
        return batched(a, b);
    }

    public static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2) {
            throw TorchException.runtime("self must be a matrix");
        }
        if (b.dim() != 2) {
            throw TorchException.runtime("mat2 must be a matrix");
        }
        if (a.shape[1] != b.shape[0]) {
            throw TorchException.runtime("mat1 and mat2 shapes cannot be multiplied (" + a.shape[0] + "x" + a.shape[1]
                    + " and " + b.shape[0] + "x" + b.shape[1] + ")");
        }
        checkFloat(a, b);
        int n = a.shape[0], k = a.shape[1], m = b.shape[1];
        Tensor out = rounded(multiply(a.values(), b.values(), n, k, m), new int[] {n, m}, a.dtype());
        if (Autograd.needed(a, b)) {
            Autograd.record(out, "MmBackward0", new Tensor[] {a, b}, new Tensor[] {a, b}, (node, g) -> {
                Tensor x = node.saved(0), y = node.saved(1);
                Tensor ga = node.nextEdges().get(0) == null ? null
                        : rounded(multiply(g.values(), y.t().values(), n, m, k), new int[] {n, k}, g.dtype());
                Tensor gb = node.nextEdges().get(1) == null ? null
                        : rounded(multiply(x.t().values(), g.values(), k, n, m), new int[] {k, m}, g.dtype());
                return new Tensor[] {ga, gb};
            });
        }
        return out;
    }

    public static Tensor mv(Tensor a, Tensor v) {
        if (a.dim() != 2 || v.dim() != 1) {
            throw TorchException.runtime("vector + matrix @ vector expected, got " + a.dim() + ", " + v.dim());
        }
        if (a.shape[1] != v.shape[0]) {
            // PyTorch 1.13's wording for mv: "size mismatch, got 2, 2x2,3"
            throw TorchException.runtime("size mismatch, got " + a.shape[0] + ", " + a.shape[0] + "x" + a.shape[1]
                    + "," + v.shape[0]);
        }
        checkFloat(a, v);
        int n = a.shape[0], k = a.shape[1];
        Tensor out = rounded(multiply(a.values(), v.values(), n, k, 1), new int[] {n}, a.dtype());
        if (Autograd.needed(a, v)) {
            Autograd.record(out, "MvBackward0", new Tensor[] {a, v}, new Tensor[] {a, v}, (node, g) -> {
                Tensor x = node.saved(0), y = node.saved(1);
                Tensor ga = rounded(multiply(g.values(), y.values(), n, 1, k), new int[] {n, k}, g.dtype());
                Tensor gv = rounded(multiply(g.values(), x.values(), 1, n, k), new int[] {k}, g.dtype());
                return new Tensor[] {ga, gv};
            });
        }
        return out;
    }

    public static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw TorchException.runtime("1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
        }
        if (a.numel() != b.numel()) {
            throw TorchException.runtime("inconsistent tensor size, expected tensor [" + a.numel()
                    + "] and src [" + b.numel() + "] to have the same number of elements, but got "
                    + a.numel() + " and " + b.numel() + " elements respectively");
        }
        checkFloat(a, b);
        double[] x = a.values(), y = b.values();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        Tensor out = Tensor.scalar(s, a.dtype());
        if (Autograd.needed(a, b)) {
            Autograd.record(out, "DotBackward0", new Tensor[] {a, b}, new Tensor[] {a, b},
                    (node, g) -> new Tensor[] {node.saved(1).mul(g), node.saved(0).mul(g)});
        }
        return out;
    }

    /** Batched matmul with broadcasting of the leading dimensions. */
    private static Tensor batched(Tensor a, Tensor b) {
        Tensor a3 = a.dim() == 1 ? ShapeOps.unsqueeze(a, 0) : a;
        Tensor b3 = b.dim() == 1 ? ShapeOps.unsqueeze(b, 1) : b;
        int n = a3.shape[a3.dim() - 2], k = a3.shape[a3.dim() - 1], k2 = b3.shape[b3.dim() - 2], m = b3.shape[b3.dim() - 1];
        if (k != k2) {
            throw TorchException.runtime("Expected size for first two dimensions of batch2 tensor to be: [" + a3.shape[0]
                    + ", " + k + "] but got: [" + b3.shape[0] + ", " + k2 + "].");
        }
        int[] batchA = java.util.Arrays.copyOf(a3.shape, a3.dim() - 2), batchB = java.util.Arrays.copyOf(b3.shape, b3.dim() - 2);
        int[] batch = Shape.broadcast(batchA, batchB);
        int[] fullA = concat(batch, n, k), fullB = concat(batch, k, m);
        Tensor ea = ShapeOps.expand(a3, fullA), eb = ShapeOps.expand(b3, fullB);
        int count = Shape.numel(batch);
        Tensor[] products = new Tensor[count];
        Tensor fa = ShapeOps.reshape(ea, new int[] {count, n, k}), fb = ShapeOps.reshape(eb, new int[] {count, k, m});
        for (int i = 0; i < count; i++) {
            products[i] = mm(Indexing.select(fa, 0, i), Indexing.select(fb, 0, i));
        }
        Tensor out = ShapeOps.reshape(ShapeOps.stack(products, 0), concat(batch, n, m));
        if (a.dim() == 1) {
            out = ShapeOps.squeeze(out, -2);
        }
        if (b.dim() == 1) {
            out = ShapeOps.squeeze(out, -1);
        }
        return out;
    }

    private static int[] concat(int[] batch, int r, int c) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = r;
        s[batch.length + 1] = c;
        return s;
    }
}
