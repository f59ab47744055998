package org.autogradstudio.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.autogradstudio.script.interp.CompiledCode;
import org.autogradstudio.script.interp.ModuleRegistry;
import org.autogradstudio.script.interp.SessionState;
import org.autogradstudio.script.runtime.Cancellation;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.PyException;

/**
 * One interpreter session with a persistent global namespace, like a Python process or a notebook
 * kernel. Runs block the caller but execute on a fresh worker thread with a large stack, so deep
 * recursion ends in {@code RecursionError}, never a Java {@code StackOverflowError}.
 * {@link #cancel()} may be called from any thread and stops the run within milliseconds with
 * {@code KeyboardInterrupt}. Output goes to the sinks given by {@link #setOut}/{@link #setErr}
 * as it is printed; an uncaught error's traceback is written to the error sink.
 */
public final class ScriptSession implements AutoCloseable {
    /** The session's torch print options (set_printoptions), carried from one cell's thread to the next. */
    private volatile org.autogradstudio.engine.TensorFormatter.Options printOptions =
            org.autogradstudio.engine.TensorFormatter.Options.DEFAULT;

    /** Worker stack: deep enough for 1000 Python frames of deeply nested expressions. */
    static final long STACK_SIZE = 512L * 1024 * 1024;

    private final SessionState state;
    private Appendable out;
    private Appendable err;
    private boolean echoToOutput = true;
    private long timeoutMillis;
    private volatile boolean running;
    /**
     * Whether this session's runs record graphs that keep their values (GraphValues), turned on for
     * good by the first source that mentions {@code create_graph}: differentiating a gradient again
     * needs every saved tensor with its history, which a plain run drops for 0-d intermediates.
     */
    private volatile boolean keepGraphValues;

    ScriptSession(ModuleRegistry registry, Appendable out, Appendable err) {
        this.out = out;
        this.err = err;
        this.state = new SessionState(registry, out);
        state.setWarnings(err);
    }

    public ScriptSession setOut(Appendable out) {
        this.out = out;
        state.setOut(out);
        return this;
    }

    /** Where tracebacks go, and warnings too unless {@link #setWarnings} sets them apart. */
    public ScriptSession setErr(Appendable err) {
        this.err = err;
        state.setWarnings(err);
        return this;
    }

    /** Where Python warnings ({@code UserWarning: ...}) go, as Python prints them to stderr. */
    public ScriptSession setWarnings(Appendable warnings) {
        state.setWarnings(warnings);
        return this;
    }

    /** Whether a cell's echoed value is also printed to the output sink (as the conformance runner does). */
    public ScriptSession setEchoToOutput(boolean echo) {
        this.echoToOutput = echo;
        return this;
    }

    /** A time limit for each subsequent run (0: none); exceeding it cancels the run. */
    public ScriptSession setTimeoutMillis(long millis) {
        this.timeoutMillis = millis;
        return this;
    }

    /** The stop handle of this session (shared by all its runs). */
    public Cancellation cancellation() {
        return state.cancellation();
    }

    /** Stops the current run, from any thread. */
    public void cancel() {
        state.cancellation().cancel();
    }

    public boolean isRunning() {
        return running;
    }

    /** Runs a whole file, like {@code python3 file.py}. */
    public RunResult runScript(String source, String fileName) {
        return execute(source, fileName, 0, false);
    }

    /**
     * Runs one notebook cell in the shared namespace; a trailing bare expression is evaluated and,
     * when not None, echoed. {@code firstLine} is the file line where the cell starts (1 for a
     * standalone cell) so tracebacks show file lines.
     */
    public RunResult runCell(String source, String fileName, int firstLine) {
        StringBuilder skipped = new StringBuilder();
        String python = IPythonLines.transform(source, line -> {
            skipped.append("Autograd Studio: skipped '").append(line.strip())
                    .append("' (IPython magics and shell commands do not run here)\n");
            return IPythonLines.asPass(line);
        });
        if (skipped.length() > 0) {
            state.notice(skipped);
        }
        return execute(python, fileName, Math.max(0, firstLine - 1), true);
    }

    /** Splits a notebook file into cells ({@link Cells}) and runs them in order, stopping at the first error. */
    public List<RunResult> runCells(String source, String fileName) {
        List<RunResult> results = new ArrayList<>();
        for (Cells.Cell c : Cells.split(source)) {
            RunResult r = runCell(c.source(), fileName, c.firstLine());
            results.add(r);
            if (!r.ok()) {
                break;
            }
        }
        return results;
    }

    /** Reports assignments to globals whose names match (see {@link org.autogradstudio.script.interp.Globals#watch}). */
    public void watchGlobals(java.util.function.Predicate<String> names, java.util.function.BiConsumer<String, Object> onAssign) {
        state.globals().watch(names, onAssign);
    }

    /** A snapshot of the global variables in definition order (dunder names excluded). */
    public Map<String, Object> globals() {
        Map<String, Object> g = state.globals().snapshot();
        g.keySet().removeIf(k -> k.startsWith("__") && k.endsWith("__"));
        return g;
    }

    /** A global variable's value, or null when unbound. */
    public Object global(String name) {
        return state.globals().get(name);
    }

    public void setGlobal(String name, Object value) {
        state.globals().put(name, value);
    }

    /** Clears the namespace and loaded modules, as restarting a notebook kernel. */
    public void reset() {
        state.reset();
        printOptions = org.autogradstudio.engine.TensorFormatter.Options.DEFAULT;
    }

    @Override
    public void close() {
        cancel();
    }

    private RunResult execute(String source, String fileName, int lineOffset, boolean echo) {
        Cancellation c = state.cancellation();
        c.reset();
        c.setTimeoutMillis(timeoutMillis);
        AtomicReference<RunResult> result = new AtomicReference<>();
        running = true;
        try {
            Thread worker = new Thread(null, () -> result.set(executeHere(source, fileName, lineOffset, echo)),
                    "autograd-script", STACK_SIZE);
            worker.setDaemon(true);
            worker.start();
            boolean interrupted = false;
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    c.cancel();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            running = false;
        }
        RunResult r = result.get();
        if (r == null) {
            PyException e = new PyException("SystemError", "the script thread ended unexpectedly");
            r = new RunResult(null, null, e, e.formatTraceback(), false);
        }
        return r;
    }

    private RunResult executeHere(String source, String fileName, int lineOffset, boolean echo) {
        // torch.set_printoptions lasts for the session: each cell's thread starts from where the last one left it
        org.autogradstudio.engine.TensorFormatter.setOptions(printOptions);
        keepGraphValues |= source.contains("create_graph");
        boolean keptBefore = keepGraphValues && org.autogradstudio.engine.GraphValues.setKept(true);
        try {
            return executeWithOptions(source, fileName, lineOffset, echo);
        } finally {
            printOptions = org.autogradstudio.engine.TensorFormatter.options();
            if (keepGraphValues) {
                org.autogradstudio.engine.GraphValues.setKept(keptBefore);
            }
        }
    }

    private RunResult executeWithOptions(String source, String fileName, int lineOffset, boolean echo) {
        try {
            CompiledCode code = state.compile(source, fileName, lineOffset, echo);
            Object value = state.run(code);
            String echoText = null;
            if (value != null && value != org.autogradstudio.script.runtime.Py.NONE) {
                echoText = Ops.repr(value);
                if (echoToOutput) {
                    out.append(echoText).append('\n');
                }
            } else {
                value = null;
            }
            return new RunResult(value, echoText, null, null, false);
        } catch (PyException e) {
            return failure(e, echo);
        } catch (Throwable t) {
            PyException e;
            try {
                e = org.autogradstudio.script.interp.ErrorTranslator.translate(t);
            } catch (Throwable again) {
                e = new PyException("SystemError", "internal error: " + t.getClass().getSimpleName());
            }
            return failure(e, echo);
        }
    }

    /**
     * An uncaught error, its traceback written to the error sink; in a script, a SystemExit ends it
     * as it ends {@code python3}: silently, or printing a code that is not a number.
     */
    private RunResult failure(PyException e, boolean cell) {
        String tb;
        try {
            tb = !cell && RunResult.isSystemExit(e) ? RunResult.exitMessage(e) : e.formatTraceback();
        } catch (RuntimeException | StackOverflowError inner) {
            tb = e.typeName() + "\n";
        }
        try {
            err.append(tb);
        } catch (java.io.IOException | RuntimeException ignored) {
            // the error sink failing must not hide the result
        }
        return new RunResult(null, null, e, tb, e.isCancellation());
    }
}
