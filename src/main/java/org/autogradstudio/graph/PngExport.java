package org.autogradstudio.graph;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.autogradstudio.graph.GraphLayout.Box;
import org.autogradstudio.graph.GraphLayout.Layout;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;

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
        int w = (int) Math.ceil(layout.width() * scale);
        int h = (int) Math.ceil(layout.height() * scale);
        BufferedImage img = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.decode(Palette.BACKGROUND));
        g.fillRect(0, 0, w, h);
        g.scale(scale, scale);
        g.setStroke(new BasicStroke(1.5f));
        g.setColor(Color.decode(Palette.EDGE));
        layout.routes().values().forEach(r -> drawRoute(g, r.points()));
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, TextMetrics.FONT_SIZE);
        Font bold = plain.deriveFont(Font.BOLD);
        for (GraphVertex v : graph.vertices()) {
            Box b = layout.boxes().get(v);
            List<String> lines = VertexText.lines(graph, v, trace);
            if (v instanceof FunctionVertex) {
                g.setColor(Color.decode(Palette.FUNCTION));
                g.fill(new Ellipse2D.Double(b.x(), b.y(), b.width(), b.height()));
                g.setColor(Color.WHITE);
                g.setFont(bold);
                centred(g, lines.get(0), b.centerX(), b.centerY() + 5);
            } else {
                TensorVertex t = (TensorVertex) v;
                Color colour = Color.decode(Palette.of(t.role()));
                RoundRectangle2D box = new RoundRectangle2D.Double(b.x(), b.y(), b.width(), b.height(), 12, 12);
                g.setColor(Color.WHITE);
                g.fill(box);
                g.setColor(colour);
                g.setStroke(t.role() == Role.CONSTANT ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                        new float[] {5f, 3f}, 0f) : new BasicStroke(2f));
                g.draw(box);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    g.setFont(i == 0 ? bold : plain);
                    g.setColor(line.startsWith("grad ") ? Color.decode(Palette.GRAD) : i == 0 ? colour : Color.decode(Palette.TEXT));
                    centred(g, line, b.centerX(), b.y() + TextMetrics.PADDING / 2 + (i + 1) * TextMetrics.LINE_HEIGHT - 4);
                }
                g.setStroke(new BasicStroke(1.5f));
            }
        }
        g.dispose();
        return img;
    }

    private static void drawRoute(Graphics2D g, List<double[]> points) {
        if (points.size() < 2) {
            return;
        }
        g.setColor(Color.decode(Palette.EDGE));
        Path2D path = new Path2D.Double();
        path.moveTo(points.get(0)[0], points.get(0)[1]);
        for (int i = 1; i < points.size(); i++) {
            path.lineTo(points.get(i)[0], points.get(i)[1]);
        }
        g.draw(path);
        double[] end = points.get(points.size() - 1);
        double[] before = points.get(points.size() - 2);
        double angle = Math.atan2(end[1] - before[1], end[0] - before[0]);
        Path2D head = new Path2D.Double();
        head.moveTo(end[0], end[1]);
        head.lineTo(end[0] - 8 * Math.cos(angle - 0.4), end[1] - 8 * Math.sin(angle - 0.4));
        head.lineTo(end[0] - 8 * Math.cos(angle + 0.4), end[1] - 8 * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
    }

    private static void centred(Graphics2D g, String text, double cx, double baseline) {
        double width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (cx - width / 2), (float) baseline);
    }
}
