package org.autogradstudio.graph;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.autogradstudio.graph.GraphLayout.Layout;
import org.autogradstudio.graph.GraphLayout.Route;
import org.autogradstudio.graph.GraphVertex.TensorVertex;

/**
 * The backward pass as an animated GIF for slides: one frame per step of the {@link BackwardTrace},
 * the step's edge highlighted with {@code upstream × local = product} on it, gradients filling in,
 * a caption line under the graph. Drawn headless with Java2D like {@link PngExport}; written with
 * the JDK's GIF writer (frame delays and endless looping set in its metadata).
 */
public final class GifExport {
    /** The caption strip under the graph, in layout units. */
    public static final double CAPTION_HEIGHT = 30;
    /** A pass with more steps than this is not animated (a slide would not show it anyway). */
    public static final int MAX_FRAMES = 400;
    public static final int STEP_DELAY_MS = 1200;
    public static final int LAST_DELAY_MS = 3000;
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifExport() {
    }

    /** The frames, one per backward step, each {@code scale} times the layout (plus the caption strip). */
    public static List<BufferedImage> frames(ComputationGraph graph, Layout layout, BackwardTrace trace, double scale) {
        if (trace == null || trace.steps().isEmpty()) {
            throw new IllegalArgumentException("no backward pass to animate: the script must call backward()");
        }
        List<BackwardFrame> frames = BackwardFrames.of(graph, trace);
        if (frames.size() > MAX_FRAMES) {
            throw new IllegalArgumentException("the backward pass has " + frames.size() + " steps; at most "
                    + MAX_FRAMES + " are animated");
        }
        List<BufferedImage> images = new ArrayList<>(frames.size());
        for (BackwardFrame f : frames) {
            images.add(render(graph, layout, f, scale));
        }
        return images;
    }

    public static BufferedImage render(ComputationGraph graph, Layout layout, BackwardFrame frame, double scale) {
        BufferedImage img = PngExport.blank(layout.width(), layout.height() + CAPTION_HEIGHT, scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        GraphPainter.prepare(g);
        g.scale(scale, scale);
        GraphPainter.paint(g, graph, layout, new GraphPainter.Look() {
            @Override
            public List<String> lines(GraphVertex v) {
                return VertexText.lines(v, v instanceof TensorVertex t ? frame.grads().get(t) : null);
            }

            @Override
            public boolean active(GraphVertex v) {
                return v == frame.function() || v == frame.tensor();
            }

            @Override
            public boolean active(GraphEdge e) {
                return e == frame.edge();
            }

            @Override
            public boolean partial(GraphVertex v) {
                return v instanceof TensorVertex t && frame.grads().containsKey(t) && !frame.complete().contains(t);
            }
        });
        if (frame.edge() != null) {
            Route route = layout.routes().get(frame.edge());
            if (route != null) {
                placePill(g, layout, frame, route);
            }
        }
        g.setColor(Color.decode(Palette.TEXT));
        g.setFont(GraphPainter.BOLD);
        g.drawString(frame.caption(), 12f, (float) (layout.height() + CAPTION_HEIGHT / 2 - 2));
        g.dispose();
        return img;
    }

    /** The point half-way along a polyline. */
    private static double[] middle(List<double[]> points) {
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            total += dist(points.get(i - 1), points.get(i));
        }
        double left = total / 2;
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1), b = points.get(i);
            double d = dist(a, b);
            if (d >= left && d > 0) {
                double t = left / d;
                return new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])};
            }
            left -= d;
        }
        return points.get(points.size() - 1);
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(b[0] - a[0], b[1] - a[1]);
    }

    /**
     * The equation on the active edge, black on the active colour as the studio shows it: beside the
     * edge's middle, or above or below the tensor it reaches, wherever it covers no vertex (when
     * nowhere, the caption line alone carries it).
     */
    private static void placePill(Graphics2D g, Layout layout, BackwardFrame frame, Route route) {
        g.setFont(GraphPainter.BOLD);
        String text = frame.equation();
        double w = g.getFontMetrics().getStringBounds(text, g).getWidth() + 12;
        double h = TextMetrics.LINE_HEIGHT + 4;
        double[] mid = middle(route.points());
        List<double[]> centres = new ArrayList<>();
        for (double dy : new double[] {-16, 16, -30, 30}) {
            centres.add(new double[] {mid[0], mid[1] + dy});
        }
        GraphLayout.Box t = layout.boxes().get(frame.tensor());
        if (t != null) {
            centres.add(new double[] {t.centerX(), t.y() - h / 2 - 4});
            centres.add(new double[] {t.centerX(), t.y() + t.height() + h / 2 + 4});
        }
        for (double[] c : centres) {
            Rectangle2D pill = new Rectangle2D.Double(c[0] - w / 2, c[1] - h / 2, w, h);
            if (fits(pill, layout)) {
                g.setColor(Color.decode(Palette.ACTIVE));
                g.fill(new RoundRectangle2D.Double(pill.getX(), pill.getY(), w, h, 8, 8));
                g.setColor(Color.BLACK);
                GraphPainter.centred(g, text, c[0], c[1] + 5);
                return;
            }
        }
    }

    private static boolean fits(Rectangle2D pill, Layout layout) {
        if (pill.getMinX() < 0 || pill.getMinY() < 0 || pill.getMaxX() > layout.width() || pill.getMaxY() > layout.height()) {
            return false;
        }
        for (GraphLayout.Box b : layout.boxes().values()) {
            if (pill.intersects(b.x() - 2, b.y() - 2, b.width() + 4, b.height() + 4)) {
                return false;
            }
        }
        return true;
    }

    /** Writes the frames as a looping GIF: {@code stepDelayMs} per frame, the last one held longer. */
    public static void write(List<BufferedImage> frames, int stepDelayMs, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage img = frames.get(i);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
                int delay = i == frames.size() - 1 ? Math.max(stepDelayMs, LAST_DELAY_MS) : stepDelayMs;
                configure(meta, delay, i == 0);
                writer.writeToSequence(new IIOImage(img, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** Frame delay (in hundredths of a second) and, on the first frame, the NETSCAPE2.0 loop-forever block. */
    private static void configure(IIOMetadata meta, int delayMs, boolean first) throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", String.format(Locale.ROOT, "%d", Math.max(1, delayMs / 10)));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {0x1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
