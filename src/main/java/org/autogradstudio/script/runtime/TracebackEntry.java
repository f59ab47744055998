package org.autogradstudio.script.runtime;

/**
 * One frame of a traceback: file, line (file numbering), function name, the stripped source line,
 * and the line of carets under its failing part that CPython 3.11 prints (null: none).
 */
public record TracebackEntry(String file, int line, String function, String sourceLine, String carets) {
    public TracebackEntry(String file, int line, String function, String sourceLine) {
        this(file, line, function, sourceLine, null);
    }
}
