package org.autogradstudio.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.autogradstudio.graph.GraphExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code graph FILE.py --format dot|svg|png|json|gif -o OUT [--tensor NAME]}: the graph, headless;
 * {@code gif} (or {@code --animate}) is the backward pass animated, one frame per step.
 */
@Command(name = "graph", description = "Draws the computation graph of a script's last backward pass (or of a named tensor).")
final class GraphCommand implements Callable<Integer> {
    enum Format { dot, svg, png, json, gif }

    @Parameters(index = "0", paramLabel = "FILE", description = "the .py script or lesson")
    Path file;

    @Option(names = "--format", defaultValue = "svg", description = "dot, svg, png, json or gif (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, required = true, description = "the file to write")
    Path output;

    @Option(names = "--tensor", description = "draw the graph behind this variable instead of the last backward's")
    String tensor;

    @Option(names = "--top-down", description = "lay the forward pass out top to bottom")
    boolean topDown;

    @Option(names = "--scale", defaultValue = "2", description = "PNG and GIF resolution factor (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--animate", description = "the backward pass as an animated GIF, one frame per step (--format gif)")
    boolean animate;

    @Override
    public Integer call() throws Exception {
        ScriptGraph s;
        try {
            s = ScriptGraph.run(file, tensor, System.err);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        Format chosen = animate ? Format.gif : format;
        try {
            double drawn = GraphExporter.write(s.graph, s.trace, GraphExporter.Format.valueOf(chosen.name().toUpperCase(Locale.ROOT)),
                    scale, topDown, output);
            if (drawn < scale) {
                System.err.printf(Locale.ROOT, "note: %d vertices are too many for a PNG at scale %s; drawn at scale %.4f"
                        + " (use --format svg or dot for large graphs)%n", s.graph.vertexCount(), scale, drawn);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        return 0;
    }
}
