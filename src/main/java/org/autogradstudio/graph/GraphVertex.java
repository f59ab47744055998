package org.autogradstudio.graph;

import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;

/** A vertex of the forward view: a tensor, or the function (grad_fn) that produced one. */
public sealed interface GraphVertex permits GraphVertex.TensorVertex, GraphVertex.FunctionVertex {
    /** Unique within its graph, in the order vertices were created (leaves and inputs first). */
    int id();

    /** The text drawn in the vertex: a variable name, a literal's value, or the function's symbol. */
    String label();

    /**
     * A tensor: {@code name} is the script variable holding it, or null for an unnamed result or a
     * literal (then the label shows its value).
     */
    record TensorVertex(int id, Tensor tensor, String name, Role role) implements GraphVertex {
        @Override
        public String label() {
            if (name != null) {
                return name;
            }
            return tensor.numel() == 1 ? NumberFormat.value(tensor.getFlat(0)) : "tensor " + NumberFormat.shape(tensor.shape());
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return Integer.hashCode(id);
        }
    }

    /** An operation, drawn with a math symbol; {@code node} is its grad_fn ({@code MulBackward0}). */
    record FunctionVertex(int id, Node node, String symbol) implements GraphVertex {
        @Override
        public String label() {
            return symbol;
        }

        public String gradFnName() {
            return node.name();
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return Integer.hashCode(id);
        }
    }
}
