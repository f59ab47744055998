package org.autogradstudio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.BackwardTrace;
import org.autogradstudio.graph.ComputationGraph;
import org.autogradstudio.lesson.CellResult;
import org.autogradstudio.lesson.Lesson;
import org.autogradstudio.lesson.LessonFormatException;
import org.autogradstudio.lesson.LessonSession;
import org.autogradstudio.lesson.LessonStore;

/**
 * Runs a script (or lesson) headless and gives the graph to draw: the last backward pass's, or the
 * graph behind a named tensor, with the trace of that backward pass.
 */
final class ScriptGraph {
    final ComputationGraph graph;
    final BackwardTrace trace;
    final Map<Tensor, String> names;
    final List<Tensor> roots;

    private ScriptGraph(ComputationGraph graph, BackwardTrace trace, Map<Tensor, String> names, List<Tensor> roots) {
        this.graph = graph;
        this.trace = trace;
        this.names = names;
        this.roots = roots;
    }

    /** Runs {@code file}; its printed output goes to {@code log} (stderr), errors end the run. */
    static ScriptGraph run(Path file, String tensorName, PrintStream log) throws IOException, LessonFormatException {
        Lesson lesson = LessonStore.load(file);
        BackwardTrace trace = new BackwardTrace();
        try (LessonSession session = new LessonSession(file.toAbsolutePath().getParent())) {
            session.addBackwardListener(trace);
            for (CellResult r : session.runAll(lesson, log::print)) {
                if (!r.ok()) {
                    throw new IllegalStateException(r.error().traceback() == null ? r.error().summary() : r.error().traceback());
                }
            }
            Map<Tensor, String> names = session.tensorNames();
            List<Tensor> roots = chooseRoots(session, names, tensorName);
            boolean traceMatches = tensorName == null || trace.roots().equals(roots);
            return new ScriptGraph(ComputationGraph.of(roots, names), traceMatches ? trace : null, names, roots);
        }
    }

    private static List<Tensor> chooseRoots(LessonSession session, Map<Tensor, String> names, String tensorName) {
        if (tensorName != null) {
            Object v = session.variables().get(tensorName);
            if (!(v instanceof Tensor t)) {
                throw new IllegalArgumentException("no tensor named '" + tensorName + "' in the script");
            }
            return List.of(t);
        }
        if (!session.lastBackwardRoots().isEmpty()) {
            return session.lastBackwardRoots();
        }
        // no backward yet: the newest recorded tensor the script holds
        Tensor newest = null;
        for (Tensor t : names.keySet()) {
            if (t.gradFn() != null && (newest == null || t.gradFn().sequenceNr() > newest.gradFn().sequenceNr())) {
                newest = t;
            }
        }
        if (newest == null) {
            throw new IllegalArgumentException("the script records no graph (no tensor with a grad_fn)");
        }
        return List.of(newest);
    }

    /** Leaves that require grad, by name, for derivations. */
    Map<String, Tensor> parameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        names.forEach((t, n) -> {
            if (t.isLeaf() && t.requiresGrad()) {
                out.put(n, t);
            }
        });
        return out;
    }

    List<Tensor> rootList() {
        return new ArrayList<>(roots);
    }
}
