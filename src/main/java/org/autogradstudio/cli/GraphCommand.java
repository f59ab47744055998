package org.autogradstudio.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.autogradstudio.graph.DotExport;
import org.autogradstudio.graph.GraphJson;
import org.autogradstudio.graph.GraphLayout;
import org.autogradstudio.graph.PngExport;
import org.autogradstudio.graph.SvgExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graph FILE.py --format dot|svg|png|json -o OUT [--tensor NAME]}: the graph, headless. */
@Command(name = "graph", description = "Draws the computation graph of a script's last backward pass (or of a named tensor).")
final class GraphCommand implements Callable<Integer> {
    enum Format { dot, svg, png, json }

    @Parameters(index = "0", paramLabel = "FILE", description = "the .py script or lesson")
    Path file;

    @Option(names = "--format", defaultValue = "svg", description = "dot, svg, png or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, required = true, description = "the file to write")
    Path output;

    @Option(names = "--tensor", description = "draw the graph behind this variable instead of the last backward's")
    String tensor;

    @Option(names = "--top-down", description = "lay the forward pass out top to bottom")
    boolean topDown;

    @Option(names = "--scale", defaultValue = "2", description = "PNG resolution factor (default: ${DEFAULT-VALUE})")
    double scale;

    @Override
    public Integer call() throws Exception {
        ScriptGraph s;
        try {
            s = ScriptGraph.run(file, tensor, System.err);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        if (format == Format.dot) {
            Files.writeString(output, DotExport.of(s.graph, s.trace), StandardCharsets.UTF_8);
            return 0;
        }
        GraphLayout.Layout layout = GraphLayout.of(s.graph, s.trace, topDown);
        switch (format) {
            case svg:
                Files.writeString(output, SvgExport.of(s.graph, layout, s.trace), StandardCharsets.UTF_8);
                break;
            case png:
                double fitted = PngExport.fittedScale(layout, scale);
                if (fitted < scale) {
                    System.err.printf(java.util.Locale.ROOT, "note: %d vertices are too many for a PNG at scale %s; drawn at scale %.4f"
                            + " (use --format svg or dot for large graphs)%n", s.graph.vertexCount(), scale, fitted);
                }
                ImageIO.write(PngExport.render(s.graph, layout, s.trace, scale), "png", output.toFile());
                break;
            default:
                Files.writeString(output, GraphJson.of(s.graph, layout, s.trace, null), StandardCharsets.UTF_8);
        }
        return 0;
    }
}
