package org.autogradstudio.ui.run;

import java.util.function.Consumer;
import org.autogradstudio.lesson.Cell;
import org.autogradstudio.lesson.CellResult;
import org.autogradstudio.ui.graph.GraphData;

/**
 * What the studio needs from a notebook kernel. {@link #run}, {@link #reset} and {@link #graph} are
 * called on the script thread only; {@link #cancel} from any thread.
 */
public interface Kernel extends AutoCloseable {
    /** Runs one cell, passing printed text to {@code output} as it is printed. */
    CellResult run(Cell cell, Consumer<String> output);

    /** Stops the running cell (a KeyboardInterrupt); harmless when none runs. */
    void cancel();

    /** Clears the namespace, as restarting a notebook kernel. */
    void reset();

    /** Receives live chart points (name, value) on the script thread; kernels without charts ignore it. */
    default void setChartListener(java.util.function.BiConsumer<String, Double> listener) {
    }

    /** The lesson's manual-vs-autograd comparisons so far (script thread); kernels without lessons have none. */
    default java.util.List<org.autogradstudio.lesson.Comparison> comparisons() {
        return java.util.List.of();
    }

    /**
     * Writes the graph {@link #graph()} draws (with its backward pass) to {@code out} with the graph
     * package's exporters (script thread). Kernels without an engine graph refuse.
     *
     * @throws IllegalStateException when there is nothing to export
     */
    default void export(org.autogradstudio.graph.GraphExporter.Format format, double scale, java.nio.file.Path out)
            throws java.io.IOException {
        throw new IllegalStateException("this kernel has no graph to export");
    }

    /** The global variables (name to value; tensors as engine tensors), script thread; none by default. */
    default java.util.Map<String, Object> variables() {
        return java.util.Map.of();
    }

    /**
     * Calls the script's function {@code name} on tensors with gradients off, script thread: the
     * tensors it returns. Kernels without an interpreter cannot.
     */
    default java.util.List<org.autogradstudio.engine.Tensor> call(String name, org.autogradstudio.engine.Tensor... args) {
        throw new UnsupportedOperationException("this kernel cannot call script functions");
    }

    /** How many backward passes the running (or last) cell has made so far. */
    default int backwardPassesInCell() {
        return 0;
    }

    /** The graph to draw after the last cell: the last backward's, else the newest tensor's. */
    GraphData graph();

    @Override
    void close();
}
