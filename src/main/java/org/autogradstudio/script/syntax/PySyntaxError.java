package org.autogradstudio.script.syntax;

/**
 * A syntax or indentation error, with what Python shows for it: file, line, 1-based column offset,
 * the source line and a caret line. The interpreter turns it into a Python {@code SyntaxError}.
 */
public final class PySyntaxError extends RuntimeException {
    private final String type;
    private final String msg;
    private final String fileName;
    private final int line;
    private final int offset;
    private final int endOffset;
    private final String sourceLine;
    private final boolean showCaret;

    public PySyntaxError(String type, String msg, String fileName, int line, int offset, int endOffset,
            String sourceLine, boolean showCaret) {
        super(type + ": " + msg, null, false, false);
        this.type = type;
        this.msg = msg;
        this.fileName = fileName;
        this.line = line;
        this.offset = offset;
        this.endOffset = Math.max(endOffset, offset + 1);
        this.sourceLine = sourceLine == null ? "" : sourceLine;
        this.showCaret = showCaret;
    }

    /** "SyntaxError" or "IndentationError". */
    public String type() {
        return type;
    }

    public String msg() {
        return msg;
    }

    public String fileName() {
        return fileName;
    }

    /** Reported line (file numbering). */
    public int line() {
        return line;
    }

    /** 1-based column of the first offending character, as Python's {@code SyntaxError.offset}. */
    public int offset() {
        return offset;
    }

    public String sourceLine() {
        return sourceLine;
    }

    /** The block Python prints for a syntax error (without the "Traceback" header it omits). */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("  File \"").append(fileName).append("\", line ").append(line).append('\n');
        String stripped = sourceLine.strip();
        if (!stripped.isEmpty()) {
            int lead = sourceLine.indexOf(stripped.charAt(0));
            sb.append("    ").append(stripped).append('\n');
            if (showCaret) {
                int start = Math.max(0, offset - 1 - lead);
                int end = Math.min(Math.max(start + 1, endOffset - 1 - lead), Math.max(start + 1, stripped.length() + 1));
                sb.append("    ").append(" ".repeat(start)).append("^".repeat(end - start)).append('\n');
            }
        }
        sb.append(type).append(": ").append(msg).append('\n');
        return sb.toString();
    }
}
