package org.autogradstudio.graph;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import org.autogradstudio.graph.GraphLayout.Box;
import org.autogradstudio.graph.GraphLayout.Layout;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;

/**
 * Draws a laid-out graph with Java2D in the studio's colours, for the PNG export and the frames of
 * the animated GIF: what each vertex says and what is highlighted come from a {@link Look}.
 */
final class GraphPainter {
    /** What to draw: the text of each vertex and the highlighted (active) parts. */
    interface Look {
        List<String> lines(GraphVertex v);

        default boolean active(GraphVertex v) {
            return false;
        }

        default boolean active(GraphEdge e) {
            return false;
        }

        /** A gradient still being summed (paths meeting): drawn in italics. */
        default boolean partial(GraphVertex v) {
            return false;
        }
    }

    static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, TextMetrics.FONT_SIZE);
    static final Font BOLD = PLAIN.deriveFont(Font.BOLD);
    private static final Stroke EDGE = new BasicStroke(1.5f);
    private static final Stroke ACTIVE_EDGE = new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke BORDER = new BasicStroke(2f);
    private static final Stroke ACTIVE_BORDER = new BasicStroke(4f);
    private static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {5f, 3f}, 0f);

    private GraphPainter() {
    }

    static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /** Paints in layout coordinates (scale the graphics first). */
    static void paint(Graphics2D g, ComputationGraph graph, Layout layout, Look look) {
        layout.routes().forEach((e, r) -> {
            if (!look.active(e)) {
                drawRoute(g, r.points(), EDGE, Color.decode(Palette.EDGE), 8);
            }
        });
        layout.routes().forEach((e, r) -> {
            if (look.active(e)) {
                drawRoute(g, r.points(), ACTIVE_EDGE, Color.decode(Palette.ACTIVE), 12);
            }
        });
        for (GraphVertex v : graph.vertices()) {
            Box b = layout.boxes().get(v);
            if (v instanceof FunctionVertex) {
                drawFunction(g, b, look.lines(v).get(0), look.active(v));
            } else {
                drawTensor(g, (TensorVertex) v, b, look);
            }
        }
    }

    private static void drawFunction(Graphics2D g, Box b, String symbol, boolean active) {
        g.setColor(Color.decode(active ? Palette.ACTIVE : Palette.FUNCTION));
        g.fill(new Ellipse2D.Double(b.x(), b.y(), b.width(), b.height()));
        g.setColor(active ? Color.BLACK : Color.WHITE);
        g.setFont(BOLD);
        centred(g, symbol, b.centerX(), b.centerY() + 5);
    }

    private static void drawTensor(Graphics2D g, TensorVertex t, Box b, Look look) {
        Color colour = Color.decode(Palette.of(t.role()));
        RoundRectangle2D box = new RoundRectangle2D.Double(b.x(), b.y(), b.width(), b.height(), 12, 12);
        g.setColor(Color.WHITE);
        g.fill(box);
        boolean active = look.active(t);
        g.setColor(active ? Color.decode(Palette.ACTIVE) : colour);
        g.setStroke(active ? ACTIVE_BORDER : t.role() == Role.CONSTANT ? DASHED : BORDER);
        g.draw(box);
        List<String> lines = look.lines(t);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean grad = line.startsWith("grad ");
            g.setFont(i == 0 ? BOLD : grad && look.partial(t) ? PLAIN.deriveFont(Font.ITALIC) : PLAIN);
            g.setColor(grad ? Color.decode(Palette.GRAD) : i == 0 ? colour : Color.decode(Palette.TEXT));
            centred(g, line, b.centerX(), b.y() + TextMetrics.PADDING / 2 + (i + 1) * TextMetrics.LINE_HEIGHT - 4);
        }
    }

    private static void drawRoute(Graphics2D g, List<double[]> points, Stroke stroke, Color colour, double headLength) {
        if (points.size() < 2) {
            return;
        }
        g.setStroke(stroke);
        g.setColor(colour);
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
        head.lineTo(end[0] - headLength * Math.cos(angle - 0.4), end[1] - headLength * Math.sin(angle - 0.4));
        head.lineTo(end[0] - headLength * Math.cos(angle + 0.4), end[1] - headLength * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
    }

    static void centred(Graphics2D g, String text, double cx, double baseline) {
        double width = g.getFontMetrics().getStringBounds(text, g).getWidth();
        g.drawString(text, (float) (cx - width / 2), (float) baseline);
    }
}
