package org.autogradstudio.engine;

import java.util.function.DoubleUnaryOperator;

/**
 * {@link Algebra} over tensors of one dtype, used to evaluate derivative rules during backward:
 * every step rounds to that dtype, as PyTorch's float kernels do. The four arithmetic steps take
 * ArrayKernels' one-pass loops where those apply: a float32 step computed in double and rounded
 * once is the float operation itself, so either path gives the same bits. The constants 1 and -1 are
 * distinguished objects so the chain rule can skip multiplying by them.
 */
final class TensorAlgebra implements Algebra<Tensor> {
    static final TensorAlgebra FLOAT32 = new TensorAlgebra(DType.FLOAT32);
    static final TensorAlgebra FLOAT64 = new TensorAlgebra(DType.FLOAT64);
    static final Tensor ONE = Tensor.scalar(1, DType.FLOAT64);
    static final Tensor MINUS_ONE = Tensor.scalar(-1, DType.FLOAT64);

    private final DType dtype;

    private TensorAlgebra(DType dtype) {
        this.dtype = dtype;
    }

    /** The algebra that computes in {@code dtype} (integers and bools compute in float32). */
    static TensorAlgebra of(DType dtype) {
        return dtype == DType.FLOAT64 ? FLOAT64 : FLOAT32;
    }

    private Tensor map(Tensor a, DoubleUnaryOperator f) {
        double[] v = a.values();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = dtype.round(f.applyAsDouble(v[i]));
        }
        return Tensor.wrap(out, a.shape, dtype);
    }

    /** float32 sin or cos vector by vector, as the forward op computes them (Float32Math). */
    private Tensor lanes(Tensor a, boolean cos) {
        return Tensor.wrap(Float32Math.sinOrCos(a.values(), cos), a.shape, dtype);
    }

    @Override
    public Tensor constant(double c) {
        return c == 1 ? ONE : c == -1 ? MINUS_ONE : Tensor.scalar(c, dtype);
    }

    @Override
    public boolean isOne(Tensor a) {
        return a == ONE;
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        Tensor fast = ArrayKernels.binary(ElementwiseOp.ADD, a, b, dtype);
        return fast != null ? fast : Pointwise.map2(a, b, dtype, Double::sum);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        Tensor fast = ArrayKernels.binary(ElementwiseOp.SUB, a, b, dtype);
        return fast != null ? fast : Pointwise.map2(a, b, dtype, (x, y) -> x - y);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        if (b == MINUS_ONE) {
            return neg(a);
        }
        Tensor fast = ArrayKernels.binary(ElementwiseOp.MUL, a, b, dtype);
        return fast != null ? fast : Pointwise.map2(a, b, dtype, (x, y) -> x * y);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        Tensor fast = ArrayKernels.binary(ElementwiseOp.DIV, a, b, dtype);
        return fast != null ? fast : Pointwise.map2(a, b, dtype, (x, y) -> x / y);
    }

    @Override
    public Tensor neg(Tensor a) {
        return map(a, x -> -x);
    }

    @Override
    public Tensor pow(Tensor base, Tensor exponent) {
        boolean single = dtype == DType.FLOAT32;
        return Pointwise.map2(base, exponent, dtype, (x, e) -> ElementwiseOp.powLikeATen(x, e, single));
    }

    @Override
    public Tensor masked(Tensor g, Tensor mask) {
        return Pointwise.map2(g, mask, dtype, (x, m) -> m != 0 ? x : 0.0);
    }

    @Override
    public Tensor oneMinusSquare(Tensor a) {
        return dtype == DType.FLOAT32 ? map(a, x -> Math.fma((float) -x, (float) x, 1f)) : map(a, x -> Math.fma(-x, x, 1));
    }

    @Override
    public Tensor exp(Tensor a) {
        return dtype == DType.FLOAT32 ? map(a, x -> Float32Math.exp((float) x)) : map(a, Math::exp);
    }

    @Override
    public Tensor log(Tensor a) {
        return dtype == DType.FLOAT32 ? map(a, x -> Float32Math.log((float) x)) : map(a, Math::log);
    }

    @Override
    public Tensor sin(Tensor a) {
        return dtype == DType.FLOAT32 ? lanes(a, false) : map(a, Math::sin);
    }

    @Override
    public Tensor cos(Tensor a) {
        return dtype == DType.FLOAT32 ? lanes(a, true) : map(a, Math::cos);
    }

    @Override
    public Tensor sign(Tensor a) {
        return map(a, Math::signum);
    }

    @Override
    public Tensor positive(Tensor a) {
        return map(a, x -> x > 0 ? 1 : 0);
    }

    @Override
    public Tensor inRange(Tensor a, double lo, double hi) {
        return map(a, x -> x >= lo && x <= hi ? 1 : 0);
    }
}
