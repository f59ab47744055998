package org.autogradstudio.script;

import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.TracebackEntry;

/**
 * What running a script or a cell produced.
 *
 * @param echoValue the value of a cell's trailing bare expression (null when none or None)
 * @param echo      its {@code repr}, as a notebook shows it (null when none)
 * @param error     the uncaught Python exception, or null on success
 * @param traceback the text Python prints for the error (null on success)
 * @param cancelled whether the run was stopped by {@link ScriptSession#cancel()} or its timeout
 */
public record RunResult(Object echoValue, String echo, PyException error, String traceback, boolean cancelled) {

    public boolean ok() {
        return error == null;
    }

    /** The error's Python class name, e.g. "ZeroDivisionError" (null on success). */
    public String errorType() {
        return error == null ? null : error.typeName();
    }

    /** {@code str(e)} of the error (null on success). */
    public String errorMessage() {
        return error == null ? null : error.pyMessage();
    }

    /** "Type: message", the last line of the traceback (null on success). */
    public String errorSummary() {
        return error == null ? null : error.summaryWithSuggestion();
    }

    /**
     * The line (file numbering) where the error happened in the code that was run: the innermost
     * traceback frame, or the syntax error's line; 0 when unknown.
     */
    public int errorLine() {
        if (error == null) {
            return 0;
        }
        if (error.syntaxErrorText() != null) {
            String first = error.syntaxErrorText().lines().findFirst().orElse("");
            int i = first.lastIndexOf("line ");
            try {
                return i < 0 ? 0 : Integer.parseInt(first.substring(i + 5).strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return error.traceback().isEmpty() ? 0 : error.traceback().get(0).line();
    }

    /**
     * The status {@code python3} would exit with: 0 on success, 1 after an error, and for
     * {@code raise SystemExit(code)} the code: 0 for None, the number, else 1.
     */
    public int exitStatus() {
        if (error == null) {
            return 0;
        }
        if (!isSystemExit(error)) {
            return 1;
        }
        Object code = exitCode(error);
        if (code == Py.NONE) {
            return 0;
        }
        return code instanceof Long n ? n.intValue() : code instanceof Boolean b ? (b ? 1 : 0) : 1;
    }

    static boolean isSystemExit(PyException e) {
        return e.typeName().equals("SystemExit");
    }

    /** What Python prints for an uncaught SystemExit: nothing for None or a number, else the code's str. */
    static String exitMessage(PyException e) {
        Object code = exitCode(e);
        return code == Py.NONE || code instanceof Long || code instanceof Boolean ? "" : Ops.str(code) + "\n";
    }

    /** SystemExit's {@code code}. */
    private static Object exitCode(PyException e) {
        return e.value().getAttr("code");
    }

    /** The innermost traceback frame, or null. */
    public TracebackEntry innermostFrame() {
        return error == null || error.traceback().isEmpty() ? null : error.traceback().get(0);
    }
}
