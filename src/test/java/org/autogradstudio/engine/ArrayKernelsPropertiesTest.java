package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Contiguous arrays take fast paths ({@link ArrayKernels}, {@link FloatProduct}): tight loops that
 * skip the broadcasting and striding machinery. The same numbers laid out as a strided view (a
 * slice at an offset, a transpose) take the general paths; both must agree to the bit, values and
 * gradients, in float32 and float64. Matrix products are also held to the plain definition: each
 * element summed in order, rounded to float after every product and every sum.
 */
class ArrayKernelsPropertiesTest {
    private static double draw(Random r) {
        switch (r.nextInt(12)) {
            case 0: return 0.0;
            case 1: return -0.0;
            case 2: return (r.nextDouble() - 0.5) * 1e-6;
            case 3: return (r.nextDouble() - 0.5) * 1e6;
            default: return (r.nextDouble() - 0.5) * 8;
        }
    }

    private static double[] draws(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = draw(r);
        }
        return v;
    }

    /** {@code values} in a plain tensor, or as slice 1 of a larger tensor (offset, so not plain). */
    private static Tensor make(double[] values, int[] shape, DType dtype, boolean strided) {
        if (!strided) {
            return Tensor.of(values, shape, dtype);
        }
        int[] big = new int[shape.length + 1];
        big[0] = 2;
        System.arraycopy(shape, 0, big, 1, shape.length);
        double[] both = new double[2 * values.length];
        Arrays.fill(both, 0, values.length, 12345.0);
        System.arraycopy(values, 0, both, values.length, values.length);
        return Indexing.select(Tensor.of(both, big, dtype), 0, 1);
    }

    private static void same(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    what + " [" + i + "]: general " + expected[i] + ", fast " + actual[i]);
        }
    }

    @Property(tries = 300)
    void arithmeticWithBroadcastRowsAgrees(@ForAll long seed) {
        Random r = new Random(seed);
        DType dtype = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        int rows = 1 + r.nextInt(6), cols = 1 + r.nextInt(7);
        int[][] otherShapes = {{rows, cols}, {cols}, {1, cols}, {1}, {}};
        int kind = r.nextInt(otherShapes.length + 1);
        int[] fullShape = {rows, cols};
        double[] fv = draws(r, rows * cols);
        boolean number = kind == otherShapes.length;
        int[] otherShape = number ? new int[0] : otherShapes[kind];
        double[] ov = draws(r, Shape.numel(otherShape));
        boolean swap = r.nextBoolean();
        int which = r.nextInt(4);
        double[] upstream = draws(r, rows * cols);
        double[][] results = new double[2][];
        for (int k = 0; k < 2; k++) {
            boolean strided = k == 0;
            Tensor full = make(fv, fullShape, dtype, strided).requiresGrad_(true);
            Tensor other = number ? Tensor.wrappedNumber(ov[0], true)
                    : make(ov, otherShape, dtype, strided).requiresGrad_(true);
            Tensor a = swap ? other : full, b = swap ? full : other;
            Tensor out;
            switch (which) {
                case 0: out = a.add(b); break;
                case 1: out = a.sub(b); break;
                case 2: out = a.mul(b); break;
                default: out = a.div(b); break;
            }
            out.backward(Tensor.of(upstream, out.shape(), out.dtype()), false);
            double[] og = number ? new double[0] : other.grad().toArray();
            results[k] = concat(out.toArray(), full.grad().toArray(), og);
        }
        same(which + " " + dtype + " " + Arrays.toString(otherShape) + (swap ? " swapped" : ""), results[0], results[1]);
    }

    @Property(tries = 200)
    void inPlaceArithmeticWithoutGradAgrees(@ForAll long seed) {
        Random r = new Random(seed);
        DType dtype = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        int n = 1 + r.nextInt(20);
        double[] pv = draws(r, n), gv = draws(r, n);
        double lr = draw(r);
        ElementwiseOp op = new ElementwiseOp[] {ElementwiseOp.ADD, ElementwiseOp.SUB, ElementwiseOp.MUL, ElementwiseOp.DIV}[r.nextInt(4)];
        boolean number = r.nextBoolean();
        double[][] results = new double[2][];
        for (int k = 0; k < 2; k++) {
            boolean strided = k == 0;
            Tensor p = make(pv, new int[] {n}, dtype, strided).requiresGrad_(true);
            Tensor g = make(gv, new int[] {n}, dtype, strided);
            int before = p.version();
            boolean previous = GradMode.set(false);
            try {
                p.inplace(op, number ? Tensor.wrappedNumber(lr, true) : g.mul(Tensor.wrappedNumber(lr, true)));
            } finally {
                GradMode.set(previous);
            }
            results[k] = concat(p.toArray(), new double[] {p.version() - before});
        }
        same(op + " " + dtype + (number ? " number" : " tensor"), results[0], results[1]);
    }

    @Property(tries = 200)
    void reluAndItsBackwardMatchTheRule(@ForAll long seed) {
        Random r = new Random(seed);
        DType dtype = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        int n = 1 + r.nextInt(40);
        double[] xv = draws(r, n), gv = draws(r, n);
        if (r.nextInt(4) == 0) {
            xv[r.nextInt(n)] = Double.NaN;
        }
        Tensor x = Tensor.of(xv, new int[] {n}, dtype).requiresGrad_(true);
        Tensor y = x.relu();
        Tensor g = Tensor.of(gv, new int[] {n}, dtype);
        y.backward(g, false);
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = dtype.round(ElementwiseOp.RELU.apply(x.toArray()[i], 0, new double[0]));
        }
        same("relu", expected, y.toArray());
        Tensor rule = ElementwiseOp.RELU.backward(TensorAlgebra.of(dtype), g, Arrays.asList((Tensor) null), y, new double[0]).get(0);
        same("relu backward", rule.toArray(), x.grad().toArray());
    }

    /**
     * relu's backward writes into the gradient a matrix product handed it when the engine owns
     * it; a listener (who keeps every gradient it is shown) turns that off. Both give the same
     * gradients, and the gradients a listener was shown are never overwritten afterwards.
     */
    @Property(tries = 100)
    void reluBackwardInPlaceMatchesTheCopy(@ForAll long seed) {
        Random r = new Random(seed);
        DType dtype = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        int n = 1 + r.nextInt(9), k = 1 + r.nextInt(9), m = 1 + r.nextInt(9);
        double[] xv = draws(r, n * k), w1 = draws(r, k * m), w2 = draws(r, m * 3);
        double[][] results = new double[2][];
        java.util.List<double[]> shown = new java.util.ArrayList<>();
        java.util.List<Tensor> shownTensors = new java.util.ArrayList<>();
        BackwardListener listener = new BackwardListener() {
            @Override
            public void onEdge(Node from, Edge edge, Tensor gradient) {
                shown.add(gradient.toArray());
                shownTensors.add(gradient);
            }
        };
        for (int pass = 0; pass < 2; pass++) {
            Tensor x = Tensor.of(xv, new int[] {n, k}, dtype);
            Tensor a = Tensor.of(w1, new int[] {k, m}, dtype).requiresGrad_(true);
            Tensor b = Tensor.of(w2, new int[] {m, 3}, dtype).requiresGrad_(true);
            Tensor loss = x.matmul(a).relu().matmul(b).relu().sum();
            if (pass == 1) {
                Engine.addListener(listener);
            }
            try {
                loss.backward();
            } finally {
                Engine.removeListener(listener);
            }
            results[pass] = concat(a.grad().toArray(), b.grad().toArray());
        }
        same("owned vs listened", results[1], results[0]);
        for (int i = 0; i < shown.size(); i++) {
            same("gradient shown to the listener, later", shown.get(i), shownTensors.get(i).toArray());
        }
    }

    /**
     * {@code x ** p}'s one-pass backward against the table's rule evaluated step by step on
     * tensors (POW_SCALAR's derivatives, then times g), for the exponents with special cases in
     * the power (2, 3, -1, -2, 0.5, -0.5), 1, and arbitrary ones.
     */
    @Property(tries = 300)
    void powBackwardIsTheTablesRule(@ForAll long seed) {
        Random r = new Random(seed);
        DType dtype = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        double[] exponents = {2, 3, -1, -2, 0.5, -0.5, 1, 1.7, -2.3, 2 + r.nextGaussian()};
        double p = exponents[r.nextInt(exponents.length)];
        int n = 1 + r.nextInt(20);
        Tensor x = Tensor.of(draws(r, n), new int[] {n}, dtype);
        Tensor g = Tensor.of(draws(r, n), new int[] {n}, dtype);
        Tensor rule = ElementwiseOp.POW_SCALAR.backward(TensorAlgebra.of(dtype), g, java.util.List.of(x), null, new double[] {p}).get(0);
        double[] fast = new double[n];
        ArrayKernels.powBackward(g.toArray(), x.toArray(), p, fast, n, dtype == DType.FLOAT32);
        same("pow " + p + " backward", rule.toArray(), fast);
        // and through the engine, the gradient written into the one it was handed
        Tensor leaf = Tensor.of(x.toArray(), new int[] {n}, dtype).requiresGrad_(true);
        leaf.pow(p).backward(g, false);
        same("pow " + p + " through backward", rule.toArray(), leaf.grad().toArray());
    }

    @Property(tries = 200)
    void biasGradientsSumAsTheSumOverTheirDims(@ForAll long seed) {
        // a broadcast gradient is reduced as ATen's sum_to_size does: the very sum over those dims
        // a script gets from x.sum(dims), in ATen's order (checked against PyTorch by the torch-cases)
        Random r = new Random(seed);
        DType dtype = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        int a = 1 + r.nextInt(5), b = 1 + r.nextInt(6), c = 1 + r.nextInt(4);
        int[] shape = {a, b, c};
        int[][] targets = {{c}, {b, c}, {1, c}, {1, 1, c}, {1}, {1, 1}, {1, b, c}};
        int[] target = targets[r.nextInt(targets.length)];
        Tensor g = Tensor.of(draws(r, a * b * c), shape, dtype);
        int lead = shape.length - target.length;
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (d < lead || (target[d - lead] == 1 && shape[d] != 1)) {
                dims.add(d);
            }
        }
        double[] expected = dims.isEmpty() ? g.toArray()
                : Reductions.sum(g, dims.stream().mapToInt(Integer::intValue).toArray(), true).toArray();
        same("sum of " + Arrays.toString(shape) + " to " + Arrays.toString(target), expected,
                Reductions.sumToShape(g, target).toArray());
    }

    @Property(tries = 300)
    void matrixProductsSumEachElementInOrder(@ForAll long seed) {
        Random r = new Random(seed);
        DType dtype = r.nextInt(3) == 0 ? DType.FLOAT64 : DType.FLOAT32;
        int n = r.nextInt(7), k = r.nextInt(20), m = r.nextInt(20);
        if (r.nextInt(4) == 0) {
            n = 1 + r.nextInt(40);
            k = 1 + r.nextInt(40);
        }
        double[] av = draws(r, n * k), bv = draws(r, k * m), gv = draws(r, n * m);
        boolean aTransposed = r.nextBoolean(), bTransposed = r.nextBoolean(), sliced = r.nextBoolean();
        Tensor a = layout(av, n, k, dtype, aTransposed, sliced).requiresGrad_(true);
        Tensor b = layout(bv, k, m, dtype, bTransposed, !sliced).requiresGrad_(true);
        Tensor g = Tensor.of(gv, new int[] {n, m}, dtype);
        Tensor c = a.matmul(b);
        c.backward(g, false);
        String what = n + "x" + k + " @ " + k + "x" + m + " " + dtype + (aTransposed ? " a.T" : "") + (bTransposed ? " b.T" : "");
        same(what, naive(a.toArray(), b.toArray(), n, k, m, dtype), c.toArray());
        same(what + " a.grad", naive(gv, transpose(b.toArray(), k, m), n, m, k, dtype), a.grad().toArray());
        same(what + " b.grad", naive(transpose(a.toArray(), n, k), gv, k, n, m, dtype), b.grad().toArray());
    }

    /** An n x k matrix of {@code values} (rounded to the dtype) laid out plainly, transposed, or as a slice. */
    private static Tensor layout(double[] values, int rows, int cols, DType dtype, boolean transposed, boolean sliced) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = dtype.round(values[i]);
        }
        if (transposed) {
            Tensor t = make(transpose(v, rows, cols), new int[] {cols, rows}, dtype, sliced);
            return ShapeOps.t(t);
        }
        return make(v, new int[] {rows, cols}, dtype, sliced);
    }

    private static double[] transpose(double[] v, int rows, int cols) {
        double[] out = new double[v.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = v[i * cols + j];
            }
        }
        return out;
    }

    /** The definition: C(i, j) = sum over p in order, in float when the dtype is float32. */
    private static double[] naive(double[] a, double[] b, int n, int k, int m, DType dtype) {
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (dtype == DType.FLOAT32) {
                    float s = 0;
                    for (int p = 0; p < k; p++) {
                        s += (float) a[i * k + p] * (float) b[p * m + j];
                    }
                    out[i * m + j] = s;
                } else {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += a[i * k + p] * b[p * m + j];
                    }
                    out[i * m + j] = s;
                }
            }
        }
        return out;
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
