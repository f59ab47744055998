package org.autogradstudio.engine;

/**
 * {@link TensorAlgebra} for 0-d operands, step for step: the same rules of {@link ElementwiseOp}
 * evaluated on bare numbers, so the backward of a scalar chain allocates a 16-byte value per step
 * instead of a tensor with its storage. Rounding must match TensorAlgebra exactly (float32 results
 * are bit-identical to PyTorch's): binary steps cast both operands to the dtype first, as
 * {@code Pointwise.map2} does; unary steps round only the result, as {@code TensorAlgebra.map} does;
 * multiplying by the constant 1 is skipped and by -1 is a negation.
 */
final class ScalarAlgebra implements Algebra<ScalarAlgebra.Value> {
    /** One number; {@link #ONE} and {@link #MINUS_ONE} are recognised by identity, as in TensorAlgebra. */
    static final class Value {
        final double v;

        Value(double v) {
            this.v = v;
        }
    }

    static final Value ONE = new Value(1);
    static final Value MINUS_ONE = new Value(-1);
    static final ScalarAlgebra FLOAT32 = new ScalarAlgebra(DType.FLOAT32);
    static final ScalarAlgebra FLOAT64 = new ScalarAlgebra(DType.FLOAT64);

    private final boolean single;

    private ScalarAlgebra(DType dtype) {
        this.single = dtype == DType.FLOAT32;
    }

    /** The algebra that computes in {@code dtype}, as {@link TensorAlgebra#of}. */
    static ScalarAlgebra of(DType dtype) {
        return dtype == DType.FLOAT64 ? FLOAT64 : FLOAT32;
    }

    DType dtype() {
        return single ? DType.FLOAT32 : DType.FLOAT64;
    }

    private double round(double v) {
        return single ? (float) v : v;
    }

    private Value unary(double result) {
        return new Value(round(result));
    }

    /** Operands cast to the computation type, then the result rounded (Pointwise.map2). */
    private double cast(Value a) {
        return round(a.v);
    }

    @Override
    public Value constant(double c) {
        return c == 1 ? ONE : c == -1 ? MINUS_ONE : new Value(round(c));
    }

    @Override
    public boolean isOne(Value a) {
        return a == ONE;
    }

    @Override
    public Value add(Value a, Value b) {
        return new Value(round(cast(a) + cast(b)));
    }

    @Override
    public Value sub(Value a, Value b) {
        return new Value(round(cast(a) - cast(b)));
    }

    @Override
    public Value mul(Value a, Value b) {
        if (b == MINUS_ONE) {
            return neg(a);
        }
        return new Value(round(cast(a) * cast(b)));
    }

    @Override
    public Value div(Value a, Value b) {
        return new Value(round(cast(a) / cast(b)));
    }

    @Override
    public Value neg(Value a) {
        return unary(-a.v);
    }

    @Override
    public Value pow(Value base, Value exponent) {
        return new Value(round(ElementwiseOp.powLikeATen(cast(base), cast(exponent), single)));
    }

    @Override
    public Value masked(Value g, Value mask) {
        return new Value(round(mask.v != 0 ? cast(g) : 0.0));
    }

    @Override
    public Value oneMinusSquare(Value a) {
        return unary(single ? Math.fma((float) -a.v, (float) a.v, 1f) : Math.fma(-a.v, a.v, 1));
    }

    @Override
    public Value exp(Value a) {
        return unary(single ? Float32Math.exp((float) a.v) : Math.exp(a.v));
    }

    @Override
    public Value log(Value a) {
        return unary(single ? Float32Math.log((float) a.v) : Math.log(a.v));
    }

    @Override
    public Value sin(Value a) {
        return unary(single ? Float32Math.sin((float) a.v) : Math.sin(a.v));
    }

    @Override
    public Value cos(Value a) {
        return unary(single ? Float32Math.cos((float) a.v) : Math.cos(a.v));
    }

    @Override
    public Value sign(Value a) {
        return unary(Math.signum(a.v));
    }

    @Override
    public Value positive(Value a) {
        return unary(a.v > 0 ? 1 : 0);
    }

    @Override
    public Value inRange(Value a, double lo, double hi) {
        return unary(a.v >= lo && a.v <= hi ? 1 : 0);
    }
}
