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
     * {@code line}): at the span's line, with the carets CPython 3.11 draws under the failing part
     * unless it is the whole line. Its rules, including their quirks: columns count from the
     * stripped line less any trailing blanks, and a span over several lines is underlined to the
     * end of its first.
     */
    TracebackEntry entry(int line, SourceSpan span) {
        if (span == null) {
            return entry(line);
        }
        String raw = source.line(span.line());
        String stripped = raw.strip();
        boolean newline = span.line() < source.lineCount() || source.text().endsWith("\n");
        int strippedChars = raw.length() + (newline ? 1 : 0) - stripped.length();
        int start = span.col() + 1;
        int end = span.endLine() == span.line() ? span.endCol() + 1 : strippedChars + stripped.length();
        boolean anchors = span.endLine() == span.line() && span.anchorStart() >= 0;
        String carets = null;
        if (end - start < stripped.length() || (anchors && span.anchorEnd() - span.anchorStart() > 0)) {
            StringBuilder sb = new StringBuilder("    ").append(" ".repeat(Math.max(0, start - strippedChars)));
            if (anchors) {
                sb.append("~".repeat(Math.max(0, span.anchorStart())))
                        .append("^".repeat(Math.max(0, span.anchorEnd() - span.anchorStart())))
                        .append("~".repeat(Math.max(0, end - start - span.anchorEnd())));
            } else {
                sb.append("^".repeat(Math.max(0, end - start)));
            }
            carets = sb.toString();
        }
        return new TracebackEntry(source.fileName(), span.line() + source.lineOffset(), name, raw, carets);
    }
}
