package org.autogradstudio.graph;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.List;

/**
 * Text sizes for laying out vertices, measured with the same sans-serif font the exports draw with
 * (java.awt works headless), so boxes fit their labels.
 */
public final class TextMetrics {
    public static final int FONT_SIZE = 14;
    public static final double LINE_HEIGHT = 18;
    public static final double PADDING = 10;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE);
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private TextMetrics() {
    }

    public static double width(String text) {
        return FONT.getStringBounds(text, CONTEXT).getWidth();
    }

    /** Width and height of a box holding these lines. */
    public static double[] box(List<String> lines, boolean function) {
        double w = 0;
        for (String l : lines) {
            w = Math.max(w, width(l));
        }
        if (function) {
            double d = Math.max(36, w + PADDING);
            return new double[] {d, 36};
        }
        return new double[] {Math.max(56, w + 2 * PADDING), lines.size() * LINE_HEIGHT + PADDING};
    }
}
