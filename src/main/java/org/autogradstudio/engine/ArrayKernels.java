package org.autogradstudio.engine;

/**
 * Tight loops for the commonest elementwise work on contiguous arrays: one loop per op with no
 * per-element lambda or virtual call, no index arithmetic for strides and no temporary for a
 * broadcast operand. Each gives exactly what the general paths of {@link Pointwise} give: the same
 * operation in double on the same operands, then rounded to float when {@code single} (a float32
 * sum, difference, product or quotient of floats computed in double and rounded once is the
 * float result, since double holds more than twice float's digits).
 */
final class ArrayKernels {
    private ArrayKernels() {
    }

    /**
     * {@code a op b} for ADD, SUB, MUL or DIV computed in float32 or float64 when one operand is a
     * contiguous array and the other a single number or a contiguous array repeated along its rows
     * ({@code x @ w + b}, {@code 0.5 * p.grad}); null when the general path is needed.
     */
    static Tensor binary(ElementwiseOp op, Tensor a, Tensor b, DType outType) {
        if (!arithmetic(op) || !outType.isFloatingPoint()) {
            return null;
        }
        Tensor full = a, other = b;
        if (!spansRows(a, b, outType)) {
            if ((op != ElementwiseOp.ADD && op != ElementwiseOp.MUL) || !spansRows(b, a, outType)) {
                return null;
            }
            // x + y == y + x and x * y == y * x exactly
            full = b;
            other = a;
        }
        int n = full.numel();
        double[] out = new double[n];
        boolean single = outType == DType.FLOAT32;
        if (other.numel() == 1) {
            double c = other.getFlat(0);
            scalar(op, full.storage.data, single ? (float) c : c, out, n, single);
        } else {
            rows(op, full.storage.data, other.values(), out, n, single);
        }
        return Tensor.wrap(out, full.shape, outType);
    }

    /**
     * Whether {@code full op other} has {@code full}'s shape and both can be read as plain arrays:
     * {@code full} contiguous in {@code outType}, {@code other} one number (cast to the dtype, as
     * PyTorch casts every operand) or a contiguous {@code outType} array of {@code full}'s last dims.
     */
    private static boolean spansRows(Tensor full, Tensor other, DType outType) {
        if (full.shape.length == 0 || full.dtype() != outType || full.storage.data == null || !full.isPlain()
                || other.shape.length > full.shape.length) {
            return false;
        }
        if (other.numel() == 1) {
            return true;
        }
        if (other.dtype() != outType || !other.isPlain() || other.numel() == 0) {
            return false;
        }
        int lead = 0;
        while (lead < other.shape.length && other.shape[lead] == 1) {
            lead++;
        }
        int skip = full.shape.length - other.shape.length;
        for (int d = lead; d < other.shape.length; d++) {
            if (other.shape[d] != full.shape[skip + d]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #rows} and {@link #scalar} compute {@code op}. */
    static boolean arithmetic(ElementwiseOp op) {
        return op == ElementwiseOp.ADD || op == ElementwiseOp.SUB || op == ElementwiseOp.MUL || op == ElementwiseOp.DIV;
    }

    /**
     * {@code out[i] = a[i] op b[i % b.length]} for {@code i < n}: {@code b} repeated along the rows
     * of {@code a} (the same shape when {@code b.length == n}). {@code out} may be {@code a}.
     */
    static void rows(ElementwiseOp op, double[] a, double[] b, double[] out, int n, boolean single) {
        int period = b.length;
        for (int start = 0; start < n; start += period) {
            switch (op) {
                case ADD:
                    for (int j = 0, i = start; j < period; j++, i++) {
                        double r = a[i] + b[j];
                        out[i] = single ? (float) r : r;
                    }
                    break;
                case SUB:
                    for (int j = 0, i = start; j < period; j++, i++) {
                        double r = a[i] - b[j];
                        out[i] = single ? (float) r : r;
                    }
                    break;
                case MUL:
                    for (int j = 0, i = start; j < period; j++, i++) {
                        double r = a[i] * b[j];
                        out[i] = single ? (float) r : r;
                    }
                    break;
                default:
                    for (int j = 0, i = start; j < period; j++, i++) {
                        double r = a[i] / b[j];
                        out[i] = single ? (float) r : r;
                    }
                    break;
            }
        }
    }

    /** {@code out[i] = a[i] op c} for {@code i < n}; {@code out} may be {@code a}. */
    static void scalar(ElementwiseOp op, double[] a, double c, double[] out, int n, boolean single) {
        switch (op) {
            case ADD:
                for (int i = 0; i < n; i++) {
                    double r = a[i] + c;
                    out[i] = single ? (float) r : r;
                }
                break;
            case SUB:
                for (int i = 0; i < n; i++) {
                    double r = a[i] - c;
                    out[i] = single ? (float) r : r;
                }
                break;
            case MUL:
                for (int i = 0; i < n; i++) {
                    double r = a[i] * c;
                    out[i] = single ? (float) r : r;
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    double r = a[i] / c;
                    out[i] = single ? (float) r : r;
                }
                break;
        }
    }

    /** relu: {@code x > 0 ? x : 0}, NaN kept (as {@link ElementwiseOp#RELU}); the values are already of the dtype. */
    static double[] relu(double[] a, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // x where positive or NaN, else +0 (also for -0): Math.max exactly, without a branch
            // that half the elements of a hidden layer mispredict
            out[i] = Math.max(a[i], 0.0);
        }
        return out;
    }

    /**
     * relu's backward {@code g * (y > 0)} as the rule's {@code masked(g, positive(y))} gives it: g
     * where the output is positive, else 0 (also where g is NaN). {@code out} may be {@code g}.
     */
    static void reluBackward(double[] g, double[] y, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = y[i] > 0 ? g[i] : 0;
        }
    }

    /**
     * {@code x ** p}'s backward {@code g * (p * x ** (p - 1))} in one pass, step by step as the
     * table's rule evaluates it on tensors (POW_SCALAR's derivatives, then the product with g): the
     * power (x itself for p = 2) rounded, times p rounded, times g rounded; p and p - 1 are cast to
     * the dtype first, as the rule's constants are. {@code out} may be {@code g}; p is not 0.
     */
    static void powBackward(double[] g, double[] x, double p, double[] out, int n, boolean single) {
        double exponent = single ? (float) (p - 1) : p - 1;
        double factor = single ? (float) p : p;
        for (int i = 0; i < n; i++) {
            double local = p == 2 ? x[i] : ElementwiseOp.powLikeATen(x[i], exponent, single);
            double d = local * factor;
            d = single ? (float) d : d;
            double r = g[i] * d;
            out[i] = single ? (float) r : r;
        }
    }

    /**
     * Sums the {@code rows} rows of row-major {@code v} ({@code rows x (v.length / rows)}) into one
     * row, each column added in row order in double, as the general reduction does.
     */
    static double[] sumRows(double[] v, int rows, int columns) {
        double[] out = new double[columns];
        if (columns == 1) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                s += v[i];
            }
            out[0] = s;
            return out;
        }
        for (int r = 0, base = 0; r < rows; r++, base += columns) {
            for (int j = 0; j < columns; j++) {
                out[j] += v[base + j];
            }
        }
        return out;
    }
}
