package org.autogradstudio.script.interp;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import org.autogradstudio.script.runtime.Cancellation;
import org.autogradstudio.script.runtime.PyException;

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
    int depth;

    ExecContext(Cancellation cancellation, Map<String, Object> builtins, Importer importer, Appendable out) {
        this.cancellation = cancellation;
        this.builtins = builtins;
        this.importer = importer;
        this.out = out;
    }

    public void setOut(Appendable out) {
        this.out = out;
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

    /** Resets per-run state (depth, handled exceptions) before a new run. */
    void startRun() {
        depth = 1;
        handling.clear();
    }
}
