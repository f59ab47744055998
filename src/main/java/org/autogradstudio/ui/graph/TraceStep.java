package org.autogradstudio.ui.graph;

/**
 * One step of a recorded backward pass, replayed from the engine's own events:
 * <ul>
 * <li>{@code SEED}: the pass starts at {@code vertex} (a root tensor) with gradient {@code product};</li>
 * <li>{@code NODE}: the function {@code vertex} runs with {@code upstream}, the complete gradient of
 * its output tensor {@code target};</li>
 * <li>{@code EDGE}: a gradient crosses forward edge {@code edge} backwards from function {@code vertex}
 * to tensor {@code target}: {@code upstream × local = product}; {@code sum} is the target's running
 * sum after it and {@code terms} how many gradients it has summed so far ({@code +=} when above 1);</li>
 * <li>{@code ACCUMULATE}: leaf {@code target}'s {@code .grad} becomes {@code sum} after adding
 * {@code product} ({@code terms} above 1 when it already held a gradient).</li>
 * </ul>
 * {@code local} is null where it is not a number per element (e.g. matmul), and then only the product is shown.
 */
public record TraceStep(Kind kind, String vertex, String target, String edge, TensorSnapshot upstream,
        TensorSnapshot local, TensorSnapshot product, TensorSnapshot sum, int terms) {
    public enum Kind { SEED, NODE, EDGE, ACCUMULATE }

    /** The label of an edge step: {@code upstream × local = product}. */
    public String equation() {
        if (kind != Kind.EDGE) {
            return product == null ? "" : product.shortText();
        }
        String p = product == null ? "?" : product.shortText();
        if (upstream != null && local != null) {
            return upstream.shortText() + " \u00d7 " + local.shortText() + " = " + p;
        }
        return (upstream == null ? "?" : upstream.shortText()) + " \u00d7 \u2202 = " + p;
    }
}
