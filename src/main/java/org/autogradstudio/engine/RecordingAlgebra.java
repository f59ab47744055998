package org.autogradstudio.engine;

/**
 * {@link Algebra} over tensors whose every arithmetic step is a recorded operation, so a gradient
 * built from {@link ElementwiseOp}'s derivative table has a graph of its own and can be
 * differentiated again ({@code create_graph=True}). The masks of relu, clamp and abs are not
 * differentiable (their derivative is zero almost everywhere) and are computed as plain tensors,
 * as PyTorch's backward formulas compute them.
 */
final class RecordingAlgebra implements Algebra<Tensor> {
    static final RecordingAlgebra INSTANCE = new RecordingAlgebra();
    /** The constant 1, known by identity so the chain rule skips multiplying by it. */
    private static final Tensor ONE = Tensor.wrappedNumber(1, true);
    /** PyTorch's name of the node a masked gradient records (relu's {@code threshold_backward}). */
    static final String MASKED = "ThresholdBackwardBackward0";

    private RecordingAlgebra() {
    }

    @Override
    public Tensor constant(double c) {
        return c == 1 ? ONE : Tensor.wrappedNumber(c, true);
    }

    @Override
    public boolean isOne(Tensor a) {
        return a == ONE;
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return Pointwise.binary(ElementwiseOp.ADD, a, b);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return Pointwise.binary(ElementwiseOp.SUB, a, b);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return Pointwise.binary(ElementwiseOp.MUL, a, b);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return Pointwise.binary(ElementwiseOp.DIV, a, b);
    }

    @Override
    public Tensor neg(Tensor a) {
        return Pointwise.unary(ElementwiseOp.NEG, a);
    }

    /** A constant exponent is {@code x.pow(number)} (PowBackward0), as PyTorch's formulas write it. */
    @Override
    public Tensor pow(Tensor base, Tensor exponent) {
        if (exponent.wrappedNumber && !exponent.requiresGrad) {
            return Pointwise.powScalar(base, exponent.item());
        }
        return Pointwise.pow(base, exponent);
    }

    @Override
    public Tensor exp(Tensor a) {
        return Pointwise.unary(ElementwiseOp.EXP, a);
    }

    @Override
    public Tensor log(Tensor a) {
        return Pointwise.unary(ElementwiseOp.LOG, a);
    }

    @Override
    public Tensor sin(Tensor a) {
        return Pointwise.unary(ElementwiseOp.SIN, a);
    }

    @Override
    public Tensor cos(Tensor a) {
        return Pointwise.unary(ElementwiseOp.COS, a);
    }

    @Override
    public Tensor sign(Tensor a) {
        return TensorAlgebra.of(a.dtype()).sign(a);
    }

    @Override
    public Tensor positive(Tensor a) {
        return TensorAlgebra.of(a.dtype()).positive(a);
    }

    @Override
    public Tensor inRange(Tensor a, double lo, double hi) {
        return TensorAlgebra.of(a.dtype()).inRange(a, lo, hi);
    }

    /**
     * A selection, not a product (a negative gradient gives 0 where the mask is 0, not -0),
     * recorded as PyTorch records relu's differentiable backward; its own gradient is the same
     * selection, so it can be differentiated any number of times.
     */
    @Override
    public Tensor masked(Tensor g, Tensor mask) {
        Tensor out = TensorAlgebra.of(g.dtype()).masked(g, mask);
        if (Autograd.needed(g)) {
            Autograd.record(out, MASKED, new Tensor[] {g}, new Tensor[] {mask}, (node, grad) -> new Tensor[] {
                    TensorAlgebra.of(grad.dtype()).masked(grad, node.saved(0))});
        }
        return out;
    }
}
