package org.autogradstudio.script.interp;

/**
 * Python warnings raised by host code (the torch module's Java), as PyTorch's own Python and C++
 * raise them: printed to the session's error sink, pointing at the script's running line, or at a
 * fixed place inside PyTorch's sources where PyTorch's warning points there. Nothing happens
 * outside a running script.
 */
public final class Warnings {
    private Warnings() {
    }

    /** A warning pointing at the line of the script that is running. */
    public static void warn(String category, String message) {
        ExecContext ctx = ExecContext.running();
        if (ctx != null) {
            ctx.warn(category, message);
        }
    }

    /** A warning pointing at {@code file:line} (PyTorch's source of a warning raised inside it). */
    public static void warnAt(String category, String message, String file, int line, String sourceLine) {
        ExecContext ctx = ExecContext.running();
        if (ctx != null) {
            ctx.warnAt(category, message, file, line, sourceLine);
        }
    }
}
