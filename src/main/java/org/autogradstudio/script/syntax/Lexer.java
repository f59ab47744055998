package org.autogradstudio.script.syntax;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.autogradstudio.script.syntax.Token.Kind;

/**
 * Turns source text into tokens, with Python's INDENT/DEDENT and NEWLINE rules: newlines inside
 * brackets and after a backslash are joined, blank and comment-only lines produce nothing.
 * The same lexer, in expression mode, reads the expressions embedded in f-strings straight from
 * the enclosing source so that their positions are the real ones.
 */
public final class Lexer {
    private static final String[] OPS3 = {"**=", "//=", ">>=", "<<=", "..."};
    private static final String[] OPS2 = {"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=",
        "/=", "%=", "&=", "|=", "^=", "@=", ":="};
    private static final String OPS1 = "+-*/%@&|^~<>()[]{},:.;=";
    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    private final SourceText source;
    private final String text;
    private final int end;
    private final boolean exprMode;
    private int pos;
    private final List<Token> out = new ArrayList<>();
    private final Deque<int[]> brackets = new ArrayDeque<>(); // {char, offset}
    private int[] indents = new int[8];
    private int depth;
    /** Whether the error being raised is a bracket left open at the end of input. */
    private boolean unclosed;
    /** Whether the error being raised is one CPython's tokenizer leaves to the parser (see {@link #quietError}). */
    private boolean quiet;

    private Lexer(SourceText source, int start, int end, boolean exprMode) {
        this.source = source;
        this.text = source.text();
        this.pos = start;
        this.end = end;
        this.exprMode = exprMode;
    }

    /**
     * Tokens of a whole file (or notebook cell), ending with NEWLINE, DEDENTs and END; or, where
     * the text cannot be tokenized, the tokens before that point and an ERROR token. CPython's
     * tokenizer runs as its parser asks for tokens, so an error the parser finds first (an
     * unexpected indent) is the one reported: the parser raises the tokenizer's error only when
     * it reaches it, or in place of its own as {@link Parser#parseModule} says.
     */
    public static List<Token> tokenize(SourceText source) {
        Lexer lx = new Lexer(source, 0, source.text().length(), false);
        try {
            lx.run();
        } catch (PySyntaxError e) {
            int unclosedLine = lx.unclosed ? source.lineOf(lx.brackets.peek()[1]) + source.lineOffset() : -1;
            int at = Math.min(lx.pos, lx.end);
            int line = source.lineOf(at);
            int col = at - source.lineStart(line);
            lx.out.add(new Token(Kind.ERROR, "", new Token.LexError(e, unclosedLine, lx.quiet), line, col, line, col));
        }
        return lx.out;
    }

    /** Tokens of an f-string replacement field's expression, read from {@code [start, end)} of the source. */
    public static List<Token> tokenizeExpression(SourceText source, int start, int end) {
        Lexer lx = new Lexer(source, start, end, true);
        lx.run();
        return lx.out;
    }

    private void run() {
        boolean atLineStart = !exprMode;
        while (true) {
            if (atLineStart) {
                atLineStart = false;
                if (!handleIndentation()) {
                    break;
                }
            }
            if (pos >= end) {
                break;
            }
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                skipComment();
            } else if (c == '\\') {
                lineContinuation();
            } else if (c == '\n' || c == '\r') {
                int nl = pos;
                pos += (c == '\r' && pos + 1 < end && text.charAt(pos + 1) == '\n') ? 2 : 1;
                if (brackets.isEmpty() && !exprMode) {
                    add(Kind.NEWLINE, "\n", null, nl, nl + 1);
                    atLineStart = true;
                }
            } else if (isDigit(c) || (c == '.' && pos + 1 < end && isDigit(text.charAt(pos + 1)))) {
                number();
            } else if (isNameStart(c)) {
                nameOrString();
            } else if (c == '"' || c == '\'') {
                string(pos, pos);
            } else {
                operator(c);
            }
        }
        finish();
    }

    /** Measures a new logical line's indentation; false at end of input. */
    private boolean handleIndentation() {
        while (true) {
            int col = 0;
            int p = pos;
            while (p < end) {
                char c = text.charAt(p);
                if (c == ' ') {
                    col++;
                } else if (c == '\t') {
                    col = (col / 8 + 1) * 8;
                } else if (c == '\f') {
                    col = 0;
                } else {
                    break;
                }
                p++;
            }
            if (p >= end) {
                pos = p;
                return false;
            }
            char c = text.charAt(p);
            if (c == '#' || c == '\n' || c == '\r') {
                pos = p;
                if (c == '#') {
                    skipComment();
                }
                if (pos < end) {
                    pos += (text.charAt(pos) == '\r' && pos + 1 < end && text.charAt(pos + 1) == '\n') ? 2 : 1;
                }
                continue; // blank or comment-only line: no tokens at all
            }
            pos = p;
            int current = indents[depth];
            if (col > current) {
                if (depth + 1 == indents.length) {
                    indents = java.util.Arrays.copyOf(indents, indents.length * 2);
                }
                indents[++depth] = col;
                add(Kind.INDENT, "", null, p, p);
            } else if (col < current) {
                while (depth > 0 && indents[depth] > col) {
                    depth--;
                    add(Kind.DEDENT, "", null, p, p);
                }
                if (indents[depth] != col) {
                    int lineEnd = source.lineStart(source.lineOf(p)) + source.line(source.lineOf(p)).length();
                    throw quietError("IndentationError", "unindent does not match any outer indentation level",
                            lineEnd, lineEnd + 1, true);
                }
            }
            return true;
        }
    }

    private void finish() {
        if (!brackets.isEmpty()) {
            int[] open = brackets.peek();
            if (exprMode) {
                throw error("SyntaxError", "f-string: expecting '}'", open[1], open[1] + 1, true);
            }
            unclosed = true;
            throw error("SyntaxError", "'" + (char) open[0] + "' was never closed", open[1], open[1] + 1, true);
        }
        if (!exprMode) {
            source.setEndsWithSemicolon(lastSignificantIsSemicolon());
            if (!out.isEmpty() && out.get(out.size() - 1).kind() != Kind.NEWLINE) {
                add(Kind.NEWLINE, "", null, end, end);
            }
            while (depth > 0) {
                depth--;
                add(Kind.DEDENT, "", null, end, end);
            }
        }
        add(Kind.END, "", null, end, end);
    }

    /** Whether the last token so far, line ends and dedents aside, is a ';'. */
    private boolean lastSignificantIsSemicolon() {
        for (int i = out.size() - 1; i >= 0; i--) {
            Token t = out.get(i);
            if (t.kind() != Kind.NEWLINE && t.kind() != Kind.DEDENT) {
                return t.isOp(";");
            }
        }
        return false;
    }

    private void skipComment() {
        while (pos < end && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void lineContinuation() {
        int p = pos + 1;
        if (p < end && text.charAt(p) == '\r') {
            p++;
        }
        if (p < end && text.charAt(p) == '\n') {
            pos = p + 1;
            return;
        }
        if (p >= end) {
            throw quietError("SyntaxError", "unexpected EOF while parsing", pos, pos + 1, true);
        }
        throw quietError("SyntaxError", "unexpected character after line continuation character", pos, pos + 1, true);
    }

    /**
     * A number literal, read as CPython 3.11's tokenizer reads it, so that a malformed one fails with
     * its message at its column: the caret goes under the character before the one the tokenizer
     * stopped at ({@link #errorBefore}).
     */
    private void number() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '0' && "xXoObB".indexOf(at(pos + 1)) >= 0) {
            radixNumber(start);
            return;
        }
        boolean isFloat = false;
        char ch;
        if (c == '.') {
            pos++;
            ch = fraction();
            isFloat = true;
        } else if (c == '0') {
            // zeros, maybe with underscores, then digits: an old-style octal, refused
            pos++;
            ch = at(pos);
            while (true) {
                if (ch == '_') {
                    pos++;
                    ch = at(pos);
                    if (!isDigit(ch)) {
                        throw errorBefore("invalid decimal literal", pos);
                    }
                }
                if (ch != '0') {
                    break;
                }
                pos++;
                ch = at(pos);
            }
            int zerosEnd = pos; // the tokenizer has read one past the zeros
            boolean nonzero = isDigit(ch);
            if (nonzero) {
                ch = decimalTail();
            }
            if (ch == '.') {
                pos++;
                ch = fraction();
                isFloat = true;
            } else if (ch != 'e' && ch != 'E' && ch != 'j' && ch != 'J' && nonzero) {
                throw error("SyntaxError", "leading zeros in decimal integer literals are not permitted; "
                        + "use an 0o prefix for octal integers", start, zerosEnd, true);
            }
        } else {
            ch = decimalTail();
            if (ch == '.') {
                pos++;
                ch = fraction();
                isFloat = true;
            }
        }
        if (ch == 'e' || ch == 'E') {
            int e = pos;
            pos++;
            ch = at(pos);
            if (ch == '+' || ch == '-') {
                pos++;
                if (!isDigit(at(pos))) {
                    throw errorBefore("invalid decimal literal", pos);
                }
                ch = decimalTail();
                isFloat = true;
            } else if (isDigit(ch)) {
                ch = decimalTail();
                isFloat = true;
            } else {
                // "1else": the number ends before the e; "1e" or "1ex" is no number
                pos = e;
                ch = 'e';
            }
        }
        if (ch == 'j' || ch == 'J') {
            throw error("SyntaxError", "complex numbers are not supported in Autograd Studio", start, pos + 1, true);
        }
        checkEndOfNumber("decimal");
        String lit = text.substring(start, pos).replace("_", "");
        if (isFloat) {
            add(Kind.NUMBER, text.substring(start, pos), Double.parseDouble(lit), start, pos);
        } else {
            addNumber(start, new BigInteger(lit));
        }
    }

    /** A {@code 0x}, {@code 0o} or {@code 0b} literal: digits of its radix, single underscores between them. */
    private void radixNumber(int start) {
        char kind = Character.toLowerCase(text.charAt(pos + 1));
        int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
        String what = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
        pos += 2;
        char ch = at(pos);
        do {
            if (ch == '_') {
                pos++;
                ch = at(pos);
            }
            if (Character.digit(ch, radix) < 0 || ch > 'f') {
                if (radix < 16 && isDigit(ch)) {
                    throw errorBefore("invalid digit '" + ch + "' in " + what + " literal", pos + 1);
                }
                throw errorBefore("invalid " + what + " literal", pos);
            }
            while (Character.digit(at(pos), radix) >= 0 && at(pos) <= 'f') {
                pos++;
            }
            ch = at(pos);
        } while (ch == '_');
        if (radix < 16 && isDigit(ch)) {
            throw errorBefore("invalid digit '" + ch + "' in " + what + " literal", pos + 1);
        }
        checkEndOfNumber(what);
        addNumber(start, new BigInteger(text.substring(start + 2, pos).replace("_", ""), radix));
    }

    /** Digits after a number's '.', if any; returns the character after them. */
    private char fraction() {
        return isDigit(at(pos)) ? decimalTail() : at(pos);
    }

    /** Digits with single underscores between them (CPython's tok_decimal_tail); returns the character after them. */
    private char decimalTail() {
        while (true) {
            while (isDigit(at(pos))) {
                pos++;
            }
            if (at(pos) != '_') {
                return at(pos);
            }
            pos++;
            if (!isDigit(at(pos))) {
                throw errorBefore("invalid decimal literal", pos);
            }
        }
    }

    /**
     * A number may not run into a name ("1abc"), except the start of a keyword that can follow a
     * number in valid code ("1if x else 2"; CPython warns about it, and reads on).
     */
    private void checkEndOfNumber(String kind) {
        char c = at(pos);
        boolean keyword = switch (c) {
            case 'a' -> keywordRest("nd");
            case 'e' -> keywordRest("lse");
            case 'f' -> keywordRest("or");
            case 'i' -> "fns".indexOf(at(pos + 1)) >= 0; // CPython looks no further here
            case 'o' -> keywordRest("r");
            case 'n' -> keywordRest("ot");
            default -> false;
        };
        if (keyword) {
            source.warn(source.lineOf(pos), "invalid " + kind + " literal");
        } else if (mayContinueName(c)) {
            throw errorBefore("invalid " + kind + " literal", pos);
        }
    }

    /** Whether the keyword whose first letter is at {@code pos} goes on with {@code rest} and ends there. */
    private boolean keywordRest(String rest) {
        return text.startsWith(rest, pos + 1) && !mayContinueName(at(pos + 1 + rest.length()));
    }

    /** CPython's is_potential_identifier_char: ASCII letters, digits, '_' and anything beyond ASCII. */
    private static boolean mayContinueName(char c) {
        return c == '_' || c >= 128 || (c < 128 && Character.isLetterOrDigit(c));
    }

    /** The character at {@code p}, or 0 past the end. */
    private char at(int p) {
        return p < end ? text.charAt(p) : 0;
    }

    /** CPython's tokenizer error when it stopped reading at {@code stop}: one caret, under the character before. */
    private PySyntaxError errorBefore(String msg, int stop) {
        return error("SyntaxError", msg, stop - 1, stop, true);
    }

    private void addNumber(int start, BigInteger value) {
        Object v = value.bitLength() < 64 ? (Object) value.longValue() : value;
        add(Kind.NUMBER, text.substring(start, pos), v, start, pos);
    }

    /** Python's identifier characters (Unicode's, and '_'); Java's would also take '$', '\u20ac' and other currency signs. */
    public static boolean isNameStart(char c) {
        return c == '_' || Character.isUnicodeIdentifierStart(c);
    }

    public static boolean isNamePart(char c) {
        return Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void nameOrString() {
        int start = pos;
        while (pos < end && isNamePart(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (pos < end && (text.charAt(pos) == '"' || text.charAt(pos) == '\'') && word.length() <= 2
                && isStringPrefix(word.toLowerCase())) {
            string(start, pos);
            return;
        }
        add(Kind.NAME, word.intern(), word, start, pos);
    }

    private static boolean isStringPrefix(String p) {
        switch (p) {
            case "r": case "u": case "f": case "b": case "rf": case "fr": case "rb": case "br":
                return true;
            default:
                return false;
        }
    }

    private void string(int start, int quoteAt) {
        String prefix = text.substring(start, quoteAt).toLowerCase();
        if (prefix.indexOf('b') >= 0) {
            // refused rather than read as a str, which would print and index differently
            throw error("SyntaxError", "bytes literals are not supported in Autograd Studio", start, quoteAt + 1, true);
        }
        boolean raw = prefix.indexOf('r') >= 0;
        boolean fstr = prefix.indexOf('f') >= 0;
        char q = text.charAt(quoteAt);
        boolean triple = quoteAt + 2 < end && text.charAt(quoteAt + 1) == q && text.charAt(quoteAt + 2) == q;
        int bodyStart = quoteAt + (triple ? 3 : 1);
        pos = bodyStart;
        while (true) {
            if (pos >= end) {
                int lastLine = source.lineOf(Math.max(0, end - 1)) + source.lineOffset();
                String what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
                throw error("SyntaxError", what + " (detected at line " + lastLine + ")", start, start + 1, true);
            }
            char c = text.charAt(pos);
            if (c == '\\') {
                pos += (pos + 2 < end && text.charAt(pos + 1) == '\r' && text.charAt(pos + 2) == '\n') ? 3 : 2;
                continue;
            }
            if (c == q) {
                if (!triple) {
                    break;
                }
                if (pos + 2 < end && text.charAt(pos + 1) == q && text.charAt(pos + 2) == q) {
                    break;
                }
            }
            if ((c == '\n' || c == '\r') && !triple) {
                int line = source.lineOf(start) + source.lineOffset();
                throw error("SyntaxError", "unterminated string literal (detected at line " + line + ")", start,
                        start + 1, true);
            }
            pos++;
        }
        int bodyEnd = pos;
        pos += triple ? 3 : 1;
        String decoded = null;
        if (!fstr) {
            decoded = raw ? text.substring(bodyStart, bodyEnd) : decodeEscapes(bodyStart, bodyEnd);
        }
        add(Kind.STRING, text.substring(start, pos), new Token.StringToken(fstr, raw, decoded, bodyStart, bodyEnd),
                start, pos);
    }

    /** Decodes backslash escapes in {@code [from, to)} of the source. */
    String decodeEscapes(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            i = appendChar(source, i, to, sb);
        }
        return sb.toString();
    }

    /** Appends the (possibly escaped) character at {@code i} and returns the next index. */
    static int appendChar(SourceText source, int i, int to, StringBuilder sb) {
        String text = source.text();
        char c = text.charAt(i);
        if (c != '\\' || i + 1 >= to) {
            sb.append(c);
            return i + 1;
        }
        char e = text.charAt(i + 1);
        switch (e) {
            case '\n': return i + 2;
            case '\r': return (i + 2 < to && text.charAt(i + 2) == '\n') ? i + 3 : i + 2;
            case '\\': sb.append('\\'); return i + 2;
            case '\'': sb.append('\''); return i + 2;
            case '"': sb.append('"'); return i + 2;
            case 'n': sb.append('\n'); return i + 2;
            case 't': sb.append('\t'); return i + 2;
            case 'r': sb.append('\r'); return i + 2;
            case 'a': sb.append('\u0007'); return i + 2;
            case 'b': sb.append('\b'); return i + 2;
            case 'f': sb.append('\f'); return i + 2;
            case 'v': sb.append('\u000b'); return i + 2;
            case 'x': return hexEscape(source, i, to, 2, sb);
            case 'u': return hexEscape(source, i, to, 4, sb);
            case 'U': return hexEscape(source, i, to, 8, sb);
            case 'N': return namedEscape(source, i, to, sb);
            default:
                if (e >= '0' && e <= '7') {
                    int j = i + 1;
                    int v = 0;
                    while (j < to && j < i + 4 && text.charAt(j) >= '0' && text.charAt(j) <= '7') {
                        v = v * 8 + (text.charAt(j) - '0');
                        j++;
                    }
                    sb.append((char) v);
                    return j;
                }
                sb.append('\\').append(e); // unknown escapes are kept, as Python does
                return i + 2;
        }
    }

    /** {@code \N{GREEK SMALL LETTER ALPHA}}: a character by its Unicode name (case does not matter). */
    private static int namedEscape(SourceText source, int i, int to, StringBuilder sb) {
        String text = source.text();
        int close = i + 2 < to && text.charAt(i + 2) == '{' ? text.indexOf('}', i + 3) : -1;
        String problem = "malformed \\N character escape";
        if (close > 0 && close < to) {
            try {
                sb.appendCodePoint(Character.codePointOf(text.substring(i + 3, close)));
                return close + 1;
            } catch (IllegalArgumentException unknown) {
                problem = "unknown Unicode character name";
            }
        }
        int line = source.lineOf(i);
        int end = close > 0 && close < to ? close + 1 : Math.min(to, i + 2);
        throw new PySyntaxError("SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes: " + problem,
                source.fileName(), line + source.lineOffset(), i - source.lineStart(line) + 1, end - source.lineStart(line) + 1,
                source.line(line), true);
    }

    private static int hexEscape(SourceText source, int i, int to, int n, StringBuilder sb) {
        String text = source.text();
        int j = i + 2;
        int v = 0;
        for (int k = 0; k < n; k++, j++) {
            int d = j < to ? Character.digit(text.charAt(j), 16) : -1;
            if (d < 0) {
                int line = source.lineOf(i);
                String kind = n == 2 ? "\\xXX" : n == 4 ? "\\uXXXX" : "\\UXXXXXXXX";
                throw new PySyntaxError("SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes: "
                        + "truncated " + kind + " escape", source.fileName(), line + source.lineOffset(),
                        i - source.lineStart(line) + 1, j - source.lineStart(line) + 1, source.line(line), true);
            }
            v = v * 16 + d;
        }
        if (v > Character.MAX_CODE_POINT) {
            int line = source.lineOf(i);
            throw new PySyntaxError("SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes: "
                    + "illegal Unicode character", source.fileName(), line + source.lineOffset(),
                    i - source.lineStart(line) + 1, j - source.lineStart(line) + 1, source.line(line), true);
        }
        sb.appendCodePoint(v);
        return j;
    }

    private void operator(char c) {
        int start = pos;
        for (String op : OPS3) {
            if (text.startsWith(op, pos) && pos + 3 <= end) {
                pos += 3;
                add(Kind.OP, op, null, start, pos);
                return;
            }
        }
        for (String op : OPS2) {
            if (text.startsWith(op, pos) && pos + 2 <= end) {
                pos += 2;
                add(Kind.OP, op, null, start, pos);
                return;
            }
        }
        if (OPS1.indexOf(c) < 0) {
            if (c == '!' || c == '$' || c == '?' || c == '`') {
                throw quietError("SyntaxError", "invalid syntax", start, start + 1, true);
            }
            int cp = text.codePointAt(pos);
            throw error("SyntaxError", String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(cp)),
                    cp), start, start + 1, true);
        }
        pos++;
        String op = String.valueOf(c).intern();
        if (c == '(' || c == '[' || c == '{') {
            brackets.push(new int[] {c, start});
        } else if (c == ')' || c == ']' || c == '}') {
            if (brackets.isEmpty()) {
                if (exprMode && c == '}') {
                    throw error("SyntaxError", "f-string: single '}' is not allowed", start, start + 1, true);
                }
                throw error("SyntaxError", "unmatched '" + c + "'", start, start + 1, true);
            }
            int[] open = brackets.pop();
            char expected = open[0] == '(' ? ')' : open[0] == '[' ? ']' : '}';
            if (expected != c) {
                int openLine = source.lineOf(open[1]);
                String where = openLine == source.lineOf(start) ? "" : " on line " + (openLine + source.lineOffset());
                throw error("SyntaxError", "closing parenthesis '" + c + "' does not match opening parenthesis '"
                        + (char) open[0] + "'" + where, start, start + 1, true);
            }
        }
        add(Kind.OP, op, null, start, pos);
    }

    private void add(Kind kind, String tokText, Object value, int from, int to) {
        int line = source.lineOf(from);
        int col = from - source.lineStart(line);
        int endLine = source.lineOf(Math.max(from, to));
        int endCol = to - source.lineStart(endLine);
        out.add(new Token(kind, tokText, value, line, col, endLine, endCol));
    }

    /**
     * An error CPython's tokenizer reports as a bare error token, leaving the message to the parser:
     * found after the parser's own error, it does not replace it.
     */
    private PySyntaxError quietError(String type, String msg, int from, int to, boolean caret) {
        quiet = true;
        return error(type, msg, from, to, caret);
    }

    private PySyntaxError error(String type, String msg, int from, int to, boolean caret) {
        return errorAt(source, type, msg, from, to, caret);
    }

    /** A syntax error located at source offsets {@code [from, to)}. */
    static PySyntaxError errorAt(SourceText source, String type, String msg, int from, int to, boolean caret) {
        int line = source.lineOf(Math.min(from, source.text().length()));
        int col = from - source.lineStart(line);
        int endCol = source.lineOf(to) == line ? to - source.lineStart(line) : col + 1;
        return new PySyntaxError(type, msg, source.fileName(), line + source.lineOffset(), col + 1, endCol + 1,
                source.line(line), caret);
    }
}
