package org.autogradstudio.script.syntax;

/**
 * One token. {@code line} is local to the source text (1-based), {@code col} 0-based; the end is
 * exclusive. {@code value} holds the parsed number (Long, BigInteger or Double), the decoded string
 * or, for f-strings, a {@link StringToken} describing where the body lies.
 */
public record Token(Kind kind, String text, Object value, int line, int col, int endLine, int endCol) {

    /**
     * ERROR: where the tokenizer failed, with the {@link LexError} as value; it ends the list, and
     * the parser raises its error when it reaches it (see {@link Lexer#tokenize}).
     */
    public enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END, ERROR }

    public boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    public boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /**
     * A tokenizer error; for a bracket still open at the end of input, the line (with the source's
     * line offset) of that bracket, else -1; {@code quiet}: one that CPython's tokenizer leaves to
     * the parser to report, so that it never replaces an error the parser found first.
     */
    public record LexError(PySyntaxError error, int unclosedLine, boolean quiet) {
        /**
         * Whether this error is reported instead of the parser's {@code other}, found before it (see
         * {@link Parser#parseModule}): not after an unexpected indent, which CPython reports straight
         * from the INDENT token, and a bracket left open only when it opened before the parser's error.
         */
        boolean replaces(PySyntaxError other) {
            return error != other && !quiet && !other.msg().equals("unexpected indent")
                    && (unclosedLine < 0 || other.line() > unclosedLine);
        }
    }

    /** A string literal: decoded text for plain strings, body offsets for f-strings. */
    public record StringToken(boolean fString, boolean raw, String decoded, int bodyStart, int bodyEnd) {
    }
}
