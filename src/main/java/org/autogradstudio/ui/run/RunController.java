package org.autogradstudio.ui.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.autogradstudio.lesson.Cell;
import org.autogradstudio.lesson.CellResult;
import org.autogradstudio.lesson.Comparison;
import org.autogradstudio.lesson.ScriptError;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.lesson.CellModel;

/**
 * Runs cells on the {@link ScriptWorker}, one at a time, in the order asked (Run All queues every
 * code cell and stops at the first error or at Stop). All state changes happen on the FX thread;
 * the code a cell runs is the editor's text at the moment it starts.
 */
public final class RunController implements AutoCloseable {
    /** What the last finished run left: how it ended and in which cell. */
    public enum Outcome { NONE, OK, ERROR, CANCELLED }

    private final ScriptWorker worker = new ScriptWorker();
    private final Kernel kernel;
    private final ChartFeed charts = new ChartFeed();
    private final Deque<CellModel> queue = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyObjectWrapper<CellModel> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<GraphData> graph = new ReadOnlyObjectWrapper<>(this, "graph", GraphData.EMPTY);
    private final ReadOnlyObjectWrapper<List<Comparison>> comparisons = new ReadOnlyObjectWrapper<>(this, "comparisons", List.of());
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    private final ReadOnlyObjectWrapper<Long> lastDurationMillis = new ReadOnlyObjectWrapper<>(this, "lastDuration", 0L);
    private final ReadOnlyIntegerWrapper backwardPasses = new ReadOnlyIntegerWrapper(this, "backwardPasses");
    private final List<ScriptObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int executionCount;
    private long batchStart;

    public RunController(Kernel kernel) {
        this.kernel = kernel;
        kernel.setChartListener((name, value) -> {
            charts.offer(name, value);
            for (ScriptObserver o : observers) {
                observe(() -> o.onChartPoint(kernel, name));
            }
        });
    }

    private static void observe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("[studio] a script observer failed: " + e);
        }
    }

    /** Adds a watcher of the kernel that runs on the script thread (model views, samplers). */
    public void addObserver(ScriptObserver observer) {
        observers.add(observer);
    }

    /** How many backward passes the last finished cell made (its graph is the last of them). */
    public ReadOnlyIntegerProperty backwardPassesProperty() {
        return backwardPasses.getReadOnlyProperty();
    }

    /**
     * Shows a graph computed outside a cell (a what-if replay of the current one), FX thread; the
     * next finished cell replaces it as usual.
     */
    public void showGraph(GraphData g) {
        graph.set(g == null ? GraphData.EMPTY : g);
    }

    /** The live chart points of the cells run. */
    public ChartFeed charts() {
        return charts;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The cell running now (null when idle). */
    public ReadOnlyObjectProperty<CellModel> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The graph after the last finished cell. */
    public ReadOnlyObjectProperty<GraphData> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    /** The lesson's {@code studio.compare} results after the last finished cell, in order. */
    public ReadOnlyObjectProperty<List<Comparison>> comparisonsProperty() {
        return comparisons.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> lastDurationProperty() {
        return lastDurationMillis.getReadOnlyProperty();
    }

    public int queued() {
        return queue.size();
    }

    /** Queues one code cell (FX thread). */
    public void run(CellModel cell) {
        if (!cell.isCode() || queue.contains(cell) || cell == current.get()) {
            return;
        }
        if (!running.get() && queue.isEmpty()) {
            batchStart = System.nanoTime();
        }
        cell.markQueued();
        queue.add(cell);
        next();
    }

    /** Queues all these cells in order. */
    public void runAll(List<CellModel> cells) {
        for (CellModel c : cells) {
            run(c);
        }
    }

    /**
     * Runs {@code task} on the script thread after the cells queued before it, and hands its result
     * to {@code done} on the FX thread (the derivation panel and what-if sliders compute there, with the
     * engine's tensors, while the UI stays free). A failure reaches {@code failed} on the FX thread.
     */
    public <T> void submit(java.util.concurrent.Callable<T> task, java.util.function.Consumer<T> done,
            java.util.function.Consumer<Throwable> failed) {
        worker.submit(() -> {
            try {
                T value = task.call();
                Platform.runLater(() -> done.accept(value));
            } catch (Throwable t) {
                Platform.runLater(() -> failed.accept(t));
            }
        });
    }

    /**
     * Writes the graph shown now (with its backward pass) to {@code out} on the script thread, after
     * the queued cells; {@code done} or {@code failed} hear of it on the FX thread.
     */
    public void export(org.autogradstudio.graph.GraphExporter.Format format, double scale, java.nio.file.Path out,
            java.util.function.Consumer<java.nio.file.Path> done, java.util.function.Consumer<Throwable> failed) {
        submit(() -> {
            kernel.export(format, scale, out);
            return out;
        }, done, failed);
    }

    /** Stops the running cell and forgets the queued ones (FX thread). */
    public void stop() {
        clearQueue();
        if (running.get()) {
            kernel.cancel();
        }
    }

    /** Stops everything and clears the kernel's namespace. */
    public void restart() {
        stop();
        executionCount = 0;
        backwardPasses.set(0);
        graph.set(GraphData.EMPTY);
        comparisons.set(List.of());
        charts.clear();
        worker.submit(kernel::reset);
    }

    private void clearQueue() {
        for (CellModel c : queue) {
            c.markIdle();
        }
        queue.clear();
    }

    private void next() {
        if (running.get() || queue.isEmpty()) {
            return;
        }
        CellModel cell = queue.poll();
        Cell code = cell.toCell();
        running.set(true);
        current.set(cell);
        cell.markRunning(++executionCount);
        charts.beginCell();
        OutputPump pump = new OutputPump(cell::appendOutput);
        worker.submit(() -> {
            CellResult result;
            try {
                result = kernel.run(code, pump);
            } catch (Throwable t) {
                result = internalError(t);
            }
            for (ScriptObserver o : observers) {
                observe(() -> o.onCellEnd(kernel));
            }
            int passes = kernel.backwardPassesInCell();
            GraphData g = null;
            try {
                g = kernel.graph();
            } catch (Throwable t) {
                System.err.println("[studio] cannot build the graph: " + t);
            }
            List<Comparison> compared = null;
            try {
                compared = kernel.comparisons();
            } catch (Throwable t) {
                System.err.println("[studio] cannot read the comparisons: " + t);
            }
            CellResult done = result;
            GraphData drawn = g;
            List<Comparison> shown = compared;
            Platform.runLater(() -> {
                pump.drain();
                charts.drain();
                if (shown != null) {
                    comparisons.set(shown);
                }
                if (passes > 0) {
                    backwardPasses.set(passes); // a cell without backward keeps showing the last one's graph
                }
                finish(cell, done, drawn);
            });
        });
    }

    private void finish(CellModel cell, CellResult result, GraphData g) {
        cell.finish(result);
        if (g != null) {
            graph.set(g);
        }
        current.set(null);
        running.set(false);
        if (!result.ok() || result.cancelled()) {
            clearQueue();
        }
        if (queue.isEmpty()) {
            lastDurationMillis.set((System.nanoTime() - batchStart) / 1_000_000);
            outcome.set(result.cancelled() ? Outcome.CANCELLED : result.ok() ? Outcome.OK : Outcome.ERROR);
        }
        next();
    }

    /** A Java exception escaping the kernel is a bug, shown in the cell instead of losing the app. */
    static CellResult internalError(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String type = t.getClass().getSimpleName();
        return new CellResult("", null, new ScriptError(type, String.valueOf(t.getMessage()), 0, 0, w.toString()), false);
    }

    @Override
    public void close() {
        stop();
        worker.close();
        kernel.close();
    }
}
