package org.autogradstudio.ui.graph;

import org.autogradstudio.ui.I18n;

/**
 * What a screen reader says for a vertex, in the interface language:
 * {@code w, parameter, value 1.0000, grad 6.6918}, or {@code σ, function SigmoidBackward0}.
 */
public final class VertexDescription {
    private VertexDescription() {
    }

    /** The description with {@code grad} as the gradient known now (null: none yet). */
    public static String of(VertexData v, TensorSnapshot grad) {
        if (!v.isTensor()) {
            return I18n.get("graph.a11y.function", v.symbol(), v.opName());
        }
        String title = v.title().isEmpty() ? v.reference() : v.title();
        String text = I18n.get("graph.a11y.tensor", title, I18n.get(v.role().messageKey()),
                v.value() == null ? "?" : v.value().shortText());
        return grad == null ? text : I18n.get("graph.a11y.grad", text, grad.shortText());
    }
}
