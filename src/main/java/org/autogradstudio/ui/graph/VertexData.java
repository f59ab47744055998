package org.autogradstudio.ui.graph;

/**
 * One drawn vertex, laid out: a tensor (name, value, grad) or a function ({@code grad_fn} name and
 * its symbol). {@code order} is its place in the forward execution (the creating node's sequence
 * number; leaves just before their first use). Coordinates are the box's top-left corner.
 */
public record VertexData(String id, VertexKind kind, Role role, String name, String symbol, String opName,
        TensorSnapshot value, TensorSnapshot grad, boolean isLeaf, boolean requiresGrad, double order,
        double x, double y, double width, double height) {

    public boolean isTensor() {
        return kind == VertexKind.TENSOR;
    }

    /** A leaf the learner can differentiate with respect to (the derivation panel's choices). */
    public boolean isParameter() {
        return role == Role.PARAMETER;
    }

    /** The label shown for the vertex: its variable name, else its value for a literal, else its op. */
    public String title() {
        if (name != null && !name.isEmpty()) {
            return name;
        }
        if (kind == VertexKind.FUNCTION) {
            return symbol;
        }
        return role == Role.CONSTANT && value != null && value.isSingle() ? value.shortText() : "";
    }

    /** A literal ({@code 1} in {@code 1 - y}): its title is its value, shown once. */
    public boolean isLiteral() {
        return kind == VertexKind.TENSOR && (name == null || name.isEmpty()) && role == Role.CONSTANT && value != null
                && value.isSingle();
    }

    /** How captions refer to the vertex: its title, or {@code clamp(…)} for an unnamed result. */
    public String reference() {
        String t = title();
        if (!t.isEmpty()) {
            return t;
        }
        return opName != null ? org.autogradstudio.graph.FunctionSymbols.of(opName) + "(\u2026)" : value != null ? value.shortText() : id;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public VertexData at(double nx, double ny) {
        return new VertexData(id, kind, role, name, symbol, opName, value, grad, isLeaf, requiresGrad, order, nx, ny, width, height);
    }

    public VertexData sized(double w, double h) {
        return new VertexData(id, kind, role, name, symbol, opName, value, grad, isLeaf, requiresGrad, order, x, y, w, h);
    }
}
