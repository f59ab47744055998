package org.autogradstudio.ui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.autogradstudio.engine.Engine;
import org.autogradstudio.engine.Tensor;
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
    private boolean globalListener;
    /** Backward passes since the session started, and at the start of the running cell. */
    private final java.util.concurrent.atomic.AtomicInteger passes = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int passesAtCellStart;

    public SessionKernel() {
        try {
            session.addBackwardListener(recorder);
            session.addBackwardListener(new org.autogradstudio.engine.BackwardListener() {
                @Override
                public void onBackwardStart(Tensor[] roots, Tensor[] gradients) {
                    passes.incrementAndGet();
                }
            });
        } catch (UnsupportedOperationException notYet) {
            // the session is not wired to the interpreter yet: listen to the engine directly
            Engine.addListener(recorder);
            globalListener = true;
        }
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
        try {
            session.cancel();
        } catch (UnsupportedOperationException notYet) {
            // nothing runs that could be cancelled
        }
    }

    @Override
    public void reset() {
        recorder.clear();
        try {
            session.reset();
        } catch (UnsupportedOperationException notYet) {
            // nothing to clear yet
        }
    }

    @Override
    public List<org.autogradstudio.lesson.Comparison> comparisons() {
        return session.comparisons();
    }

    @Override
    public GraphData graph() {
        Map<Tensor, String> names = session.tensorNames();
        List<Tensor> roots = new ArrayList<>(session.lastBackwardRoots());
        TraceRecorder.Pass pass = recorder.lastPass();
        Tensor newest = EngineGraphBuilder.newest(names.keySet());
        long rootSeq = -1;
        for (Tensor r : roots) {
            if (r.gradFn() != null) {
                rootSeq = Math.max(rootSeq, r.gradFn().sequenceNr());
            }
        }
        if (newest != null && newest.gradFn().sequenceNr() > rootSeq) {
            // a graph newer than the last backward: show it (forward only)
            return EngineGraphBuilder.build(List.of(newest), names, null);
        }
        return EngineGraphBuilder.build(roots, names, pass);
    }

    @Override
    public void close() {
        if (globalListener) {
            Engine.removeListener(recorder);
        }
        session.close();
    }
}
