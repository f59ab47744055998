package org.autogradstudio.engine;

/** The sink at each leaf that requires grad: adds incoming gradients into {@code variable.grad}. */
public final class AccumulateGrad extends Node {
    private final Tensor variable;

    AccumulateGrad(Tensor variable) {
        // PyTorch gives AccumulateGrad the largest sequence number so leaves are fed as soon as ready.
        super(Long.MAX_VALUE);
        this.variable = variable;
    }

    public Tensor variable() {
        return variable;
    }

    @Override
    public String name() {
        return "AccumulateGrad";
    }

    @Override
    public Tensor output() {
        return variable;
    }

    @Override
    protected Tensor[] apply(Tensor grad) {
        throw new IllegalStateException("AccumulateGrad is run by the engine");
    }

    /** Adds {@code incoming} into the leaf's grad and returns the new total. */
    Tensor accumulate(Tensor incoming) {
        return accumulate(incoming, false);
    }

    /**
     * Adds {@code incoming} into the leaf's grad and returns the new total. With {@code recorded}
     * (create_graph=True) the grad is PyTorch's differentiable one: a recorded clone of the first
     * gradient, then a recorded sum (not an in-place add) with each later one.
     */
    Tensor accumulate(Tensor incoming, boolean recorded) {
        Tensor current = variable.grad();
        if (recorded) {
            Tensor cast = incoming.dtype() == variable.dtype() ? incoming : incoming.toDType(variable.dtype());
            Tensor total = current == null ? copyRecorded(cast) : Pointwise.binary(ElementwiseOp.ADD, current, cast);
            variable.setGradUnchecked(total);
            return total;
        }
        if (current == null) {
            current = incoming.toDType(variable.dtype()).contiguousCopy();
            variable.setGradUnchecked(current);
        } else {
            current.addInPlaceUnchecked(incoming);
        }
        return current;
    }

    /** A recorded copy, as PyTorch's AccumulateGrad copies a first gradient into a new tensor ({@code CopyBackwards}). */
    private static Tensor copyRecorded(Tensor g) {
        Tensor copy = g.contiguousCopy();
        if (Autograd.needed(g)) {
            Autograd.record(copy, "CopyBackwards", new Tensor[] {g}, Autograd.NOTHING, (node, grad) -> new Tensor[] {grad});
        }
        return copy;
    }
}
