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
        Tensor current = variable.grad();
        if (current == null) {
            current = incoming.toDType(variable.dtype()).contiguousCopy();
            variable.setGradUnchecked(current);
        } else {
            current.addInPlaceUnchecked(incoming);
        }
        return current;
    }
}
