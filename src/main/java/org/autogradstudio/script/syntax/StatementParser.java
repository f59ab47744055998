package org.autogradstudio.script.syntax;

import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.script.syntax.Expr.BinaryOperator;
import org.autogradstudio.script.syntax.Token.Kind;

/** The statement half of the parser: blocks, compound and simple statements, target checks. */
final class StatementParser extends Parser {

    StatementParser(SourceText source, List<Token> toks) {
        super(source, toks);
    }

    List<Stmt> parseModule() {
        List<Stmt> body = new ArrayList<>();
        while (peek().kind() != Kind.END) {
            if (peek().kind() == Kind.NEWLINE) {
                next();
                continue;
            }
            parseStatement(body);
        }
        return body;
    }

    private void parseStatement(List<Stmt> out) {
        Token t = peek();
        if (t.kind() == Kind.INDENT) {
            throw new PySyntaxError("IndentationError", "unexpected indent", source.fileName(),
                    t.line() + source.lineOffset(), t.col() + 1, t.col() + 2, source.line(t.line()), false);
        }
        if (t.kind() == Kind.DEDENT) {
            throw invalidSyntax(t);
        }
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "if": out.add(parseIf()); return;
                case "while": out.add(parseWhile()); return;
                case "for": out.add(parseFor()); return;
                case "try": out.add(parseTry()); return;
                case "with": out.add(parseWith()); return;
                case "def": out.add(parseDef(List.of())); return;
                case "class": out.add(parseClass(List.of())); return;
                default: break;
            }
        }
        if (t.isOp("@")) {
            out.add(parseDecorated());
            return;
        }
        parseSimpleStatements(out);
    }

    private void parseSimpleStatements(List<Stmt> out) {
        while (true) {
            Stmt s = parseSimple();
            out.add(s);
            if (acceptOp(";")) {
                if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.END) {
                    break;
                }
                continue;
            }
            Token t = peek();
            if (t.kind() != Kind.NEWLINE && t.kind() != Kind.END) {
                if (s instanceof Stmt.ExprStmt es && es.value() instanceof Expr.Name n
                        && (n.id().equals("print") || n.id().equals("exec")) && startsExpression(t)) {
                    String line = source.line(n.line());
                    throw errorRange("SyntaxError", "Missing parentheses in call to '" + n.id() + "'. Did you mean "
                            + n.id() + "(...)?", n.line(), n.col(), line.stripTrailing().length());
                }
                throw invalidSyntax(t);
            }
            break;
        }
        if (peek().kind() == Kind.NEWLINE) {
            next();
        }
    }

    /**
     * The test of an {@code if}, {@code elif} or {@code while}; {@code if x = 2:} gets CPython's hint,
     * with the carets under the whole {@code x = 2}.
     */
    private Expr parseCondition() {
        Token first = peek();
        Expr test = parseNamedExpression();
        if (atOp("=")) {
            next();
            parseExpression();
            Token last = prev();
            int end = last.endLine() == first.line() ? last.endCol() : first.col() + 1;
            throw errorRange("SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", first.line(),
                    first.col(), end);
        }
        return test;
    }

    /** ':' then either an indented block or simple statements on the same line. */
    private List<Stmt> parseBlock(String what, Token header) {
        if (!acceptOp(":")) {
            throw errorAfterPrevious("expected ':'");
        }
        List<Stmt> body = new ArrayList<>();
        if (peek().kind() != Kind.NEWLINE) {
            parseSimpleStatements(body);
            return body;
        }
        next();
        if (peek().kind() != Kind.INDENT) {
            Token t = peek();
            int line = t.kind() == Kind.END ? Math.max(1, t.line()) : t.line();
            throw new PySyntaxError("IndentationError", "expected an indented block after " + what + " on line "
                    + (header.line() + source.lineOffset()), source.fileName(), line + source.lineOffset(),
                    t.col() + 1, t.col() + 2, source.line(line), true);
        }
        next();
        while (peek().kind() != Kind.DEDENT && peek().kind() != Kind.END) {
            parseStatement(body);
        }
        acceptDedent();
        return body;
    }

    private void acceptDedent() {
        if (peek().kind() == Kind.DEDENT) {
            next();
        }
    }

    private Stmt parseIf() {
        Token t = next();
        Expr test = parseCondition();
        List<Stmt> body = parseBlock("'" + t.text() + "' statement", t);
        List<Stmt> orElse = List.of();
        if (atKw("elif")) {
            orElse = List.of(parseIf());
        } else if (atKw("else")) {
            Token e = next();
            orElse = parseBlock("'else' statement", e);
        }
        return new Stmt.If(test, body, orElse, t.line(), t.col());
    }

    private Stmt parseWhile() {
        Token t = next();
        Expr test = parseCondition();
        List<Stmt> body = parseBlock("'while' statement", t);
        List<Stmt> orElse = List.of();
        if (atKw("else")) {
            Token e = next();
            orElse = parseBlock("'else' statement", e);
        }
        return new Stmt.While(test, body, orElse, t.line(), t.col());
    }

    private Stmt parseFor() {
        Token t = next();
        Expr target = parseTargetList();
        checkTarget(this, target, "assign");
        if (!acceptKw("in")) {
            throw invalidSyntax(peek());
        }
        Expr iter = parseStarExpressions();
        List<Stmt> body = parseBlock("'for' statement", t);
        List<Stmt> orElse = List.of();
        if (atKw("else")) {
            Token e = next();
            orElse = parseBlock("'else' statement", e);
        }
        return new Stmt.For(target, iter, body, orElse, t.line(), t.col());
    }

    private Stmt parseTry() {
        Token t = next();
        List<Stmt> body = parseBlock("'try' statement", t);
        List<Stmt.ExceptHandler> handlers = new ArrayList<>();
        while (atKw("except")) {
            Token h = next();
            Expr type = null;
            String name = null;
            if (!atOp(":")) {
                type = parseExpression();
                if (atOp(",")) {
                    throw errorRange("SyntaxError", "multiple exception types must be parenthesized", type.line(),
                            type.col(), peek().col());
                }
                if (acceptKw("as")) {
                    name = expectName();
                }
            }
            handlers.add(new Stmt.ExceptHandler(type, name, parseBlock("'except' statement", h), h.line(), h.col()));
        }
        List<Stmt> orElse = List.of();
        if (!handlers.isEmpty() && atKw("else")) {
            Token e = next();
            orElse = parseBlock("'else' statement", e);
        }
        List<Stmt> fin = null;
        if (atKw("finally")) {
            Token f = next();
            fin = parseBlock("'finally' statement", f);
        }
        if (handlers.isEmpty() && fin == null) {
            throw error(peek(), "expected 'except' or 'finally' block");
        }
        return new Stmt.Try(body, handlers, orElse, fin == null ? List.of() : fin, t.line(), t.col());
    }

    private Stmt parseWith() {
        Token t = next();
        List<Stmt.WithItem> items = new ArrayList<>();
        do {
            Expr ctx = parseExpression();
            Expr target = null;
            if (acceptKw("as")) {
                target = parseTargetItemForWith();
                checkTarget(this, target, "assign");
            }
            items.add(new Stmt.WithItem(ctx, target));
        } while (acceptOp(","));
        return new Stmt.With(items, parseBlock("'with' statement", t), t.line(), t.col());
    }

    private Expr parseTargetItemForWith() {
        return parseBitOr();
    }

    private Stmt parseDecorated() {
        List<Expr> decorators = new ArrayList<>();
        while (atOp("@")) {
            next();
            decorators.add(parseExpression());
            if (peek().kind() != Kind.NEWLINE) {
                throw invalidSyntax(peek());
            }
            next();
        }
        if (atKw("def")) {
            return parseDef(decorators);
        }
        if (atKw("class")) {
            return parseClass(decorators);
        }
        throw invalidSyntax(peek());
    }

    private Stmt parseDef(List<Expr> decorators) {
        Token t = next();
        String name = expectName();
        if (!atOp("(")) {
            throw error(peek(), "expected '('");
        }
        next();
        Expr.Params params = parseParams(")", true);
        expectClose(")", null);
        if (acceptOp("->")) {
            parseExpression();
        }
        List<Stmt> body = parseBlock("function definition", t);
        return new Stmt.FunctionDef(name, params, body, decorators, docstring(body), t.line(), t.col());
    }

    private Stmt parseClass(List<Expr> decorators) {
        Token t = next();
        String name = expectName();
        List<Expr> bases = new ArrayList<>();
        List<Expr.Keyword> keywords = new ArrayList<>();
        if (acceptOp("(")) {
            while (!atOp(")")) {
                Token k = peek();
                if (k.kind() == Kind.NAME && peek(1).isOp("=")) {
                    next();
                    next();
                    keywords.add(new Expr.Keyword(k.text(), parseExpression(), k.line(), k.col()));
                } else {
                    bases.add(parseExpression());
                }
                if (!acceptOp(",")) {
                    break;
                }
            }
            expectClose(")", null);
        }
        List<Stmt> body = parseBlock("class definition", t);
        return new Stmt.ClassDef(name, bases, keywords, body, decorators, docstring(body), t.line(), t.col());
    }

    private static String docstring(List<Stmt> body) {
        if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt es && es.value() instanceof Expr.Constant c
                && c.value() instanceof String s) {
            return s;
        }
        return null;
    }

    private boolean atSimpleEnd() {
        Token t = peek();
        return t.kind() == Kind.NEWLINE || t.kind() == Kind.END || t.isOp(";");
    }

    private Stmt parseSimple() {
        Token t = peek();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "pass": next(); return new Stmt.Pass(t.line(), t.col());
                case "break": next(); return new Stmt.Break(t.line(), t.col());
                case "continue": next(); return new Stmt.Continue(t.line(), t.col());
                case "return": {
                    next();
                    Expr value = atSimpleEnd() ? null : parseYieldOrStarExpressions();
                    return new Stmt.Return(value, t.line(), t.col());
                }
                case "raise": {
                    next();
                    Expr exc = atSimpleEnd() ? null : parseExpression();
                    Expr cause = exc != null && acceptKw("from") ? parseExpression() : null;
                    return new Stmt.Raise(exc, cause, t.line(), t.col());
                }
                case "global": case "nonlocal": {
                    next();
                    List<String> names = new ArrayList<>();
                    do {
                        names.add(expectName());
                    } while (acceptOp(","));
                    return t.text().equals("global") ? new Stmt.Global(names, t.line(), t.col())
                            : new Stmt.Nonlocal(names, t.line(), t.col());
                }
                case "del": {
                    next();
                    Expr target = parseStarExpressions();
                    List<Expr> targets = target instanceof Expr.TupleExpr tu ? tu.elts() : List.of(target);
                    for (Expr e : targets) {
                        checkTarget(this, e, "delete");
                    }
                    return new Stmt.Delete(targets, t.line(), t.col());
                }
                case "assert": {
                    next();
                    Expr test = parseExpression();
                    Expr msg = acceptOp(",") ? parseExpression() : null;
                    return new Stmt.Assert(test, msg, t.line(), t.col());
                }
                case "import": return parseImport();
                case "from": return parseFromImport();
                default: break;
            }
        }
        return parseExpressionStatement();
    }

    private Stmt parseExpressionStatement() {
        Token start = peek();
        Expr e = parseYieldOrStarExpressions();
        if (atOp("=")) {
            List<Expr> targets = new ArrayList<>();
            Expr value = e;
            while (acceptOp("=")) {
                checkTarget(this, value, "assign");
                targets.add(value);
                value = parseYieldOrStarExpressions();
            }
            return new Stmt.Assign(targets, value, start.line(), start.col());
        }
        BinaryOperator aug = augmentedOperator(peek());
        if (aug != null) {
            checkAugTarget(e);
            next();
            Expr value = parseYieldOrStarExpressions();
            return new Stmt.AugAssign(e, aug, value, start.line(), start.col());
        }
        if (atOp(":") && (e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript)) {
            next();
            Expr annotation = parseExpression();
            Expr value = acceptOp("=") ? parseStarExpressions() : null;
            return new Stmt.AnnAssign(e, annotation, value, start.line(), start.col());
        }
        return new Stmt.ExprStmt(e, start.line(), start.col());
    }

    private static BinaryOperator augmentedOperator(Token t) {
        if (t.kind() != Kind.OP || !t.text().endsWith("=") || t.text().length() < 2) {
            return null;
        }
        switch (t.text()) {
            case "+=": return BinaryOperator.ADD;
            case "-=": return BinaryOperator.SUB;
            case "*=": return BinaryOperator.MUL;
            case "/=": return BinaryOperator.DIV;
            case "//=": return BinaryOperator.FLOORDIV;
            case "%=": return BinaryOperator.MOD;
            case "**=": return BinaryOperator.POW;
            case "@=": return BinaryOperator.MATMUL;
            case "&=": return BinaryOperator.BITAND;
            case "|=": return BinaryOperator.BITOR;
            case "^=": return BinaryOperator.BITXOR;
            case "<<=": return BinaryOperator.LSHIFT;
            case ">>=": return BinaryOperator.RSHIFT;
            default: return null;
        }
    }

    private void checkAugTarget(Expr e) {
        if (e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript) {
            return;
        }
        throw errorRange("SyntaxError", "'" + describe(e) + "' is an illegal expression for augmented assignment",
                e.line(), e.col(), e.col() + 1);
    }

    /** Python's error for something that cannot be assigned to (or deleted). */
    static void checkTarget(Parser parser, Expr e, String action) {
        if (e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript) {
            return;
        }
        if (e instanceof Expr.TupleExpr || e instanceof Expr.ListExpr) {
            List<Expr> elts = e instanceof Expr.TupleExpr t ? t.elts() : ((Expr.ListExpr) e).elts();
            boolean starred = false;
            for (Expr x : elts) {
                if (x instanceof Expr.Starred s && action.equals("assign")) {
                    if (starred) {
                        throw parser.errorRange("SyntaxError", "multiple starred expressions in assignment", x.line(),
                                x.col(), x.col() + 1);
                    }
                    starred = true;
                    checkTarget(parser, s.value(), action);
                } else {
                    checkTarget(parser, x, action);
                }
            }
            return;
        }
        if (e instanceof Expr.Starred) {
            throw parser.errorRange("SyntaxError", "starred assignment target must be in a list or tuple", e.line(),
                    e.col(), e.col() + 1);
        }
        String what = describe(e);
        if (e instanceof Expr.Constant c && (c.value() instanceof Boolean || c.value() == Expr.Singleton.NONE)) {
            what = c.value() instanceof Boolean b ? (b ? "True" : "False") : "None";
            throw parser.errorRange("SyntaxError", "cannot " + action + " to " + what, e.line(), e.col(),
                    e.col() + what.length());
        }
        String msg = action.equals("delete") ? "cannot delete " + what
                : "cannot assign to " + what + " here. Maybe you meant '==' instead of '='?";
        throw parser.errorRange("SyntaxError", msg, e.line(), e.col(), e.col() + 1);
    }

    private static String describe(Expr e) {
        if (e instanceof Expr.Constant || e instanceof Expr.JoinedStr) {
            return e instanceof Expr.JoinedStr ? "f-string expression" : "literal";
        }
        if (e instanceof Expr.Call) {
            return "function call";
        }
        if (e instanceof Expr.Compare) {
            return "comparison";
        }
        if (e instanceof Expr.Lambda) {
            return "lambda";
        }
        if (e instanceof Expr.IfExp) {
            return "conditional expression";
        }
        if (e instanceof Expr.Yield) {
            return "yield expression";
        }
        if (e instanceof Expr.NamedExpr) {
            return "named expression";
        }
        if (e instanceof Expr.TupleExpr) {
            return "tuple";
        }
        if (e instanceof Expr.ListExpr) {
            return "list";
        }
        if (e instanceof Expr.DictExpr) {
            return "dict literal";
        }
        if (e instanceof Expr.SetExpr) {
            return "set display";
        }
        if (e instanceof Expr.Comprehension c) {
            switch (c.kind()) {
                case LIST: return "list comprehension";
                case SET: return "set comprehension";
                case DICT: return "dict comprehension";
                default: return "generator expression";
            }
        }
        return "expression";
    }

    private Stmt parseImport() {
        Token t = next();
        List<Stmt.Alias> names = new ArrayList<>();
        do {
            String name = dottedName();
            String as = acceptKw("as") ? expectName() : null;
            names.add(new Stmt.Alias(name, as));
        } while (acceptOp(","));
        return new Stmt.Import(names, t.line(), t.col());
    }

    private Stmt parseFromImport() {
        Token t = next();
        int level = 0;
        while (atOp(".") || atOp("...")) {
            level += next().text().length();
        }
        String module = level > 0 && atKw("import") ? "" : dottedName();
        if (!acceptKw("import")) {
            throw invalidSyntax(peek());
        }
        List<Stmt.Alias> names = new ArrayList<>();
        if (acceptOp("*")) {
            names.add(new Stmt.Alias("*", null));
        } else {
            boolean paren = acceptOp("(");
            do {
                if (paren && atOp(")")) {
                    break;
                }
                String name = expectName();
                String as = acceptKw("as") ? expectName() : null;
                names.add(new Stmt.Alias(name, as));
            } while (acceptOp(","));
            if (paren) {
                expectClose(")", null);
            }
        }
        return new Stmt.ImportFrom(module, names, level, t.line(), t.col());
    }

    private String dottedName() {
        StringBuilder sb = new StringBuilder(expectName());
        while (acceptOp(".")) {
            sb.append('.').append(expectName());
        }
        return sb.toString();
    }
}
