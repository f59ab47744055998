package org.autogradstudio.script.interp;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import org.autogradstudio.script.runtime.Cancellation;
import org.autogradstudio.script.runtime.ExceptionTypes;
import org.autogradstudio.script.runtime.PyClass;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.TracebackEntry;

/**
 * Per-session execution state shared by all code of a session: output sink, cancellation,
 * call depth (for RecursionError), the exceptions being handled (for bare {@code raise}), the
 * builtins and the importer. A session runs on one thread at a time, so no field is synchronised
 * except the cancellation flag.
 */
public final class ExecContext {
    /** Python frames allowed at once, as CPython's default recursion limit. */
    public static final int MAX_DEPTH = 1000;

    final Cancellation cancellation;
    final Map<String, Object> builtins;
    final Importer importer;
    final ArrayDeque<PyException> handling = new ArrayDeque<>();
    private Appendable out;
    /** Where warnings go (the session's error sink unless set apart); null: nowhere. */
    private Appendable warnings;
    int depth;
    /** The innermost running Python frame (module, function or generator body): where a warning points. */
    Frame current;
    /**
     * Warnings shown, by place and text: Python's default filter shows each once per place. Those
     * from the code a run compiled count for that run (a notebook cell run again is new code, as
     * in IPython); those from imported modules or PyTorch's sources, for the session.
     */
    private final java.util.Set<String> warnedThisRun = new java.util.HashSet<>();
    private final java.util.Set<String> warnedInSession = new java.util.HashSet<>();
    /** The session's {@code warnings} filters. */
    final WarningFilters warningFilters = new WarningFilters();
    /** The source the current run compiled. */
    private org.autogradstudio.script.syntax.SourceText runSource;
    /** The context whose code runs on this thread, for warnings raised by host code (see {@link Warnings}). */
    private static final ThreadLocal<ExecContext> RUNNING = new ThreadLocal<>();

    ExecContext(Cancellation cancellation, Map<String, Object> builtins, Importer importer, Appendable out) {
        this.cancellation = cancellation;
        this.builtins = builtins;
        this.importer = importer;
        this.out = out;
    }

    public void setOut(Appendable out) {
        this.out = out;
    }

    public void setWarnings(Appendable warnings) {
        this.warnings = warnings;
    }

    /** Makes this the context of the calling thread's code; returns the one before, to restore. */
    ExecContext bindThread() {
        ExecContext previous = RUNNING.get();
        RUNNING.set(this);
        return previous;
    }

    static void bindThread(ExecContext ctx) {
        RUNNING.set(ctx);
    }

    /** The context of the code running on this thread, or null. */
    static ExecContext running() {
        return RUNNING.get();
    }

    /** {@code warnings.warn(message, category)} from the running line of Python code. */
    void warn(String category, String message) {
        warn(ExceptionTypes.get(category), message);
    }

    /** {@code warnings.warn(message, category)} for a category class (also a script's own). */
    void warn(PyClass category, String message) {
        Frame f = current;
        if (f != null) {
            TracebackEntry e = f.code.entry(f.line);
            show(f.code.source() == runSource ? warnedThisRun : warnedInSession, category, message, e.file(), e.line(),
                    e.sourceLine());
        }
    }

    /**
     * A warning shown as Python's warnings module shows it, to the warnings sink: {@code file:line:
     * Category: message}, then the source line indented; once per place and text.
     */
    void warnAt(String category, String message, String file, int line, String sourceLine) {
        show(warnedInSession, ExceptionTypes.get(category), message, file, line, sourceLine);
    }

    /** Shows a warning unless the session's filters say otherwise (see {@link WarningFilters}). */
    private void show(java.util.Set<String> shown, PyClass category, String message, String file, int line, String sourceLine) {
        String kind = category.name() + ':' + message;
        switch (warningFilters.action(category, message, line)) {
            case "ignore":
                return;
            case "error":
                throw new PyException(category.instantiate(new Object[] {message}));
            case "once":
                if (!warningFilters.firstTime(category, message)) {
                    return;
                }
                break;
            case "module":
                if (!shown.add(file + "::" + kind)) {
                    return;
                }
                break;
            case "always":
                break;
            default:
                if (!shown.add(file + ':' + line + ':' + kind)) {
                    return;
                }
        }
        if (warningFilters.recording() != null) {
            warningFilters.recording().append(new WarningsModule.WarningMessage(category, message, file, line));
            return;
        }
        if (warnings == null) {
            return;
        }
        StringBuilder sb = new StringBuilder().append(file).append(':').append(line).append(": ").append(category.name())
                .append(": ").append(message).append('\n');
        if (sourceLine != null && !sourceLine.isBlank()) {
            sb.append("  ").append(sourceLine.strip()).append('\n');
        }
        notice(sb);
    }

    /** Writes {@code text} to the warnings sink (a warning, or the runtime's notice about a skipped line). */
    void notice(CharSequence text) {
        if (warnings == null) {
            return;
        }
        try {
            warnings.append(text);
        } catch (IOException e) {
            // lost with its sink, as Python drops a warning when stderr is gone; the script goes on
        }
    }

    void write(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new PyException("OSError", "cannot write output: " + e.getMessage());
        }
    }

    /** Called at every function entry: the depth limit and the stop request. */
    void enterCall() {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new PyException("RecursionError", "maximum recursion depth exceeded");
        }
        try {
            cancellation.check();
        } catch (PyException e) {
            depth--;
            throw e;
        }
    }

    /** Resets per-run state (depth, handled exceptions, warnings shown) before a run of {@code source}. */
    void startRun(org.autogradstudio.script.syntax.SourceText source) {
        depth = 1;
        handling.clear();
        runSource = source;
        warnedThisRun.clear();
    }
}
