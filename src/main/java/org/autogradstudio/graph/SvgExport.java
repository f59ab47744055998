package org.autogradstudio.graph;

import java.util.List;
import java.util.Locale;
import org.autogradstudio.graph.GraphLayout.Box;
import org.autogradstudio.graph.GraphLayout.Layout;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;

/** A standalone SVG of the laid-out graph: names, values and gradients as text, role colours. */
public final class SvgExport {
    private SvgExport() {
    }

    public static String of(ComputationGraph graph, Layout layout, BackwardTrace trace) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"%d\">%n",
                layout.width(), layout.height(), layout.width(), layout.height(), TextMetrics.FONT_SIZE));
        s.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"%s\"/>%n",
                layout.width(), layout.height(), Palette.BACKGROUND));
        layout.routes().forEach((e, r) -> {
            StringBuilder d = new StringBuilder();
            for (double[] p : r.points()) {
                d.append(d.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, " %.1f %.1f", p[0], p[1]));
            }
            s.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(Palette.EDGE)
                    .append("\" stroke-width=\"1.5\"/>");
            s.append(arrowHead(r.points())).append('\n');
        });
        for (GraphVertex v : graph.vertices()) {
            Box b = layout.boxes().get(v);
            List<String> lines = VertexText.lines(graph, v, trace);
            if (v instanceof FunctionVertex f) {
                s.append(String.format(Locale.ROOT, "<g><title>%s</title><ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\" fill=\"%s\"/>",
                        escape(f.gradFnName()), b.centerX(), b.centerY(), b.width() / 2, b.height() / 2, Palette.FUNCTION));
                s.append(text(b.centerX(), b.centerY() + 5, "white", "bold", lines.get(0))).append("</g>\n");
            } else {
                TensorVertex t = (TensorVertex) v;
                String colour = Palette.of(t.role());
                s.append(String.format(Locale.ROOT, "<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" "
                        + "fill=\"white\" stroke=\"%s\" stroke-width=\"2\"%s/>", b.x(), b.y(), b.width(), b.height(), colour,
                        t.role() == Role.CONSTANT ? " stroke-dasharray=\"5 3\"" : ""));
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    boolean grad = line.startsWith("grad ");
                    double y = b.y() + TextMetrics.PADDING / 2 + (i + 1) * TextMetrics.LINE_HEIGHT - 4;
                    s.append(text(b.centerX(), y, grad ? Palette.GRAD : i == 0 ? colour : Palette.TEXT,
                            i == 0 ? "bold" : "normal", line));
                }
                s.append("</g>\n");
            }
        }
        return s.append("</svg>\n").toString();
    }

    /**
     * The arrow head as a plain triangle, the same as the PNG's: markers are drawn wrongly or not
     * at all by several SVG renderers (ImageMagick's, some slide tools).
     */
    private static String arrowHead(List<double[]> points) {
        if (points.size() < 2) {
            return "";
        }
        double[] end = points.get(points.size() - 1);
        double[] before = points.get(points.size() - 2);
        double angle = Math.atan2(end[1] - before[1], end[0] - before[0]);
        return String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>",
                end[0], end[1], end[0] - 8 * Math.cos(angle - 0.4), end[1] - 8 * Math.sin(angle - 0.4),
                end[0] - 8 * Math.cos(angle + 0.4), end[1] - 8 * Math.sin(angle + 0.4), Palette.EDGE);
    }

    private static String text(double x, double y, String fill, String weight, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\" font-weight=\"%s\">%s</text>",
                x, y, fill, weight, escape(content));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
