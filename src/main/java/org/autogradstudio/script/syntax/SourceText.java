package org.autogradstudio.script.syntax;

import java.util.Arrays;

/**
 * A source file's text with its line starts, so that lexer, parser and tracebacks can turn
 * offsets into (line, column) and show the offending line. Lines are 1-based, columns 0-based.
 */
public final class SourceText {
    private final String fileName;
    private final String text;
    private final int[] lineStarts;
    /** Added to every reported line: a notebook cell taken from line 40 of a file reports file lines. */
    private final int lineOffset;
    /** Where each parsed expression ends (see {@link #pack}; the column exclusive), for tracebacks' carets. */
    private final java.util.IdentityHashMap<Object, Long> ends = new java.util.IdentityHashMap<>();
    /** Where parenthesised expressions start, at their outermost opening parenthesis. */
    private final java.util.IdentityHashMap<Object, Long> parens = new java.util.IdentityHashMap<>();

    /** The tokenizer's SyntaxWarnings, as (local line, message), for the compiler to show. */
    private final java.util.List<java.util.Map.Entry<Integer, String>> warnings = new java.util.ArrayList<>();
    /** Set by the tokenizer: see {@link #endsWithSemicolon()}. */
    private boolean endsWithSemicolon;

    public SourceText(String fileName, String text) {
        this(fileName, text, 0);
    }

    public SourceText(String fileName, String text, int lineOffset) {
        this.fileName = fileName;
        this.text = text;
        this.lineOffset = lineOffset;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    /** Drops the recorded expression positions (and with them the syntax tree they key) once compiled. */
    public void forgetPositions() {
        ends.clear();
        parens.clear();
    }

    /** Whether the text's last token (comments and line ends aside) is a ';': IPython's sign that a cell's last expression is not to be shown. */
    public boolean endsWithSemicolon() {
        return endsWithSemicolon;
    }

    void setEndsWithSemicolon(boolean value) {
        endsWithSemicolon = value;
    }

    /** Records a SyntaxWarning the tokenizer raised at a 1-based local line. */
    void warn(int line, String message) {
        warnings.add(java.util.Map.entry(line, message));
    }

    /** The SyntaxWarnings raised while this text was tokenized, as (local line, message), in order. */
    public java.util.List<java.util.Map.Entry<Integer, String>> syntaxWarnings() {
        return java.util.Collections.unmodifiableList(warnings);
    }

    /** A (line, column) as one long: line << 32 | column. */
    private static long pack(int line, int col) {
        return ((long) line << 32) | (col & 0xffffffffL);
    }

    /** Records the opening parenthesis around {@code expr} (an outer one replaces an inner). */
    void recordParen(Object expr, int line, int col) {
        parens.put(expr, pack(line, col));
    }

    /** The line of the outermost parenthesis around {@code expr}, or -1. */
    int parenLine(Object expr) {
        Long p = parens.get(expr);
        return p == null ? -1 : (int) (p >>> 32);
    }

    int parenCol(Object expr) {
        return (int) (long) parens.get(expr);
    }

    /** Records where {@code expr} ends, unless known already (the innermost parse that made it knows best). */
    void recordEnd(Object expr, int line, int col) {
        ends.putIfAbsent(expr, pack(line, col));
    }

    /** The line where {@code expr} ends, or -1 when not recorded. */
    public int endLine(Object expr) {
        Long e = ends.get(expr);
        return e == null ? -1 : (int) (e >>> 32);
    }

    /** The column (exclusive, 0-based) where {@code expr} ends, or -1 when not recorded. */
    public int endCol(Object expr) {
        Long e = ends.get(expr);
        return e == null ? -1 : (int) (long) e;
    }

    public String fileName() {
        return fileName;
    }

    public String text() {
        return text;
    }

    public int lineOffset() {
        return lineOffset;
    }

    /** Number of lines (a final line without newline counts). */
    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based local line of an offset. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))];
    }

    /** Text of a 1-based local line without its line terminator ("" when out of range). */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Text of a line given in reported (file) numbering. */
    public String reportedLine(int reportedLine) {
        return line(reportedLine - lineOffset);
    }
}
