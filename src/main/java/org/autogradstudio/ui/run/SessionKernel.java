package org.autogradstudio.ui.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.BackwardTrace;
import org.autogradstudio.graph.ComputationGraph;
import org.autogradstudio.graph.GraphExporter;
import org.autogradstudio.lesson.Cell;
import org.autogradstudio.lesson.CellResult;
import org.autogradstudio.lesson.LessonSession;
import org.autogradstudio.ui.graph.EngineGraphBuilder;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.graph.TraceRecorder;

/** The real kernel: a {@link LessonSession} (the interpreter) plus a recorder of its backward passes. */
public final class SessionKernel implements Kernel {
    private final LessonSession session = new LessonSession();
    private final TraceRecorder recorder = new TraceRecorder();
    /** For File > Export: kept no longer than the animation's events, since a longer pass is never exported with it. */
    private final BackwardTrace trace = new BackwardTrace(TraceRecorder.MAX_EVENTS);
    /** Exports of larger graphs are left to the command line (the layout would hold the script thread up). */
    static final int MAX_EXPORT_VERTICES = 3000;
    /** Backward passes since the session started, and at the start of the running cell. */
    private final java.util.concurrent.atomic.AtomicInteger passes = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int passesAtCellStart;

    public SessionKernel() {
        session.addBackwardListener(recorder);
        session.addBackwardListener(trace);
        session.addBackwardListener(new org.autogradstudio.engine.BackwardListener() {
            @Override
            public void onBackwardStart(Tensor[] roots, Tensor[] gradients) {
                passes.incrementAndGet();
            }
        });
    }

    @Override
    public CellResult run(Cell cell, Consumer<String> output) {
        passesAtCellStart = passes.get();
        return session.run(cell, output);
    }

    @Override
    public int backwardPassesInCell() {
        return passes.get() - passesAtCellStart;
    }

    @Override
    public Map<String, Object> variables() {
        return session.variables();
    }

    @Override
    public List<Tensor> call(String name, Tensor... args) {
        return session.callFunction(name, args);
    }

    @Override
    public void setChartListener(java.util.function.BiConsumer<String, Double> listener) {
        session.setChartListener(listener);
    }

    @Override
    public void cancel() {
        session.cancel();
    }

    @Override
    public void reset() {
        recorder.clear();
        session.reset();
    }

    @Override
    public List<org.autogradstudio.lesson.Comparison> comparisons() {
        return session.comparisons();
    }

    /** What to draw: the last backward's roots, or a newer tensor (forward only, {@code backward} false). */
    private record Drawn(List<Tensor> roots, Map<Tensor, String> names, boolean backward) {
    }

    private Drawn drawn() {
        Map<Tensor, String> names = session.tensorNames();
        List<Tensor> roots = new ArrayList<>(session.lastBackwardRoots());
        Tensor newest = EngineGraphBuilder.newest(names.keySet());
        long rootSeq = -1;
        for (Tensor r : roots) {
            if (r.gradFn() != null) {
                rootSeq = Math.max(rootSeq, r.gradFn().sequenceNr());
            }
        }
        if (newest != null && newest.gradFn().sequenceNr() > rootSeq) {
            // a graph newer than the last backward: show it (forward only)
            return new Drawn(List.of(newest), names, false);
        }
        return new Drawn(roots, names, true);
    }

    @Override
    public GraphData graph() {
        Drawn d = drawn();
        return EngineGraphBuilder.build(d.roots(), d.names(), d.backward() ? recorder.lastPass() : null);
    }

    @Override
    public void export(GraphExporter.Format format, double scale, Path out) throws IOException {
        Drawn d = drawn();
        if (d.roots().isEmpty()) {
            throw new IllegalStateException("no graph yet: run a cell that computes with tensors");
        }
        ComputationGraph graph = ComputationGraph.of(d.roots(), d.names());
        if (graph.vertexCount() > MAX_EXPORT_VERTICES) {
            throw new IllegalStateException("the graph has " + graph.vertexCount() + " vertices; the studio exports at most "
                    + MAX_EXPORT_VERTICES + " (the command line has no limit)");
        }
        boolean traced = d.backward() && trace.isComplete() && trace.roots().equals(d.roots());
        if (format == GraphExporter.Format.GIF && d.backward() && trace.overflowed()) {
            throw new IllegalStateException("the last backward pass had more than " + TraceRecorder.MAX_EVENTS
                    + " steps; the studio animates and exports shorter ones (the command line has no limit)");
        }
        GraphExporter.write(graph, traced ? trace : null, format, scale, false, out);
    }

    @Override
    public void close() {
        session.close();
    }
}
