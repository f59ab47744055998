package org.autogradstudio.script.interp;

import org.autogradstudio.script.runtime.SourceSpan;
import org.autogradstudio.script.runtime.TracebackEntry;
import org.autogradstudio.script.syntax.SourceText;

/**
 * Where code came from, for tracebacks: its function name and source; and its local variables
 * (parameters first), where a NameError looks for a name to suggest first.
 */
record CodeInfo(String name, SourceText source, java.util.List<String> varnames) {
    CodeInfo(String name, SourceText source) {
        this(name, source, java.util.List.of());
    }

    TracebackEntry entry(int line) {
        return new TracebackEntry(source.fileName(), line + source.lineOffset(), name, source.line(line));
    }

    /**
     * The frame's entry for an exception marked at {@code span} (or, unmarked, at the statement's
     * {@code line}): at the span's line, with the carets CPython 3.11 draws under the failing part.
     */
    TracebackEntry entry(int line, SourceSpan span) {
        if (span == null) {
            return entry(line);
        }
        String raw = source.line(span.line());
        boolean newline = span.line() < source.lineCount() || source.text().endsWith("\n");
        return new TracebackEntry(source.fileName(), span.line() + source.lineOffset(), name, raw,
                TracebackEntry.carets(raw, newline, span));
    }
}
