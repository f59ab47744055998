package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * 0-d tensors take fast paths (no broadcasting machinery forward, {@link ScalarAlgebra} backward).
 * They must give exactly what the general kernels give for the same numbers in a 1-element
 * vector: value and gradient to the bit, in float32 and float64, for every elementwise op.
 */
class ScalarPathPropertiesTest {
    private static double draw(Random r) {
        // mostly ordinary magnitudes, sometimes tiny, huge, zero or negative zero
        switch (r.nextInt(10)) {
            case 0: return 0.0;
            case 1: return -0.0;
            case 2: return (r.nextDouble() - 0.5) * 1e-6;
            case 3: return (r.nextDouble() - 0.5) * 1e6;
            default: return (r.nextDouble() - 0.5) * 8;
        }
    }

    private static Tensor make(double v, DType dtype, boolean vector) {
        return vector ? Tensor.of(new double[] {v}, new int[] {1}, dtype) : Tensor.scalar(v, dtype);
    }

    private static void same(String what, double expected, double actual) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), what + ": vector " + expected + ", scalar " + actual);
    }

    @Property(tries = 300)
    void unaryOpsAgree(@ForAll long seed) {
        Random r = new Random(seed);
        ElementwiseOp[] ops = {ElementwiseOp.NEG, ElementwiseOp.EXP, ElementwiseOp.LOG, ElementwiseOp.SIN, ElementwiseOp.COS,
                ElementwiseOp.TAN, ElementwiseOp.TANH, ElementwiseOp.SIGMOID, ElementwiseOp.RELU, ElementwiseOp.ABS,
                ElementwiseOp.SQRT, ElementwiseOp.RECIPROCAL};
        ElementwiseOp op = ops[r.nextInt(ops.length)];
        DType dtype = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        double x = draw(r), g = draw(r);
        double[][] results = new double[2][];
        for (int k = 0; k < 2; k++) {
            Tensor t = make(x, dtype, k == 1).requiresGrad_(true);
            Tensor out = Pointwise.unary(op, t);
            out.backward(make(g, dtype, k == 1), false);
            results[k] = new double[] {out.item(), t.grad().item()};
        }
        same(op + " value of " + x, results[1][0], results[0][0]);
        same(op + " grad at " + x + " upstream " + g, results[1][1], results[0][1]);
    }

    @Property(tries = 300)
    void binaryOpsAndParametrisedOpsAgree(@ForAll long seed) {
        Random r = new Random(seed);
        DType dtype = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        int which = r.nextInt(8);
        double a = draw(r), b = draw(r), g = draw(r), c = draw(r);
        boolean numberOperand = r.nextBoolean();
        double[][] results = new double[2][];
        for (int k = 0; k < 2; k++) {
            boolean vector = k == 1;
            Tensor x = make(a, dtype, vector).requiresGrad_(true);
            Tensor y = numberOperand ? Tensor.wrappedNumber(b, true) : make(b, dtype, vector).requiresGrad_(true);
            Tensor out;
            switch (which) {
                case 0: out = x.add(y); break;
                case 1: out = x.sub(y); break;
                case 2: out = x.mul(y); break;
                case 3: out = x.div(y); break;
                case 4: out = Pointwise.pow(x.abs(), y); break;
                case 5: out = x.pow(new double[] {2, 3, 0.5, -1, -2, -0.5, 1.5}[(int) Math.abs(c * 1000) % 7]); break;
                case 6: out = x.clamp(Math.min(b, c), Math.max(b, c)); break;
                default: out = Pointwise.rsub(x, Tensor.wrappedNumber(c, true)); break;
            }
            out.backward(make(g, out.dtype(), vector), false);
            double gy = y.requiresGrad() && y.grad() != null ? y.grad().item() : 0;
            results[k] = new double[] {out.item(), x.grad().item(), gy};
        }
        String what = "case " + which + " (" + a + ", " + b + ", " + c + ") " + dtype;
        same(what + " value", results[1][0], results[0][0]);
        same(what + " grad x", results[1][1], results[0][1]);
        same(what + " grad y", results[1][2], results[0][2]);
    }
}
