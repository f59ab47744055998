package org.autogradstudio.script.syntax;

import java.util.List;

/** Statement nodes of the syntax tree, with 1-based line and 0-based column like Python's ast. */
public sealed interface Stmt {
    int line();

    int col();

    record ExprStmt(Expr value, int line, int col) implements Stmt {
    }

    /** {@code a = b = value}: several targets. */
    record Assign(List<Expr> targets, Expr value, int line, int col) implements Stmt {
    }

    record AugAssign(Expr target, Expr.BinaryOperator op, Expr value, int line, int col) implements Stmt {
    }

    /** {@code x: T = v}; value may be null (then nothing is executed). */
    record AnnAssign(Expr target, Expr annotation, Expr value, int line, int col) implements Stmt {
    }

    record If(Expr test, List<Stmt> body, List<Stmt> orElse, int line, int col) implements Stmt {
    }

    record While(Expr test, List<Stmt> body, List<Stmt> orElse, int line, int col) implements Stmt {
    }

    record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, int line, int col) implements Stmt {
    }

    record Break(int line, int col) implements Stmt {
    }

    record Continue(int line, int col) implements Stmt {
    }

    record Pass(int line, int col) implements Stmt {
    }

    record Return(Expr value, int line, int col) implements Stmt {
    }

    record FunctionDef(String name, Expr.Params params, List<Stmt> body, List<Expr> decorators, String docstring,
            int line, int col) implements Stmt {
    }

    record ClassDef(String name, List<Expr> bases, List<Expr.Keyword> keywords, List<Stmt> body,
            List<Expr> decorators, String docstring, int line, int col) implements Stmt {
    }

    record Global(List<String> names, int line, int col) implements Stmt {
    }

    record Nonlocal(List<String> names, int line, int col) implements Stmt {
    }

    record Delete(List<Expr> targets, int line, int col) implements Stmt {
    }

    record Assert(Expr test, Expr msg, int line, int col) implements Stmt {
    }

    /** exc and cause may be null ({@code raise} alone re-raises). */
    record Raise(Expr exc, Expr cause, int line, int col) implements Stmt {
    }

    record Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orElse, List<Stmt> finalBody, int line,
            int col) implements Stmt {
    }

    /** type and name may be null (bare {@code except:}). */
    record ExceptHandler(Expr type, String name, List<Stmt> body, int line, int col) {
    }

    record With(List<WithItem> items, List<Stmt> body, int line, int col) implements Stmt {
    }

    record WithItem(Expr context, Expr target) {
    }

    /** {@code import a.b as c}: one alias per name. */
    record Import(List<Alias> names, int line, int col) implements Stmt {
    }

    /** {@code from module import names}; a single alias named "*" imports everything public. */
    record ImportFrom(String module, List<Alias> names, int level, int line, int col) implements Stmt {
    }

    record Alias(String name, String asName) {
    }
}
