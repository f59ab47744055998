package org.autogradstudio.script.runtime;

/**
 * One frame of a traceback: file, line (file numbering), function name, the stripped source line,
 * and the line of carets under its failing part that CPython 3.11 prints (null: none).
 */
public record TracebackEntry(String file, int line, String function, String sourceLine, String carets) {
    public TracebackEntry(String file, int line, String function, String sourceLine) {
        this(file, line, function, sourceLine, null);
    }

    /**
     * The carets CPython 3.11 draws under {@code span} of {@code rawLine} (the source line as it
     * stands in its file, {@code newline} when a line break ends it), or null when the span is the
     * whole line. Its rules, including their quirks: columns count from the stripped line less any
     * trailing blanks, and a span over several lines is underlined to the end of its first.
     */
    public static String carets(String rawLine, boolean newline, SourceSpan span) {
        String stripped = rawLine.strip();
        int strippedChars = rawLine.length() + (newline ? 1 : 0) - stripped.length();
        int start = span.col() + 1;
        int end = span.endLine() == span.line() ? span.endCol() + 1 : strippedChars + stripped.length();
        boolean anchors = span.endLine() == span.line() && span.anchorStart() >= 0;
        if (end - start >= stripped.length() && !(anchors && span.anchorEnd() - span.anchorStart() > 0)) {
            return null;
        }
        StringBuilder sb = new StringBuilder("    ").append(" ".repeat(Math.max(0, start - strippedChars)));
        if (anchors) {
            sb.append("~".repeat(Math.max(0, span.anchorStart())))
                    .append("^".repeat(Math.max(0, span.anchorEnd() - span.anchorStart())))
                    .append("~".repeat(Math.max(0, end - start - span.anchorEnd())));
        } else {
            sb.append("^".repeat(Math.max(0, end - start)));
        }
        return sb.toString();
    }
}
