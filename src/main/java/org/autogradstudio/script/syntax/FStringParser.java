package org.autogradstudio.script.syntax;

import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.script.syntax.Token.Kind;

/**
 * Adjacent string literals, joined; f-strings split into literal text and replacement fields
 * {@code {expr!r:spec}}, where the spec may itself hold fields ({@code f'{x:.{p}f}'}). Field
 * expressions are lexed from the original source so errors point at the right column.
 */
final class FStringParser {
    private final Parser parser;
    private final SourceText source;
    private final String text;
    private final boolean raw;
    private final int end;

    private FStringParser(Parser parser, boolean raw, int end) {
        this.parser = parser;
        this.source = parser.source;
        this.text = source.text();
        this.raw = raw;
        this.end = end;
    }

    static Expr parseStrings(Parser parser) {
        Token first = parser.peek();
        List<Expr> parts = new ArrayList<>();
        boolean anyF = false;
        StringBuilder plain = new StringBuilder();
        while (parser.peek().kind() == Kind.STRING) {
            Token t = parser.next();
            Token.StringToken st = (Token.StringToken) t.value();
            if (!st.fString()) {
                plain.append(st.decoded());
                continue;
            }
            anyF = true;
            if (plain.length() > 0) {
                parts.add(new Expr.Constant(plain.toString(), first.line(), first.col()));
                plain.setLength(0);
            }
            new FStringParser(parser, st.raw(), st.bodyEnd()).parseBody(st.bodyStart(), parts, false);
        }
        if (!anyF) {
            return new Expr.Constant(plain.toString(), first.line(), first.col());
        }
        if (plain.length() > 0) {
            parts.add(new Expr.Constant(plain.toString(), first.line(), first.col()));
        }
        return new Expr.JoinedStr(merge(parts), first.line(), first.col());
    }

    private static List<Expr> merge(List<Expr> parts) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : parts) {
            if (e instanceof Expr.Constant c && !out.isEmpty() && out.get(out.size() - 1) instanceof Expr.Constant prev) {
                out.set(out.size() - 1, new Expr.Constant((String) prev.value() + c.value(), prev.line(), prev.col()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /** Parses literal text and fields from {@code i}; in a spec, stops at the closing '}'. Returns the stop index. */
    private int parseBody(int i, List<Expr> parts, boolean inSpec) {
        StringBuilder lit = new StringBuilder();
        int litStart = i;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '{') {
                if (!inSpec && i + 1 < end && text.charAt(i + 1) == '{') {
                    lit.append('{');
                    i += 2;
                    continue;
                }
                flush(lit, litStart, parts);
                i = parseField(i, parts);
                litStart = i;
            } else if (c == '}') {
                if (inSpec) {
                    break;
                }
                if (i + 1 < end && text.charAt(i + 1) == '}') {
                    lit.append('}');
                    i += 2;
                    continue;
                }
                throw error("f-string: single '}' is not allowed", i);
            } else if (c == '\\' && !raw) {
                i = Lexer.appendChar(source, i, end, lit);
            } else {
                lit.append(c);
                i++;
            }
        }
        flush(lit, litStart, parts);
        return i;
    }

    private void flush(StringBuilder lit, int at, List<Expr> parts) {
        if (lit.length() > 0) {
            int line = source.lineOf(at);
            parts.add(new Expr.Constant(lit.toString(), line, at - source.lineStart(line)));
            lit.setLength(0);
        }
    }

    /** {@code text[i] == '{'}: parses one replacement field and returns the index after its '}'. */
    private int parseField(int i, List<Expr> parts) {
        int exprStart = i + 1;
        int j = exprStart;
        int depth = 0;
        boolean debug = false;
        int exprEnd = -1;
        while (j < end) {
            char c = text.charAt(j);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
                depth--;
            } else if (c == '}') {
                break;
            } else if (c == '\'' || c == '"') {
                j = skipQuoted(j);
                continue;
            } else if (c == '\\') {
                throw error("f-string expression part cannot include a backslash", j);
            } else if (c == '#') {
                throw error("f-string expression part cannot include '#'", j);
            } else if (depth == 0 && c == '!' && j + 1 < end && text.charAt(j + 1) != '=') {
                break;
            } else if (depth == 0 && c == ':') {
                break;
            } else if (depth == 0 && c == '=' && j + 1 < end && text.charAt(j + 1) != '='
                    && "=!<>".indexOf(text.charAt(j - 1)) < 0) {
                int k = j + 1;
                while (k < end && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                if (k < end && (text.charAt(k) == '}' || text.charAt(k) == '!' || text.charAt(k) == ':')) {
                    debug = true;
                    exprEnd = j;
                    j = k;
                    break;
                }
            }
            j++;
        }
        if (j >= end) {
            throw error("f-string: expecting '}'", i);
        }
        if (exprEnd < 0) {
            exprEnd = j;
        }
        if (text.substring(exprStart, exprEnd).isBlank()) {
            throw error("f-string: empty expression not allowed", i);
        }
        Expr value = Parser.parseExpressionRange(source, exprStart, exprEnd);
        int line = source.lineOf(i);
        int col = i - source.lineStart(line);
        char conversion = 0;
        if (debug) {
            parts.add(new Expr.Constant(text.substring(exprStart, j), line, col));
            conversion = 'r';
        }
        if (text.charAt(j) == '!') {
            if (j + 1 >= end || "rsa".indexOf(text.charAt(j + 1)) < 0) {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", j);
            }
            conversion = text.charAt(j + 1);
            j += 2;
        }
        Expr spec = null;
        if (j < end && text.charAt(j) == ':') {
            if (debug && conversion == 'r' && text.charAt(j - 1) != 'r') {
                conversion = 0; // f'{x=:.2f}' formats the value instead of using its repr
            }
            List<Expr> specParts = new ArrayList<>();
            j = parseBody(j + 1, specParts, true);
            spec = new Expr.JoinedStr(merge(specParts), line, col);
        }
        if (j >= end || text.charAt(j) != '}') {
            throw error("f-string: expecting '}'", i);
        }
        parts.add(new Expr.FormattedValue(value, conversion, spec, value.line(), value.col()));
        return j + 1;
    }

    private int skipQuoted(int j) {
        char q = text.charAt(j);
        int k = j + 1;
        while (k < end && text.charAt(k) != q) {
            k++;
        }
        if (k >= end) {
            throw error("f-string: unterminated string", j);
        }
        return k + 1;
    }

    private PySyntaxError error(String msg, int at) {
        return Lexer.errorAt(source, "SyntaxError", msg, at, at + 1, true);
    }
}
