package org.autogradstudio.lesson;

/**
 * A Python-style error from a cell: its type ({@code RuntimeError}), message, the line and column
 * in the cell (1-based; column 0 when unknown), and the full traceback text as Python prints it.
 */
public record ScriptError(String type, String message, int line, int column, String traceback) {
    /** {@code RuntimeError: message}, the last line of a traceback. */
    public String summary() {
        return message == null || message.isEmpty() ? type : type + ": " + message;
    }
}
