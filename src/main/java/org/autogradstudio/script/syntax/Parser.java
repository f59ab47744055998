package org.autogradstudio.script.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.autogradstudio.script.syntax.Expr.BinaryOperator;
import org.autogradstudio.script.syntax.Expr.CompareOperator;
import org.autogradstudio.script.syntax.Expr.ComprehensionKind;
import org.autogradstudio.script.syntax.Expr.UnaryOperator;
import org.autogradstudio.script.syntax.Token.Kind;

/**
 * Recursive-descent parser for the Python subset, following the precedence levels of Python's
 * grammar (lambda, conditional, or, and, not, comparisons, | ^ &, shifts, + -, * / // % @, unary,
 * ** and primaries). Statements are in {@link StatementParser}'s half of the class hierarchy; this
 * class holds the token cursor and the expressions.
 */
public class Parser {
    final SourceText source;
    private final List<Token> toks;
    private int p;

    Parser(SourceText source, List<Token> toks) {
        this.source = source;
        this.toks = toks;
    }

    /**
     * Parses a whole file or cell. A tokenizer error is raised when the parser reaches it; when the
     * parser fails first, CPython 3.11 still tokenizes the rest of the file, and an error found
     * there may replace the parser's: see {@link Token.LexError#replaces}.
     */
    public static List<Stmt> parseModule(SourceText source) {
        List<Token> tokens = Lexer.tokenize(source);
        try {
            return new StatementParser(source, tokens).parseModule();
        } catch (PySyntaxError e) {
            Token last = tokens.get(tokens.size() - 1);
            if (last.kind() != Kind.ERROR) {
                throw e;
            }
            Token.LexError lexed = (Token.LexError) last.value();
            throw lexed.replaces(e) ? lexed.error() : e;
        }
    }

    /** Parses a single expression (used for f-string fields and by tests). */
    public static Expr parseExpression(SourceText source) {
        return parseExpressionRange(source, 0, source.text().length());
    }

    static Expr parseExpressionRange(SourceText source, int start, int end) {
        Parser parser = new Parser(source, Lexer.tokenizeExpression(source, start, end));
        Expr e = parser.parseStarExpressions();
        if (parser.peek().kind() != Kind.END) {
            throw parser.invalidSyntax(parser.peek());
        }
        return e;
    }

    /** Where {@code e} starts, its opening parenthesis included (Python's positions of an operation on it count from there). */
    final int startLine(Expr e) {
        int line = source.parenLine(e);
        return line >= 0 ? line : e.line();
    }

    final int startCol(Expr e) {
        int line = source.parenLine(e);
        return line >= 0 ? source.parenCol(e) : e.col();
    }

    /** {@code e}, whose last token was just consumed: records where it ends (see {@link SourceText#recordEnd}). */
    final <T extends Expr> T ended(T e) {
        Token last = prev();
        source.recordEnd(e, last.endLine(), last.endCol());
        return e;
    }

    // ---------------------------------------------------------------- token cursor

    final Token peek() {
        return reached(toks.get(p));
    }

    final Token peek(int k) {
        return reached(toks.get(Math.min(p + k, toks.size() - 1)));
    }

    /** {@code t}, unless it is where the tokenizer failed: then the parser has reached that error. */
    private static Token reached(Token t) {
        if (t.kind() == Kind.ERROR) {
            throw ((Token.LexError) t.value()).error();
        }
        return t;
    }

    final Token prev() {
        return toks.get(Math.max(0, p - 1));
    }

    final Token next() {
        Token t = reached(toks.get(p));
        if (t.kind() != Kind.END) {
            p++;
        }
        return t;
    }

    final boolean atOp(String op) {
        return peek().isOp(op);
    }

    final boolean atKw(String kw) {
        return peek().isName(kw);
    }

    final boolean acceptOp(String op) {
        if (atOp(op)) {
            p++;
            return true;
        }
        return false;
    }

    final boolean acceptKw(String kw) {
        if (atKw(kw)) {
            p++;
            return true;
        }
        return false;
    }

    final String expectName() {
        Token t = peek();
        if (t.kind() != Kind.NAME || Lexer.KEYWORDS.contains(t.text())) {
            throw invalidSyntax(t);
        }
        next();
        return t.text();
    }

    final void expectOp(String op) {
        if (!acceptOp(op)) {
            throw invalidSyntax(peek());
        }
    }

    // ---------------------------------------------------------------- errors

    final PySyntaxError error(Token t, String msg) {
        return errorRange("SyntaxError", msg, t.line(), t.col(), t.endLine() == t.line() ? t.endCol() : t.col() + 1);
    }

    final PySyntaxError errorRange(String type, String msg, int line, int col, int endCol) {
        return new PySyntaxError(type, msg, source.fileName(), line + source.lineOffset(), col + 1,
                Math.max(endCol, col + 1) + 1, source.line(line), true);
    }

    final PySyntaxError invalidSyntax(Token t) {
        if (t.kind() == Kind.NAME && (t.text().equals("await") || t.text().equals("async"))) {
            return error(t, "'" + t.text() + "' is not supported in Autograd Studio");
        }
        if (t.kind() == Kind.NEWLINE || t.kind() == Kind.END) {
            return errorRange("SyntaxError", "invalid syntax", t.line(), t.col(), t.col() + 1);
        }
        return error(t, "invalid syntax");
    }

    /** An error placed just after the previous token, as Python does for "expected ':'". */
    final PySyntaxError errorAfterPrevious(String msg) {
        Token t = prev();
        return errorRange("SyntaxError", msg, t.endLine(), t.endCol(), t.endCol() + 1);
    }

    /** True when the current token could begin an expression (for "Perhaps you forgot a comma?"). */
    final boolean startsExpression(Token t) {
        switch (t.kind()) {
            case NUMBER: case STRING:
                return true;
            case NAME:
                return !Lexer.KEYWORDS.contains(t.text()) || t.text().equals("None") || t.text().equals("True")
                        || t.text().equals("False") || t.text().equals("lambda") || t.text().equals("not");
            case OP:
                return t.text().equals("(") || t.text().equals("[") || t.text().equals("{");
            default:
                return false;
        }
    }

    /** Expects a closing bracket; two adjacent expressions before it get Python's comma hint. */
    final void expectClose(String close, Expr last) {
        if (acceptOp(close)) {
            return;
        }
        Token t = peek();
        if (last != null && startsExpression(t) && last.line() == t.line()) {
            throw errorRange("SyntaxError", "invalid syntax. Perhaps you forgot a comma?", t.line(), last.col(),
                    t.endLine() == t.line() ? t.endCol() : t.col() + 1);
        }
        throw invalidSyntax(t);
    }

    // ---------------------------------------------------------------- expressions

    /** star_expressions: a comma list without brackets is a tuple. */
    final Expr parseStarExpressions() {
        Token start = peek();
        Expr first = parseStarExpression();
        if (!atOp(",")) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (acceptOp(",")) {
            if (!startsExpression(peek()) && !atOp("*") && !atOp("-") && !atOp("+") && !atOp("~")
                    && !atOp("...")) {
                break;
            }
            elts.add(parseStarExpression());
        }
        return ended(new Expr.TupleExpr(elts, start.line(), start.col()));
    }

    /** A yield expression where Python allows one unparenthesised (statement, right of '='), else star_expressions. */
    final Expr parseYieldOrStarExpressions() {
        Token t = peek();
        if (atNamedExpression()) {
            // Python wants 'x := v' in parentheses here (a statement, the right of '=', return)
            throw invalidSyntax(peek(1));
        }
        if (!atKw("yield")) {
            return parseStarExpressions();
        }
        next();
        boolean from = acceptKw("from");
        Token after = peek();
        boolean bare = !from && (after.kind() == Kind.NEWLINE || after.kind() == Kind.END || after.isOp(";")
                || after.isOp(")") || after.isOp("="));
        Expr value = bare ? null : from ? parseExpression() : parseStarExpressions();
        Token last = prev();
        return new Expr.Yield(value, from, t.line(), t.col(), last.endLine() == t.line() ? last.endCol() : -1);
    }

    final Expr parseStarExpression() {
        Token t = peek();
        if (acceptOp("*")) {
            return new Expr.Starred(parseBitOr(), t.line(), t.col());
        }
        return parseNamedExpression();
    }

    /** named_expression: {@code name := expression}, or an expression. */
    final Expr parseNamedExpression() {
        if (!atNamedExpression()) {
            return parseExpression();
        }
        Token t = next();
        next();
        Expr value = parseExpression();
        return new Expr.NamedExpr(new Expr.Name(t.text(), t.line(), t.col()), value, t.line(), t.col());
    }

    private boolean atNamedExpression() {
        Token t = peek();
        return t.kind() == Kind.NAME && peek(1).isOp(":=") && !Lexer.KEYWORDS.contains(t.text());
    }

    final Expr parseExpression() {
        return ended(parseExpressionUnrecorded());
    }

    private Expr parseExpressionUnrecorded() {
        Token t = peek();
        if (t.isName("lambda")) {
            return parseLambda();
        }
        Expr e = parseOr();
        if (atKw("if")) {
            next();
            Expr test = parseOr();
            if (!acceptKw("else")) {
                throw error(peek(), "expected 'else' after 'if' expression");
            }
            Expr orElse = parseExpression();
            return new Expr.IfExp(test, e, orElse, e.line(), e.col());
        }
        return e;
    }

    private Expr parseLambda() {
        Token t = next();
        Expr.Params params = parseParams(":", false);
        expectOp(":");
        Expr body = parseExpression();
        return new Expr.Lambda(params, body, t.line(), t.col());
    }

    private Expr parseOr() {
        Expr e = parseAnd();
        if (!atKw("or")) {
            return e;
        }
        List<Expr> values = new ArrayList<>();
        values.add(e);
        while (acceptKw("or")) {
            values.add(parseAnd());
        }
        return ended(new Expr.BoolOp(false, values, startLine(e), startCol(e)));
    }

    private Expr parseAnd() {
        Expr e = parseNot();
        if (!atKw("and")) {
            return e;
        }
        List<Expr> values = new ArrayList<>();
        values.add(e);
        while (acceptKw("and")) {
            values.add(parseNot());
        }
        return ended(new Expr.BoolOp(true, values, startLine(e), startCol(e)));
    }

    private Expr parseNot() {
        Token t = peek();
        if (acceptKw("not")) {
            return ended(new Expr.UnaryOp(UnaryOperator.NOT, parseNot(), t.line(), t.col()));
        }
        return parseComparison();
    }

    private Expr parseComparison() {
        Expr left = parseBitOr();
        List<CompareOperator> ops = null;
        List<Expr> rights = null;
        while (true) {
            CompareOperator op = compareOperator();
            if (op == null) {
                break;
            }
            if (ops == null) {
                ops = new ArrayList<>();
                rights = new ArrayList<>();
            }
            ops.add(op);
            rights.add(parseBitOr());
        }
        return ops == null ? left : ended(new Expr.Compare(left, ops, rights, startLine(left), startCol(left)));
    }

    private CompareOperator compareOperator() {
        Token t = peek();
        if (t.kind() == Kind.OP) {
            CompareOperator op;
            switch (t.text()) {
                case "<": op = CompareOperator.LT; break;
                case "<=": op = CompareOperator.LE; break;
                case ">": op = CompareOperator.GT; break;
                case ">=": op = CompareOperator.GE; break;
                case "==": op = CompareOperator.EQ; break;
                case "!=": op = CompareOperator.NE; break;
                default: return null;
            }
            next();
            return op;
        }
        if (t.isName("in")) {
            next();
            return CompareOperator.IN;
        }
        if (t.isName("not") && peek(1).isName("in")) {
            next();
            next();
            return CompareOperator.NOT_IN;
        }
        if (t.isName("is")) {
            next();
            return acceptKw("not") ? CompareOperator.IS_NOT : CompareOperator.IS;
        }
        return null;
    }

    final Expr parseBitOr() {
        Expr e = parseXor();
        while (atOp("|")) {
            next();
            e = ended(new Expr.BinOp(e, BinaryOperator.BITOR, parseXor(), startLine(e), startCol(e)));
        }
        return e;
    }

    private Expr parseXor() {
        Expr e = parseBitAnd();
        while (atOp("^")) {
            next();
            e = ended(new Expr.BinOp(e, BinaryOperator.BITXOR, parseBitAnd(), startLine(e), startCol(e)));
        }
        return e;
    }

    private Expr parseBitAnd() {
        Expr e = parseShift();
        while (atOp("&")) {
            next();
            e = ended(new Expr.BinOp(e, BinaryOperator.BITAND, parseShift(), startLine(e), startCol(e)));
        }
        return e;
    }

    private Expr parseShift() {
        Expr e = parseArith();
        while (true) {
            BinaryOperator op = atOp("<<") ? BinaryOperator.LSHIFT : atOp(">>") ? BinaryOperator.RSHIFT : null;
            if (op == null) {
                return e;
            }
            next();
            e = ended(new Expr.BinOp(e, op, parseArith(), startLine(e), startCol(e)));
        }
    }

    private Expr parseArith() {
        Expr e = parseTerm();
        while (true) {
            BinaryOperator op = atOp("+") ? BinaryOperator.ADD : atOp("-") ? BinaryOperator.SUB : null;
            if (op == null) {
                return e;
            }
            next();
            e = ended(new Expr.BinOp(e, op, parseTerm(), startLine(e), startCol(e)));
        }
    }

    private Expr parseTerm() {
        Expr e = parseFactor();
        while (true) {
            Token t = peek();
            BinaryOperator op = null;
            if (t.kind() == Kind.OP) {
                switch (t.text()) {
                    case "*": op = BinaryOperator.MUL; break;
                    case "/": op = BinaryOperator.DIV; break;
                    case "//": op = BinaryOperator.FLOORDIV; break;
                    case "%": op = BinaryOperator.MOD; break;
                    case "@": op = BinaryOperator.MATMUL; break;
                    default: break;
                }
            }
            if (op == null) {
                return e;
            }
            next();
            e = ended(new Expr.BinOp(e, op, parseFactor(), startLine(e), startCol(e)));
        }
    }

    private Expr parseFactor() {
        Token t = peek();
        UnaryOperator op = t.isOp("-") ? UnaryOperator.NEG : t.isOp("+") ? UnaryOperator.POS
                : t.isOp("~") ? UnaryOperator.INVERT : null;
        if (op != null) {
            next();
            return ended(new Expr.UnaryOp(op, parseFactor(), t.line(), t.col()));
        }
        return parsePower();
    }

    /** {@code **} is right-associative and binds tighter than a unary operator on its left. */
    private Expr parsePower() {
        Expr base = parsePrimary();
        if (atOp("**")) {
            next();
            return ended(new Expr.BinOp(base, BinaryOperator.POW, parseFactor(), startLine(base), startCol(base)));
        }
        return base;
    }

    private Expr parsePrimary() {
        Expr e = ended(parseAtom());
        while (true) {
            Token t = peek();
            if (t.isOp("(")) {
                e = parseCall(e);
            } else if (t.isOp("[")) {
                e = parseSubscript(e);
            } else if (t.isOp(".")) {
                next();
                String name = expectName();
                e = ended(new Expr.Attribute(e, name, startLine(e), startCol(e)));
            } else {
                return e;
            }
        }
    }

    private Expr parseCall(Expr func) {
        next();
        List<Expr> args = new ArrayList<>();
        List<Expr.Keyword> keywords = new ArrayList<>();
        boolean seenKeyword = false;
        boolean seenKwUnpack = false;
        Expr last = null;
        while (!atOp(")")) {
            Token t = peek();
            if (acceptOp("*")) {
                if (seenKwUnpack) {
                    throw error(t, "iterable argument unpacking follows keyword argument unpacking");
                }
                last = new Expr.Starred(parseExpression(), t.line(), t.col());
                args.add(last);
            } else if (acceptOp("**")) {
                last = parseExpression();
                keywords.add(new Expr.Keyword(null, last, t.line(), t.col()));
                seenKwUnpack = true;
            } else if (t.kind() == Kind.NAME && peek(1).isOp("=") && !Lexer.KEYWORDS.contains(t.text())) {
                next();
                next();
                last = parseExpression();
                keywords.add(new Expr.Keyword(t.text(), last, t.line(), t.col()));
                seenKeyword = true;
            } else {
                Expr e = parseNamedExpression();
                if (atKw("for")) {
                    e = new Expr.Comprehension(ComprehensionKind.GENERATOR, e, null, parseForClauses(), e.line(),
                            e.col());
                    if (!args.isEmpty() || !keywords.isEmpty() || atOp(",") && !peek(1).isOp(")")) {
                        throw errorRange("SyntaxError", "Generator expression must be parenthesized", e.line(),
                                e.col(), e.col() + 1);
                    }
                }
                if (atOp("=")) {
                    throw errorRange("SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?",
                            e.line(), e.col(), peek().col() + 1);
                }
                if (seenKwUnpack) {
                    throw errorRange("SyntaxError", "positional argument follows keyword argument unpacking",
                            e.line(), e.col(), e.col() + 1);
                }
                if (seenKeyword) {
                    throw errorRange("SyntaxError", "positional argument follows keyword argument", e.line(), e.col(),
                            e.col() + 1);
                }
                args.add(e);
                last = e;
            }
            if (!acceptOp(",")) {
                break;
            }
        }
        expectClose(")", last);
        return ended(new Expr.Call(func, args, keywords, startLine(func), startCol(func)));
    }

    private Expr parseSubscript(Expr value) {
        Token open = next();
        List<Expr> items = new ArrayList<>();
        boolean comma = false;
        Expr last = parseSliceItem();
        items.add(last);
        while (acceptOp(",")) {
            comma = true;
            if (atOp("]")) {
                break;
            }
            last = parseSliceItem();
            items.add(last);
        }
        expectClose("]", last);
        Expr index = items.size() == 1 && !comma ? items.get(0)
                : new Expr.TupleExpr(items, open.line(), open.col() + 1);
        if (index != last) {
            // an index tuple ends with its last item, as Python's (the bracket is not part of it)
            source.recordEnd(index, source.endLine(last), source.endCol(last));
        }
        return ended(new Expr.Subscript(value, index, startLine(value), startCol(value)));
    }

    private Expr parseSliceItem() {
        Token t = peek();
        Expr lower = null;
        if (!atOp(":")) {
            lower = parseStarExpression();
            if (!atOp(":")) {
                return lower;
            }
        }
        next();
        Expr upper = atOp(":") || atOp(",") || atOp("]") ? null : parseExpression();
        Expr step = null;
        if (acceptOp(":")) {
            step = atOp(",") || atOp("]") ? null : parseExpression();
        }
        return ended(new Expr.Slice(lower, upper, step, t.line(), t.col()));
    }

    private Expr parseAtom() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                next();
                return new Expr.Constant(t.value(), t.line(), t.col());
            case STRING:
                return FStringParser.parseStrings(this);
            case NAME:
                switch (t.text()) {
                    case "True": next(); return new Expr.Constant(Boolean.TRUE, t.line(), t.col());
                    case "False": next(); return new Expr.Constant(Boolean.FALSE, t.line(), t.col());
                    case "None": next(); return new Expr.Constant(Expr.Singleton.NONE, t.line(), t.col());
                    default:
                        if (Lexer.KEYWORDS.contains(t.text())) {
                            throw invalidSyntax(t);
                        }
                        next();
                        return new Expr.Name(t.text(), t.line(), t.col());
                }
            case OP:
                switch (t.text()) {
                    case "(": return parseParen();
                    case "[": return parseList();
                    case "{": return parseBrace();
                    case "...": next(); return new Expr.Constant(Expr.Singleton.ELLIPSIS, t.line(), t.col());
                    default: throw invalidSyntax(t);
                }
            default:
                throw invalidSyntax(t);
        }
    }

    private Expr parseParen() {
        Token open = next();
        if (acceptOp(")")) {
            return new Expr.TupleExpr(List.of(), open.line(), open.col());
        }
        if (atKw("yield")) {
            Expr y = parseYieldOrStarExpressions();
            expectClose(")", null);
            return y;
        }
        Expr first = parseStarExpression();
        if (atKw("for")) {
            Expr g = new Expr.Comprehension(ComprehensionKind.GENERATOR, first, null, parseForClauses(), open.line(),
                    open.col());
            expectClose(")", null);
            return g;
        }
        if (acceptOp(")")) {
            if (first instanceof Expr.Starred) {
                throw errorRange("SyntaxError", "cannot use starred expression here", first.line(), first.col(),
                        first.col() + 1);
            }
            source.recordParen(first, open.line(), open.col());
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        Expr last = first;
        while (acceptOp(",")) {
            if (atOp(")")) {
                break;
            }
            last = parseStarExpression();
            elts.add(last);
        }
        expectClose(")", last);
        return new Expr.TupleExpr(elts, open.line(), open.col());
    }

    private Expr parseList() {
        Token open = next();
        List<Expr> elts = new ArrayList<>();
        if (acceptOp("]")) {
            return new Expr.ListExpr(elts, open.line(), open.col());
        }
        Expr first = parseStarExpression();
        if (atKw("for")) {
            Expr c = new Expr.Comprehension(ComprehensionKind.LIST, first, null, parseForClauses(), open.line(),
                    open.col());
            expectClose("]", null);
            return c;
        }
        elts.add(first);
        Expr last = first;
        while (acceptOp(",")) {
            if (atOp("]")) {
                break;
            }
            last = parseStarExpression();
            elts.add(last);
        }
        expectClose("]", last);
        return new Expr.ListExpr(elts, open.line(), open.col());
    }

    private Expr parseBrace() {
        Token open = next();
        if (acceptOp("}")) {
            return new Expr.DictExpr(List.of(), List.of(), open.line(), open.col());
        }
        if (atOp("**")) {
            return parseDictRest(open, new ArrayList<>(), new ArrayList<>());
        }
        Expr first = parseStarExpression();
        if (acceptOp(":")) {
            Expr value = parseExpression();
            if (atKw("for")) {
                Expr c = new Expr.Comprehension(ComprehensionKind.DICT, first, value, parseForClauses(), open.line(),
                        open.col());
                expectClose("}", null);
                return c;
            }
            List<Expr> keys = new ArrayList<>(List.of(first));
            List<Expr> values = new ArrayList<>(List.of(value));
            if (!acceptOp(",")) {
                expectClose("}", value);
                return new Expr.DictExpr(keys, values, open.line(), open.col());
            }
            return parseDictRest(open, keys, values);
        }
        if (atKw("for")) {
            Expr c = new Expr.Comprehension(ComprehensionKind.SET, first, null, parseForClauses(), open.line(),
                    open.col());
            expectClose("}", null);
            return c;
        }
        List<Expr> elts = new ArrayList<>(List.of(first));
        Expr last = first;
        while (acceptOp(",")) {
            if (atOp("}")) {
                break;
            }
            last = parseStarExpression();
            elts.add(last);
        }
        expectClose("}", last);
        return new Expr.SetExpr(elts, open.line(), open.col());
    }

    /** The rest of a dict display after a comma (or at a leading {@code **}). */
    private Expr parseDictRest(Token open, List<Expr> keys, List<Expr> values) {
        Expr last = null;
        while (!atOp("}")) {
            if (acceptOp("**")) {
                keys.add(null);
                last = parseBitOr();
                values.add(last);
            } else {
                keys.add(parseExpression());
                if (!acceptOp(":")) {
                    throw error(peek(), "':' expected after dictionary key");
                }
                last = parseExpression();
                values.add(last);
            }
            if (!acceptOp(",")) {
                break;
            }
        }
        expectClose("}", last);
        return new Expr.DictExpr(keys, values, open.line(), open.col());
    }

    final List<Expr.ForClause> parseForClauses() {
        List<Expr.ForClause> clauses = new ArrayList<>();
        while (atKw("for")) {
            next();
            Expr target = parseTargetList();
            StatementParser.checkTarget(this, target, "assign");
            if (!acceptKw("in")) {
                throw invalidSyntax(peek());
            }
            Expr iter = parseOr();
            List<Expr> ifs = new ArrayList<>();
            while (atKw("if")) {
                next();
                ifs.add(parseOr());
            }
            clauses.add(new Expr.ForClause(target, iter, ifs));
        }
        return clauses;
    }

    /** Targets of {@code for} and comprehensions: stops before {@code in}. */
    final Expr parseTargetList() {
        Token start = peek();
        Expr first = parseTargetItem();
        if (!atOp(",")) {
            return first;
        }
        List<Expr> elts = new ArrayList<>(List.of(first));
        while (acceptOp(",")) {
            if (atKw("in") || atOp("=")) {
                break;
            }
            elts.add(parseTargetItem());
        }
        return ended(new Expr.TupleExpr(elts, start.line(), start.col()));
    }

    private Expr parseTargetItem() {
        Token t = peek();
        if (acceptOp("*")) {
            return new Expr.Starred(parseBitOr(), t.line(), t.col());
        }
        return parseBitOr();
    }

    /** Parameters up to (not including) {@code terminator}. */
    final Expr.Params parseParams(String terminator, boolean annotations) {
        Token start = peek();
        List<Expr.Param> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean seenDefault = false;
        boolean seenStar = false;
        boolean seenVarKw = false;
        while (!atOp(terminator)) {
            Token t = peek();
            if (seenVarKw) {
                throw error(t, "arguments cannot follow var-keyword argument");
            }
            Expr.ParamKind kind = seenStar ? Expr.ParamKind.KEYWORD_ONLY : Expr.ParamKind.POSITIONAL;
            if (acceptOp("/")) {
                if (!acceptOp(",")) {
                    break;
                }
                continue;
            }
            if (acceptOp("*")) {
                if (seenStar) {
                    throw error(t, "* argument may appear only once");
                }
                seenStar = true;
                if (atOp(",") || atOp(terminator)) {
                    if (!acceptOp(",") || atOp(terminator)) {
                        throw error(t, "named arguments must follow bare *");
                    }
                    continue;
                }
                kind = Expr.ParamKind.VAR_POSITIONAL;
            } else if (acceptOp("**")) {
                seenVarKw = true;
                kind = Expr.ParamKind.VAR_KEYWORD;
            }
            Token nameTok = peek();
            String name = expectName();
            if (annotations && acceptOp(":")) {
                parseExpression();
            }
            Expr def = null;
            if (kind != Expr.ParamKind.VAR_POSITIONAL && kind != Expr.ParamKind.VAR_KEYWORD && acceptOp("=")) {
                def = parseExpression();
                seenDefault |= kind == Expr.ParamKind.POSITIONAL;
            } else if (kind == Expr.ParamKind.POSITIONAL && seenDefault) {
                throw error(nameTok, "non-default argument follows default argument");
            }
            if (!names.add(name)) {
                throw error(nameTok, "duplicate argument '" + name + "' in function definition");
            }
            params.add(new Expr.Param(name, kind, def, nameTok.line(), nameTok.col()));
            if (!acceptOp(",")) {
                break;
            }
        }
        return new Expr.Params(params, start.line(), start.col());
    }
}
