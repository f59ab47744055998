package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.List;

/**
 * An operation that only moves elements: views, reshapes, transposes, expand, indexing and
 * slicing, concatenation, clone and dtype conversion. It is described by where each output
 * element comes from (which input, which position), which gives its forward (a gather), its
 * backward (a scatter-add) and its local derivative (1 for each element it moves). The ops that
 * pick elements by a recorded list of positions (gather, index_select, flip, repeat, diag, sort,
 * topk, median along a dim) are of kind PICK; a position of -1 is a constant 0 (diag's zeros).
 */
final class StructuralRule implements LocalRule {
    enum Kind { SAME, TRANSPOSE, PERMUTE, EXPAND, INDEX, CAT, PICK }

    private final String name;
    private final Kind kind;
    private final String label;
    private final int[] outShape;
    private final int[] source;
    private final int[] position;

    StructuralRule(String name, Kind kind, String label, int[] outShape, int[] source, int[] position) {
        this.name = name;
        this.kind = kind;
        this.label = label;
        this.outShape = outShape;
        this.source = source;
        this.position = position;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Values forward(List<Values> in) {
        double[] out = new double[position.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = position[k] < 0 ? 0 : in.get(source[k]).data()[position[k]];
        }
        return new Values(outShape, out);
    }

    @Override
    public Values vjp(List<Values> in, Values out, Values g, int i) {
        double[] grad = new double[in.get(i).numel()];
        for (int k = 0; k < position.length; k++) {
            if (source[k] == i && position[k] >= 0) {
                grad[position[k]] += g.data()[k];
            }
        }
        return new Values(in.get(i).shape(), grad);
    }

    @Override
    public Values dependents(List<Values> masks, List<Values> in, int[] shape) {
        return forward(masks);
    }

    @Override
    public Dual element(DualAlgebra a, List<Expr> inExprs, Expr outExpr, List<Values> in, Values out, int i, int[] positions) {
        double[] ones = new double[positions.length];
        java.util.Arrays.fill(ones, 1);
        return new Dual(Expr.ONE, ones);
    }

    @Override
    public Expr forwardExpr(List<Expr> in, boolean tensorLevel) {
        if (kind == Kind.CAT) {
            return new Expr.Apply(TensorFn.OTHER, "cat", new ArrayList<>(in));
        }
        if (kind == Kind.PICK) {
            // which element is picked depends on the recorded positions (an index tensor, a sort):
            // the formula names the op rather than claiming the element is x's element at the same place
            return Expr.apply(TensorFn.PICK, label, in.get(0));
        }
        if (!tensorLevel) {
            return in.get(0); // an element of the result is an element of the input
        }
        switch (kind) {
            case TRANSPOSE: return Expr.apply(TensorFn.TRANSPOSE, in.get(0));
            case PERMUTE: return Expr.apply(TensorFn.OTHER, "permute", in.get(0));
            case INDEX: return Expr.apply(TensorFn.INDEX, label, in.get(0));
            default: return in.get(0);
        }
    }

    @Override
    public Expr matrixVjp(Expr g, List<Expr> in, Expr local, int i, int[] inShape, int[] outShape) {
        switch (kind) {
            case TRANSPOSE: return Expr.apply(TensorFn.TRANSPOSE, g);
            case PERMUTE: return Expr.apply(TensorFn.OTHER, "permute_back", g);
            case EXPAND: return MatrixForm.sumTo(g, inShape);
            case INDEX:
            case PICK:
                return Expr.apply(TensorFn.SCATTER, label, g);
            case CAT: return Expr.apply(TensorFn.INDEX, "part " + i, g);
            default:
                return java.util.Arrays.equals(inShape, outShape) ? g : Expr.apply(TensorFn.RESHAPE, MatrixForm.shapeLabel(inShape), g);
        }
    }
}
