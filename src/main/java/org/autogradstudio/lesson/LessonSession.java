package org.autogradstudio.lesson;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.autogradstudio.engine.BackwardListener;
import org.autogradstudio.engine.Tensor;

/**
 * One interpreter session running a lesson's cells in a shared namespace, as a notebook kernel.
 * {@link #run} blocks: call it from a worker thread, never the UI thread. {@link #cancel} may be
 * called from any thread and stops a running cell (a {@code KeyboardInterrupt}) within 100 ms.
 * (Being wired to the interpreter: signatures are final.)
 */
public final class LessonSession implements AutoCloseable {

    /** A session whose {@code import} of helper modules ({@code studio}) also looks in {@code lessonFolder} (may be null). */
    public LessonSession(java.nio.file.Path lessonFolder) {
    }

    public LessonSession() {
        this(null);
    }

    /** Runs one cell; text the cell prints is passed to {@code output} as it is printed. */
    public CellResult run(Cell cell, Consumer<String> output) {
        throw new UnsupportedOperationException("being wired");
    }

    /** Runs a whole lesson's code cells in order, stopping at the first error. */
    public List<CellResult> runAll(Lesson lesson, Consumer<String> output) {
        throw new UnsupportedOperationException("being wired");
    }

    public void cancel() {
        throw new UnsupportedOperationException("being wired");
    }

    public boolean isRunning() {
        return false;
    }

    /** A snapshot of the global variables (name to value: Tensor, Double, Long, String, List ...). */
    public Map<String, Object> variables() {
        throw new UnsupportedOperationException("being wired");
    }

    /** Tensors held by global variables, by identity, to the variable's name: the graph's labels. */
    public Map<Tensor, String> tensorNames() {
        throw new UnsupportedOperationException("being wired");
    }

    /** The roots of the most recent {@code backward()} in this session (empty before any). */
    public List<Tensor> lastBackwardRoots() {
        throw new UnsupportedOperationException("being wired");
    }

    /** Receives the engine's backward events for passes run by this session's cells. */
    public void addBackwardListener(BackwardListener listener) {
        throw new UnsupportedOperationException("being wired");
    }

    /** Comparisons the lesson asked for with {@code studio.compare}, in order. */
    public List<Comparison> comparisons() {
        throw new UnsupportedOperationException("being wired");
    }

    /** Series the lesson charted with {@code studio.chart(name, value)} (and loss-like scalars), by name. */
    public Map<String, List<Double>> charts() {
        throw new UnsupportedOperationException("being wired");
    }

    /** Clears the namespace, as restarting a notebook kernel. */
    public void reset() {
        throw new UnsupportedOperationException("being wired");
    }

    @Override
    public void close() {
    }
}
