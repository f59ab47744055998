package org.autogradstudio.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.autogradstudio.engine.Engine;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.lesson.Cell;
import org.autogradstudio.lesson.CellResult;
import org.autogradstudio.lesson.ScriptError;
import org.autogradstudio.ui.graph.EngineGraphBuilder;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.graph.TraceRecorder;
import org.autogradstudio.ui.run.Kernel;

/**
 * A kernel that understands just enough to test the studio without the interpreter: a cell
 * containing {@code while True} spins until cancelled; {@code raise} fails on that line;
 * {@code backward} runs the logistic neuron's backward; anything else builds the neuron forward.
 */
public final class FakeKernel implements Kernel {
    private final TraceRecorder recorder = new TraceRecorder();
    private volatile boolean cancelled;
    private Map<String, Tensor> vars;
    private List<Tensor> roots = new ArrayList<>();
    public volatile Thread lastThread;

    @Override
    public CellResult run(Cell cell, Consumer<String> output) {
        lastThread = Thread.currentThread();
        cancelled = false;
        String src = cell.source();
        if (src.contains("while True")) {
            long n = 0;
            while (!cancelled) {
                n++;
                if (src.contains("print") && n % 1000 == 0) {
                    output.accept(n + "\n");
                }
                Thread.onSpinWait();
            }
            return new CellResult("", null, new ScriptError("KeyboardInterrupt", "", 1, 0,
                    "Traceback (most recent call last):\n  File \"<cell>\", line 1, in <module>\nKeyboardInterrupt"), true);
        }
        String[] lines = src.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("raise")) {
                return new CellResult("", null, new ScriptError("RuntimeError", "boom", i + 1, 1,
                        "Traceback (most recent call last):\n  File \"<cell>\", line " + (i + 1) + ", in <module>\nRuntimeError: boom"), false);
            }
        }
        if (vars == null || src.contains("torch.tensor")) {
            vars = src.contains("@") || src.contains("matmul") ? EngineScripts.matrix() : EngineScripts.logistic();
            roots = new ArrayList<>();
        }
        if (src.contains("backward")) {
            Engine.addListener(recorder);
            try {
                vars.get("loss").backward();
            } finally {
                Engine.removeListener(recorder);
            }
            roots = List.of(vars.get("loss"));
            for (String leaf : List.of("w", "b", "W")) {
                if (vars.containsKey(leaf)) {
                    output.accept("Gradient of " + leaf + ": " + vars.get(leaf).grad() + "\n");
                }
            }
        } else {
            output.accept("loss: " + vars.get("loss") + "\n");
        }
        return new CellResult("", null, null, false);
    }

    public Map<String, Tensor> vars() {
        return vars;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void reset() {
        vars = null;
        roots = new ArrayList<>();
        recorder.clear();
    }

    @Override
    public GraphData graph() {
        if (vars == null) {
            return GraphData.EMPTY;
        }
        Map<Tensor, String> names = EngineScripts.names(vars);
        if (roots.isEmpty()) {
            return EngineGraphBuilder.build(List.of(vars.get("loss")), names, null);
        }
        return EngineGraphBuilder.build(roots, names, recorder.lastPass());
    }

    @Override
    public void close() {
    }
}
