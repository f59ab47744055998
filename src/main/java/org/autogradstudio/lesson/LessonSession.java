package org.autogradstudio.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.autogradstudio.engine.BackwardListener;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.Engine;
import org.autogradstudio.engine.GraphValues;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.script.Interpreter;
import org.autogradstudio.script.RunResult;
import org.autogradstudio.script.ScriptSession;
import org.autogradstudio.script.interp.ModuleRegistry;
import org.autogradstudio.script.torch.TorchModules;

/**
 * One interpreter session running a lesson's cells in a shared namespace, as a notebook kernel.
 * {@link #run} blocks: call it from a worker thread, never the UI thread. {@link #cancel} may be
 * called from any thread and stops a running cell (a {@code KeyboardInterrupt}) within 100 ms.
 */
public final class LessonSession implements AutoCloseable {
    /** The bundled {@code studio.py}, used when the lesson's own folder has none. */
    private static final String BUNDLED_STUDIO = "/lessons/studio.py";
    /**
     * The session whose cell the current thread runs. Inheritable: the interpreter runs each cell on
     * a fresh worker thread created by the caller, so the engine's events can be told apart.
     */
    private static final InheritableThreadLocal<LessonSession> CURRENT = new InheritableThreadLocal<>();
    private static final BackwardListener DISPATCH = new Dispatcher();

    static {
        Engine.addListener(DISPATCH);
    }

    private final ScriptSession script;
    private final List<BackwardListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Comparison> comparisons = new CopyOnWriteArrayList<>();
    private final Map<String, List<Double>> charts = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile List<Tensor> lastRoots = List.of();
    private volatile BiConsumer<String, Double> chartListener = (name, value) -> { };
    private final StringBuilderSink sink = new StringBuilderSink();
    private final StringBuilderSink warnings = new StringBuilderSink();

    /** A session whose {@code import} of helper modules ({@code studio}) also looks in {@code lessonFolder} (may be null). */
    public LessonSession(Path lessonFolder) {
        Interpreter interp = TorchModules.newInterpreter(lessonFolder);
        interp.addSourceResolver(name -> name.equals("studio") ? bundledStudio() : Optional.empty());
        interp.registerModule("_studio_host", () -> StudioHostModule.create(this::addComparison, this::chartAsked));
        // the traceback is returned in the CellResult, not printed into the cell's output
        script = interp.newSession(sink, new StringBuilderSink());
        // warnings show in the cell's output, as a notebook shows stderr, but are not part of what it printed
        script.setWarnings(warnings);
        script.setEchoToOutput(false);
        script.watchGlobals(name -> LOSS_LIKE.matcher(name).matches(), this::lossAssigned);
    }

    /** Variables a training loop's loss is usually called; their scalar values are charted automatically. */
    private static final java.util.regex.Pattern LOSS_LIKE = java.util.regex.Pattern.compile("(?i).*(loss|cost).*|l");

    /** Names the script charts itself with {@code chart(name, ...)}: their assignments are not charted again. */
    private final java.util.Set<String> explicitCharts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The last automatic point: a {@code chart(name, v)} right after it is the same point. */
    private volatile ChartPoint lastAutomatic;

    private record ChartPoint(String name, double value) {
    }

    private void chartAsked(String name, double value) {
        ChartPoint last = lastAutomatic;
        boolean first = explicitCharts.add(name);
        if (first && last != null && last.name().equals(name) && last.value() == value) {
            return; // `loss = ...` then `chart("loss", loss)`: one point per step, not two
        }
        addChartPoint(name, value);
    }

    private void lossAssigned(String name, Object value) {
        if (explicitCharts.contains(name)) {
            return;
        }
        Tensor t = TorchModules.tensorOf(value);
        Double v = t != null && t.numel() == 1 ? Double.valueOf(t.item()) : value instanceof Double d ? d : null;
        lastAutomatic = v == null ? null : new ChartPoint(name, v);
        if (v != null) {
            addChartPoint(name, v);
        }
    }

    public LessonSession() {
        this(null);
    }

    private static Optional<ModuleRegistry.ModuleSource> bundledStudio() {
        try (InputStream in = LessonSession.class.getResourceAsStream(BUNDLED_STUDIO)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new ModuleRegistry.ModuleSource("studio.py", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void addComparison(String label, List<Double> manual, Tensor autogradTensor, List<Double> autograd, boolean ok,
            List<Comparison.Factor> factors) {
        var analysis = ComparisonAnalysis.analyse(label, manual, autogradTensor, autograd, ok, factors, this::tensorNames, lastRoots);
        comparisons.add(new Comparison(label, manual, autograd, ok, factors, analysis));
    }

    private void addChartPoint(String name, double value) {
        charts.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(value);
        chartListener.accept(name, value);
    }

    /** Called (on the script thread) for every chart point as the cell produces it: live charts. */
    public void setChartListener(BiConsumer<String, Double> listener) {
        this.chartListener = listener == null ? (name, value) -> { } : listener;
    }

    /** Runs one cell; text the cell prints is passed to {@code output} as it is printed. */
    public CellResult run(Cell cell, Consumer<String> output) {
        StringBuilder printed = new StringBuilder();
        sink.target = text -> {
            printed.append(text);
            output.accept(text);
        };
        warnings.target = output::accept;
        LessonSession previous = CURRENT.get();
        CURRENT.set(this);
        // a session's graphs are drawn and derived: its nodes keep their inputs and outputs
        boolean keptBefore = GraphValues.setKept(true);
        RunResult r;
        try {
            r = script.runCell(cell.source(), "<cell>", 1);
        } finally {
            GraphValues.setKept(keptBefore);
            CURRENT.set(previous);
            sink.target = text -> { };
            warnings.target = text -> { };
        }
        ScriptError error = r.ok() ? null : ScriptErrors.of(r, cell.source());
        return new CellResult(printed.toString(), r.echo(), error, r.cancelled());
    }

    /** Runs a whole lesson's code cells in order, stopping at the first error. */
    public List<CellResult> runAll(Lesson lesson, Consumer<String> output) {
        List<CellResult> results = new ArrayList<>();
        for (Cell c : lesson.codeCells()) {
            CellResult r = run(c, output);
            results.add(r);
            if (!r.ok()) {
                break;
            }
        }
        return results;
    }

    public void cancel() {
        script.cancel();
    }

    public boolean isRunning() {
        return script.isRunning();
    }

    /** A snapshot of the global variables (name to value: Tensor, Double, Long, String, List ...). */
    public Map<String, Object> variables() {
        Map<String, Object> out = new LinkedHashMap<>();
        script.globals().forEach((name, value) -> {
            Tensor t = TorchModules.tensorOf(value);
            out.put(name, t != null ? t : value);
        });
        return out;
    }

    /**
     * Calls the script's global function {@code name} with tensor arguments, gradients off (no graph
     * is recorded): the tensors it returns, a tuple's in order. Call it on the script thread, e.g. from
     * a chart listener while a cell runs. Errors raised by the function propagate.
     */
    public List<Tensor> callFunction(String name, Tensor... args) {
        Object f = script.global(name);
        if (f == null || !org.autogradstudio.script.runtime.Ops.isCallable(f)) {
            throw new IllegalArgumentException("the script has no function " + name);
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = TorchModules.valueOf(args[i]);
        }
        boolean previous = org.autogradstudio.engine.GradMode.set(false);
        try {
            Object r = org.autogradstudio.script.runtime.Ops.call(f, values, Map.of());
            List<Tensor> out = new ArrayList<>();
            if (r instanceof org.autogradstudio.script.runtime.PyTuple tuple) {
                for (Object item : tuple.items()) {
                    Tensor t = TorchModules.tensorOf(item);
                    if (t != null) {
                        out.add(t);
                    }
                }
            } else if (TorchModules.tensorOf(r) != null) {
                out.add(TorchModules.tensorOf(r));
            }
            return out;
        } finally {
            org.autogradstudio.engine.GradMode.set(previous);
        }
    }

    /**
     * Tensors held by global variables, by identity, to the variable's name, and the parameters of
     * global modules to their path ({@code net.fc.weight}): the graph's labels.
     */
    public Map<Tensor, String> tensorNames() {
        Map<Tensor, String> names = new IdentityHashMap<>();
        script.globals().forEach((name, value) -> {
            Tensor t = TorchModules.tensorOf(value);
            if (t != null && !name.startsWith("_")) {
                names.putIfAbsent(t, name);
            }
        });
        // a module's parameters by their path ("net.fc.weight"), where no variable names them already
        script.globals().forEach((name, value) -> {
            if (!name.startsWith("_")) {
                TorchModules.moduleParameters(value).forEach((path, t) -> names.putIfAbsent(t, name + "." + path));
            }
        });
        return names;
    }

    /** The roots of the most recent {@code backward()} in this session (empty before any). */
    public List<Tensor> lastBackwardRoots() {
        return lastRoots;
    }

    /** Receives the engine's backward events for passes run by this session's cells. */
    public void addBackwardListener(BackwardListener listener) {
        listeners.add(listener);
    }

    public void removeBackwardListener(BackwardListener listener) {
        listeners.remove(listener);
    }

    /** Comparisons the lesson asked for with {@code studio.compare}, in order. */
    public List<Comparison> comparisons() {
        return List.copyOf(comparisons);
    }

    /**
     * Series by name: what the lesson charted with {@code studio.chart(name, value)}, and every scalar
     * assigned to a loss-like global ({@code loss}, {@code train_loss}, {@code cost}, {@code l}).
     */
    public Map<String, List<Double>> charts() {
        synchronized (charts) {
            Map<String, List<Double>> copy = new LinkedHashMap<>();
            charts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return copy;
        }
    }

    /** Clears the namespace, as restarting a notebook kernel. */
    public void reset() {
        script.reset();
        explicitCharts.clear();
        lastAutomatic = null;
        comparisons.clear();
        charts.clear();
        lastRoots = List.of();
    }

    @Override
    public void close() {
        script.close();
    }

    /** Forwards the engine's events to the session whose cell is running on this thread. */
    private static final class Dispatcher implements BackwardListener {
        @Override
        public void onBackwardStart(Tensor[] roots, Tensor[] gradients) {
            LessonSession s = CURRENT.get();
            if (s != null) {
                s.lastRoots = List.of(roots);
                s.listeners.forEach(l -> l.onBackwardStart(roots, gradients));
            }
        }

        @Override
        public void onNodeRun(Node node, Tensor incomingGradient) {
            LessonSession s = CURRENT.get();
            if (s != null) {
                s.listeners.forEach(l -> l.onNodeRun(node, incomingGradient));
            }
        }

        @Override
        public void onEdge(Node from, Edge edge, Tensor gradient) {
            LessonSession s = CURRENT.get();
            if (s != null) {
                s.listeners.forEach(l -> l.onEdge(from, edge, gradient));
            }
        }

        @Override
        public void onAccumulate(Tensor leaf, Tensor incoming, Tensor total) {
            LessonSession s = CURRENT.get();
            if (s != null) {
                s.listeners.forEach(l -> l.onAccumulate(leaf, incoming, total));
            }
        }

        @Override
        public void onRetainedGrad(Tensor tensor, Tensor gradient) {
            LessonSession s = CURRENT.get();
            if (s != null) {
                s.listeners.forEach(l -> l.onRetainedGrad(tensor, gradient));
            }
        }

        @Override
        public void onBackwardEnd() {
            LessonSession s = CURRENT.get();
            if (s != null) {
                s.listeners.forEach(BackwardListener::onBackwardEnd);
            }
        }
    }

    /** The interpreter's output sink, redirected per cell to that cell's consumer. */
    private static final class StringBuilderSink implements Appendable {
        volatile Consumer<String> target = text -> { };

        @Override
        public Appendable append(CharSequence csq) {
            target.accept(String.valueOf(csq));
            return this;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            return append(String.valueOf(csq).subSequence(start, end));
        }

        @Override
        public Appendable append(char c) {
            return append(String.valueOf(c));
        }
    }
}
