package org.autogradstudio.graph;

import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;

/**
 * The lines of text a vertex shows, shared by the layout (to size boxes) and every exporter: a
 * tensor's name, its value (or shape) and its gradient; a function's symbol and grad_fn name.
 * Gradients come from {@code .grad} for leaves and from the backward trace for the other tensors.
 */
public final class VertexText {
    private VertexText() {
    }

    public static List<String> lines(ComputationGraph graph, GraphVertex v, BackwardTrace trace) {
        return lines(v, v instanceof TensorVertex t ? gradient(graph, t, trace) : null);
    }

    /** The lines of a vertex showing {@code grad} as its gradient (none when null). */
    public static List<String> lines(GraphVertex v, Tensor grad) {
        List<String> lines = new ArrayList<>();
        if (v instanceof FunctionVertex f) {
            lines.add(f.symbol());
            return lines;
        }
        TensorVertex t = (TensorVertex) v;
        Tensor tensor = t.tensor();
        lines.add(t.label());
        if (tensor == null) {
            return lines;
        }
        if (t.name() != null || tensor.numel() != 1) {
            // an unnamed tensor's label is already its shape
            lines.add(valueText(tensor, t.name() != null));
        }
        if (grad != null) {
            lines.add("grad " + valueText(grad, false));
        }
        return lines;
    }

    /** The gradient to show: a leaf's .grad, else what the trace saw arrive at the tensor's grad_fn. */
    public static Tensor gradient(ComputationGraph graph, TensorVertex t, BackwardTrace trace) {
        Tensor tensor = t.tensor();
        if (tensor == null) {
            return null;
        }
        if (tensor.gradFn() == null) {
            return tensor.grad();
        }
        if (trace != null) {
            Tensor g = trace.gradientAt(tensor.gradFn());
            if (g != null) {
                return g;
            }
        }
        return tensor.grad();
    }

    /**
     * A scalar's value, up to four values in brackets, else (the shape and) the first three values:
     * {@code [6×3] 0.1540, -0.2207, 1.0012, …}.
     */
    /** Compact, for equations on edges: a scalar, up to four values, else just the shape ({@code tensor [6×1]}). */
    static String valueText(Tensor t) {
        return t.numel() <= 4 ? valueText(t, false) : "tensor " + NumberFormat.shape(t.shape());
    }

    static String valueText(Tensor t, boolean withShape) {
        if (t.numel() == 1) {
            return NumberFormat.value(t.getFlat(0));
        }
        if (t.numel() <= 4) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < t.numel(); i++) {
                s.append(i > 0 ? ", " : "").append(NumberFormat.value(t.getFlat(i)));
            }
            return s.append(']').toString();
        }
        StringBuilder s = new StringBuilder(withShape ? NumberFormat.shape(t.shape()) + " " : "");
        for (int i = 0; i < 3; i++) {
            s.append(NumberFormat.value(t.getFlat(i))).append(", ");
        }
        return s.append('…').toString();
    }
}
