package org.autogradstudio.script.syntax;

/**
 * One token. {@code line} is local to the source text (1-based), {@code col} 0-based; the end is
 * exclusive. {@code value} holds the parsed number (Long, BigInteger or Double), the decoded string
 * or, for f-strings, a {@link StringToken} describing where the body lies.
 */
public record Token(Kind kind, String text, Object value, int line, int col, int endLine, int endCol) {

    public enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END }

    public boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    public boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /** A string literal: decoded text for plain strings, body offsets for f-strings. */
    public record StringToken(boolean fString, boolean raw, String decoded, int bodyStart, int bodyEnd) {
    }
}
