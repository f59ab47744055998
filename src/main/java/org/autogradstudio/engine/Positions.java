package org.autogradstudio.engine;

/**
 * Elements moved by flat positions: a pick ({@code out[i] = in[positions[i]]}, what indexing
 * records) and its adjoint, the scatter ({@code in[positions[i]] += out[i]}), which is the pick's
 * backward, whose backward is the pick again. Held as the rules of the nodes, so a backward with
 * {@code create_graph=True} can record either one and differentiate it any number of times.
 */
final class Positions {
    private Positions() {
    }

    /** The backward of a pick: the gradient scattered back to the picked input's shape. */
    record Scatter(int[] positions, int[] inShape) implements FunctionNode.Rule {
        @Override
        public Tensor[] backward(FunctionNode node, Tensor g) {
            return new Tensor[] {scatter(g, positions, inShape)};
        }
    }

    /** The backward of a scatter: the gradient picked at the positions, in the scattered tensor's shape. */
    record Pick(int[] positions, int[] outShape) implements FunctionNode.Rule {
        @Override
        public Tensor[] backward(FunctionNode node, Tensor g) {
            return new Tensor[] {pick(g, positions, outShape)};
        }
    }

    static Tensor scatter(Tensor g, int[] positions, int[] shape) {
        double[] gv = g.values();
        double[] out = new double[Shape.numel(shape)];
        for (int i = 0; i < positions.length; i++) {
            out[positions[i]] += gv[i];
        }
        return Tensor.wrap(out, shape, g.dtype());
    }

    static Tensor pick(Tensor g, int[] positions, int[] shape) {
        double[] gv = g.values();
        double[] out = new double[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = gv[positions[i]];
        }
        return Tensor.wrap(out, shape.clone(), g.dtype());
    }

    /** {@link #scatter}, recorded under {@code name} (its backward a pick). */
    static Tensor scatterRecorded(Tensor g, int[] positions, int[] shape, String name) {
        Tensor out = scatter(g, positions, shape);
        if (Autograd.needed(g)) {
            Autograd.record(out, name, new Tensor[] {g}, Autograd.NOTHING, new Pick(positions, g.shape.clone()));
        }
        return out;
    }

    /** {@link #pick}, recorded under {@code name} (its backward a scatter). */
    static Tensor pickRecorded(Tensor g, int[] positions, int[] shape, String name) {
        Tensor out = pick(g, positions, shape);
        if (Autograd.needed(g)) {
            Autograd.record(out, name, new Tensor[] {g}, Autograd.NOTHING, new Scatter(positions, g.shape.clone()));
        }
        return out;
    }
}
