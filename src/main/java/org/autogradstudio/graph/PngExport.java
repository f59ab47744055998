package org.autogradstudio.graph;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.autogradstudio.graph.GraphLayout.Layout;

/** The laid-out graph drawn with Java2D (headless), at a chosen scale (2 for slides). */
public final class PngExport {
    /** Java2D cannot make an image wider or taller than this (and viewers choke well before). */
    static final int MAX_SIDE = 30_000;
    /** 40 million pixels: 160 MB as ARGB, about the most a PNG viewer opens. */
    static final double MAX_PIXELS = 40e6;

    private PngExport() {
    }

    /**
     * The scale a drawing actually gets: {@code requested}, or less when the image would exceed
     * {@link #MAX_SIDE} pixels on a side or {@link #MAX_PIXELS} in all (a graph of thousands of
     * vertices; SVG or DOT suit those better).
     */
    public static double fittedScale(Layout layout, double requested) {
        double w = Math.max(1, layout.width()), h = Math.max(1, layout.height());
        double s = Math.min(requested, Math.min(MAX_SIDE / w, MAX_SIDE / h));
        return Math.min(s, Math.sqrt(MAX_PIXELS / (w * h)));
    }

    /** Draws the graph at {@code requestedScale}, reduced by {@link #fittedScale} for huge graphs. */
    public static BufferedImage render(ComputationGraph graph, Layout layout, BackwardTrace trace, double requestedScale) {
        double scale = fittedScale(layout, requestedScale);
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
