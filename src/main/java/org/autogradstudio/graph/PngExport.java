package org.autogradstudio.graph;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.autogradstudio.graph.GraphLayout.Layout;

/** The laid-out graph drawn with Java2D (headless), at a chosen scale (2 for slides). */
public final class PngExport {
    private PngExport() {
    }

    public static BufferedImage render(ComputationGraph graph, Layout layout, BackwardTrace trace, double scale) {
        BufferedImage img = blank(layout.width(), layout.height(), scale, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        GraphPainter.prepare(g);
        g.scale(scale, scale);
        GraphPainter.paint(g, graph, layout, v -> VertexText.lines(graph, v, trace));
        g.dispose();
        return img;
    }

    /** An image of {@code width × height} layout units times {@code scale}, filled with the background. */
    static BufferedImage blank(double width, double height, double scale, int type) {
        int w = Math.max(1, (int) Math.ceil(width * scale));
        int h = Math.max(1, (int) Math.ceil(height * scale));
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.decode(Palette.BACKGROUND));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }
}
