package org.autogradstudio.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a graph and its backward pass in one of the export formats: the command line's
 * {@code graph} command and the studio's File > Export use this same code.
 */
public final class GraphExporter {
    /** The formats; a file's extension names its format. */
    public enum Format {
        DOT, SVG, PNG, JSON, GIF;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private GraphExporter() {
    }

    /**
     * Writes {@code graph} to {@code out}.
     *
     * @param trace   the backward pass drawn on it (null: values only); a GIF needs one
     * @param scale   resolution factor of PNG and GIF (2 for slides)
     * @param topDown lay the forward pass out top to bottom instead of left to right
     * @return the scale a PNG was drawn at: {@code scale}, or less for a graph too large for an image
     * @throws IllegalArgumentException for a GIF of a graph without a backward pass
     */
    public static double write(ComputationGraph graph, BackwardTrace trace, Format format, double scale, boolean topDown,
            Path out) throws IOException {
        if (format == Format.DOT) {
            Files.writeString(out, DotExport.of(graph, trace), StandardCharsets.UTF_8);
            return scale;
        }
        GraphLayout.Layout layout = GraphLayout.of(graph, trace, topDown);
        switch (format) {
            case SVG:
                Files.writeString(out, SvgExport.of(graph, layout, trace), StandardCharsets.UTF_8);
                break;
            case PNG:
                ImageIO.write(PngExport.render(graph, layout, trace, scale), "png", out.toFile());
                return PngExport.fittedScale(layout, scale);
            case GIF:
                var frames = GifExport.frames(graph, layout, trace, scale);
                try (OutputStream os = Files.newOutputStream(out)) {
                    GifExport.write(frames, GifExport.STEP_DELAY_MS, os);
                }
                break;
            default:
                Files.writeString(out, GraphJson.of(graph, layout, trace, null), StandardCharsets.UTF_8);
        }
        return scale;
    }
}
