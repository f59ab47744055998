package org.autogradstudio.engine;

/** Matrix products: {@code matmul}/{@code @} dispatching to dot, mv, mm as PyTorch does, with their backward rules. */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /**
     * C (n x m) = A (n x k) B (k x m), the operands read through strides from the tensors' own
     * storage ({@code A(i, p)} at {@code a.offset + i*ai + p*ap}, likewise B), so a transposed
     * operand costs no copy. {@code single}: accumulate in float32, as PyTorch's float matmul does
     * (see {@link FloatProduct}); otherwise in double, in the same order.
     */
    static double[] product(Tensor a, int ai, int ap, Tensor b, int bp, int bj, int n, int k, int m, boolean single) {
        if (single) {
            double[] out = new double[n * m];
            productInto(a, ai, ap, b, bp, bj, n, k, m, out);
            return out;
        }
        Operand x = Operand.of(a, ai, ap), y = Operand.of(b, bp, bj);
        double[] rows = new double[n * k], columns = new double[m * k];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                rows[i * k + p] = x.data[x.offset + i * x.first + p * x.second];
            }
        }
        for (int j = 0; j < m; j++) {
            for (int p = 0; p < k; p++) {
                columns[j * k + p] = y.data[y.offset + p * y.first + j * y.second];
            }
        }
        return multiplyTransposed(rows, columns, n, k, m);
    }

    /**
     * A matrix operand as an array read through strides; a one-element storage (no array) is read
     * as an array of its element with zero strides, every position being 0.
     */
    private record Operand(double[] data, int offset, int first, int second) {
        static Operand of(Tensor t, int first, int second) {
            double[] d = t.storage.data;
            return d == null ? new Operand(new double[] {t.storage.scalar}, 0, 0, 0) : new Operand(d, t.offset, first, second);
        }
    }

    /**
     * {@code out += A B} in float32 (A, B read through strides as in {@link #product}), each sum
     * starting from the value in {@code out} (see FloatProduct).
     */
    private static void productInto(Tensor a, int ai, int ap, Tensor b, int bp, int bj, int n, int k, int m, double[] out) {
        Operand x = Operand.of(a, ai, ap), y = Operand.of(b, bp, bj);
        FloatProduct.productInto(x.data, x.offset, x.first, x.second, y.data, y.offset, y.first, y.second, n, k, m, out);
    }

    /** {@code a @ b} of two matrices. */
    private static double[] product(Tensor a, Tensor b, boolean single) {
        return product(a, a.strides[0], a.strides[1], b, b.strides[0], b.strides[1], a.shape[0], a.shape[1], b.shape[1], single);
    }

    /** {@code g @ y.T}: the gradient of the first operand of {@code x @ y}. */
    private static double[] productTransposedRight(Tensor g, Tensor y, boolean single) {
        return product(g, g.strides[0], g.strides[1], y, y.strides[1], y.strides[0], g.shape[0], g.shape[1], y.shape[0], single);
    }

    /** {@code x.T @ g}: the gradient of the second operand of {@code x @ y}. */
    private static double[] productTransposedLeft(Tensor x, Tensor g, boolean single) {
        return product(x, x.strides[1], x.strides[0], g, g.strides[0], g.strides[1], x.shape[1], x.shape[0], g.shape[1], single);
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static float dotFloat(float[] a, int offA, float[] b, int offB, int k) {
        float s = 0;
        for (int p = 0; p < k; p++) {
            s += a[offA + p] * b[offB + p];
        }
        return s;
    }

    /**
     * {@code a @ bt.T} for row-major a (n x k) and bt (m x k): every output element is a dot product
     * of two contiguous rows, summed in order p = 0, 1, ... (so the tiling cannot change a result).
     * Tiles of 4 x 2 outputs keep eight sums in registers, each loaded element serving several
     * multiply-adds.
     */
    static double[] multiplyTransposed(double[] a, double[] bt, int n, int k, int m) {
        double[] out = new double[n * m];
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
            int j = 0;
            for (; j + 2 <= m; j += 2) {
                int b0 = j * k, b1 = b0 + k;
                double s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
                for (int p = 0; p < k; p++) {
                    double x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
                    double y0 = bt[b0 + p], y1 = bt[b1 + p];
                    s00 += x0 * y0;
                    s01 += x0 * y1;
                    s10 += x1 * y0;
                    s11 += x1 * y1;
                    s20 += x2 * y0;
                    s21 += x2 * y1;
                    s30 += x3 * y0;
                    s31 += x3 * y1;
                }
                int o = i * m + j;
                out[o] = s00;
                out[o + 1] = s01;
                out[o + m] = s10;
                out[o + m + 1] = s11;
                out[o + 2 * m] = s20;
                out[o + 2 * m + 1] = s21;
                out[o + 3 * m] = s30;
                out[o + 3 * m + 1] = s31;
            }
            for (; j < m; j++) {
                for (int r = 0; r < 4; r++) {
                    out[(i + r) * m + j] = dot(a, (i + r) * k, bt, j * k, k);
                }
            }
        }
        for (; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = dot(a, i * k, bt, j * k, k);
            }
        }
        return out;
    }

    private static double dot(double[] a, int offA, double[] b, int offB, int k) {
        double s = 0;
        for (int p = 0; p < k; p++) {
            s += a[offA + p] * b[offB + p];
        }
        return s;
    }

    /** Whether products of this tensor's dtype accumulate in float32 (float64 and int64 accumulate in double). */
    private static boolean single(Tensor t) {
        return t.dtype() == DType.FLOAT32;
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

    /** A product's elements as a tensor of {@code type}: float32 and float64 products hold their values already. */
    private static Tensor rounded(double[] v, int[] shape, DType type) {
        for (int i = 0; !type.isFloatingPoint() && i < v.length; i++) {
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
        Tensor out = rounded(product(a, b, single(a)), new int[] {n, m}, a.dtype());
        if (Autograd.needed(a, b)) {
            // both gradients are new arrays: the next rule may write into them (see OwningRule)
            Autograd.record(out, "MmBackward0", new Tensor[] {a, b}, new Tensor[] {a, b}, (FunctionNode.OwningRule) (node, g, owned, grads) -> {
                Tensor x = node.saved(0), y = node.saved(1);
                grads[0] = !node.needsGrad(0) ? null
                        : rounded(productTransposedRight(g, y, single(g)), new int[] {n, k}, g.dtype());
                grads[1] = !node.needsGrad(1) ? null
                        : rounded(productTransposedLeft(x, g, single(g)), new int[] {k, m}, g.dtype());
                return 3;
            });
        }
        return out;
    }

    /**
     * {@code torch.addmm(bias, a, b)} (beta = alpha = 1): {@code bias + a @ b}, the bias broadcast
     * over the rows, recorded as one AddmmBackward0 with edges (bias, a, b) as PyTorch's
     * {@code nn.Linear} records it; the bias's gradient is summed back to its shape.
     */
    public static Tensor addmm(Tensor bias, Tensor a, Tensor b) {
        if (a.dim() != 2) {
            throw TorchException.runtime("mat1 must be a matrix, got " + a.dim() + "-D tensor");
        }
        if (b.dim() != 2) {
            throw TorchException.runtime("mat2 must be a matrix, got " + b.dim() + "-D tensor");
        }
        if (a.shape[1] != b.shape[0]) {
            throw TorchException.runtime("mat1 and mat2 shapes cannot be multiplied (" + a.shape[0] + "x" + a.shape[1]
                    + " and " + b.shape[0] + "x" + b.shape[1] + ")");
        }
        if (a.dtype() != b.dtype() || a.dtype() != bias.dtype()) {
            throw TorchException.runtime("mat1 and mat2 must have the same dtype");
        }
        int n = a.shape[0], k = a.shape[1], m = b.shape[1];
        int[] outShape = {n, m};
        if (!java.util.Arrays.equals(Shape.broadcast(bias.shape, outShape), outShape)) {
            throw TorchException.runtime("The expanded size of the tensor (" + m + ") must match the existing size ("
                    + bias.shape[bias.dim() - 1] + ") at non-singleton dimension 1.  Target sizes: [" + n + ", " + m
                    + "].  Tensor sizes: " + Shape.toString(bias.shape));
        }
        boolean single = single(a);
        double[] c = Pointwise.broadcastValues(bias, outShape);
        double[] product;
        if (single && m > 1 && b.strides[1] == 1) {
            // BLAS's gemm with b in rows ("N"): it accumulates into C, which holds the bias, so each
            // sum starts from it (torch.addmm(bias, x, w))
            product = c.clone();
            productInto(a, a.strides[0], a.strides[1], b, b.strides[0], b.strides[1], n, k, m, product);
        } else {
            // b transposed (nn.Linear's x @ w.T: "T") sums each dot product and then adds C, as
            // does gemv for one output column
            product = product(a, b, single);
            for (int i = 0; i < product.length; i++) {
                double p = a.dtype().round(product[i]);
                product[i] = single ? (double) ((float) c[i] + (float) p) : c[i] + p;
            }
        }
        Tensor out = rounded(product, outShape, a.dtype());
        if (Autograd.needed(new Tensor[] {bias, a, b})) {
            Autograd.record(out, "AddmmBackward0", new Tensor[] {bias, a, b}, new Tensor[] {a, b}, (node, g) -> {
                Tensor x = node.saved(0), y = node.saved(1);
                Tensor ga = !node.needsGrad(1) ? null
                        : rounded(productTransposedRight(g, y, single(g)), new int[] {n, k}, g.dtype());
                Tensor gb = !node.needsGrad(2) ? null
                        : rounded(productTransposedLeft(x, g, single(g)), new int[] {k, m}, g.dtype());
                return new Tensor[] {node.needsGrad(0) ? g : null, ga, gb};
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
        Tensor out = rounded(product(a, a.strides[0], a.strides[1], v, v.strides[0], 0, n, k, 1, single(a)), new int[] {n}, a.dtype());
        if (Autograd.needed(a, v)) {
            Autograd.record(out, "MvBackward0", new Tensor[] {a, v}, new Tensor[] {a, v}, (node, g) -> {
                Tensor x = node.saved(0), y = node.saved(1);
                // g as a column times v as a row; g as a row times the matrix
                Tensor ga = rounded(product(g, g.strides[0], 0, y, 0, y.strides[0], n, 1, k, single(g)), new int[] {n, k}, g.dtype());
                Tensor gv = rounded(product(g, 0, g.strides[0], x, x.strides[0], x.strides[1], 1, n, k, single(g)), new int[] {k}, g.dtype());
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
        double s;
        if (single(a)) {
            // in order, in float, as PyTorch's float dot (see FloatProduct)
            s = dotFloat(toFloats(x), 0, toFloats(y), 0, x.length);
        } else {
            s = dot(x, 0, y, 0, x.length);
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
