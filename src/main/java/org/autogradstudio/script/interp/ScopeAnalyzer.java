package org.autogradstudio.script.interp;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.script.syntax.Expr;
import org.autogradstudio.script.syntax.PySyntaxError;
import org.autogradstudio.script.syntax.SourceText;
import org.autogradstudio.script.syntax.Stmt;

/**
 * Decides, before compiling, where every name lives: a local slot, a closure cell, a class
 * namespace or the globals, following Python's rules (assignment makes a name local unless it is
 * declared global/nonlocal; a free name refers to the nearest enclosing function that binds it;
 * class bodies are skipped by nested functions).
 */
final class ScopeAnalyzer {
    private final Map<Object, Scope> scopes = new IdentityHashMap<>();
    private final SourceText source;

    private ScopeAnalyzer(SourceText source) {
        this.source = source;
    }

    /** Analyzes a module; returns the module scope, with child scopes reachable through {@link #scopeOf}. */
    static ScopeAnalyzer analyze(SourceText source, List<Stmt> body) {
        ScopeAnalyzer a = new ScopeAnalyzer(source);
        Scope module = new Scope(Scope.Kind.MODULE, null, "<module>");
        a.scopes.put(body, module);
        a.stmts(body, module);
        a.resolve(module);
        a.slots(module);
        return a;
    }

    Scope scopeOf(Object node) {
        return scopes.get(node);
    }

    // ---------------------------------------------------------------- collection

    private void stmts(List<Stmt> body, Scope s) {
        for (Stmt st : body) {
            stmt(st, s);
        }
    }

    private void stmt(Stmt st, Scope s) {
        if (st instanceof Stmt.ExprStmt e) {
            expr(e.value(), s);
        } else if (st instanceof Stmt.Assign a) {
            expr(a.value(), s);
            for (Expr t : a.targets()) {
                target(t, s);
            }
        } else if (st instanceof Stmt.AugAssign a) {
            expr(a.value(), s);
            expr(a.target(), s);
            target(a.target(), s);
        } else if (st instanceof Stmt.AnnAssign a) {
            if (a.value() != null) {
                expr(a.value(), s);
                target(a.target(), s);
            }
            if (s.kind != Scope.Kind.FUNCTION && a.target() instanceof Expr.Name) {
                // evaluated into __annotations__ there (see Compiler), so its names and lambdas need scopes
                expr(a.annotation(), s);
            }
        } else if (st instanceof Stmt.If i) {
            expr(i.test(), s);
            stmts(i.body(), s);
            stmts(i.orElse(), s);
        } else if (st instanceof Stmt.While w) {
            expr(w.test(), s);
            stmts(w.body(), s);
            stmts(w.orElse(), s);
        } else if (st instanceof Stmt.For f) {
            expr(f.iter(), s);
            target(f.target(), s);
            stmts(f.body(), s);
            stmts(f.orElse(), s);
        } else if (st instanceof Stmt.Return r) {
            if (r.value() != null) {
                expr(r.value(), s);
            }
        } else if (st instanceof Stmt.FunctionDef d) {
            for (Expr dec : d.decorators()) {
                expr(dec, s);
            }
            defaults(d.params(), s);
            s.assigned.add(d.name());
            Scope fs = new Scope(Scope.Kind.FUNCTION, s, d.name());
            scopes.put(d, fs);
            params(d.params(), fs);
            stmts(d.body(), fs);
        } else if (st instanceof Stmt.ClassDef c) {
            for (Expr dec : c.decorators()) {
                expr(dec, s);
            }
            for (Expr b : c.bases()) {
                expr(b, s);
            }
            for (Expr.Keyword k : c.keywords()) {
                expr(k.value(), s);
            }
            s.assigned.add(c.name());
            Scope cs = new Scope(Scope.Kind.CLASS, s, c.name());
            scopes.put(c, cs);
            stmts(c.body(), cs);
        } else if (st instanceof Stmt.Global g) {
            for (String n : g.names()) {
                if (s.assigned.contains(n) || s.used.contains(n)) {
                    throw error("name '" + n + "' is " + (s.params.contains(n) ? "parameter" : s.assigned.contains(n)
                            ? "assigned to" : "used") + " before global declaration", g.line(), g.col());
                }
                s.globalDecl.add(n);
            }
        } else if (st instanceof Stmt.Nonlocal nl) {
            if (s.kind == Scope.Kind.MODULE) {
                throw error("nonlocal declaration not allowed at module level", nl.line(), nl.col());
            }
            for (String n : nl.names()) {
                if (s.params.contains(n)) {
                    throw error("name '" + n + "' is parameter and nonlocal", nl.line(), nl.col());
                }
                s.nonlocalDecl.add(n);
            }
        } else if (st instanceof Stmt.Delete d) {
            for (Expr t : d.targets()) {
                target(t, s);
            }
        } else if (st instanceof Stmt.Assert a) {
            expr(a.test(), s);
            if (a.msg() != null) {
                expr(a.msg(), s);
            }
        } else if (st instanceof Stmt.Raise r) {
            if (r.exc() != null) {
                expr(r.exc(), s);
            }
            if (r.cause() != null) {
                expr(r.cause(), s);
            }
        } else if (st instanceof Stmt.Try t) {
            stmts(t.body(), s);
            for (Stmt.ExceptHandler h : t.handlers()) {
                if (h.type() != null) {
                    expr(h.type(), s);
                }
                if (h.name() != null) {
                    s.assigned.add(h.name());
                }
                stmts(h.body(), s);
            }
            stmts(t.orElse(), s);
            stmts(t.finalBody(), s);
        } else if (st instanceof Stmt.With w) {
            for (Stmt.WithItem item : w.items()) {
                expr(item.context(), s);
                if (item.target() != null) {
                    target(item.target(), s);
                }
            }
            stmts(w.body(), s);
        } else if (st instanceof Stmt.Import im) {
            for (Stmt.Alias a : im.names()) {
                String bound = a.asName() != null ? a.asName() : a.name().split("\\.")[0];
                s.assigned.add(bound);
            }
        } else if (st instanceof Stmt.ImportFrom im) {
            for (Stmt.Alias a : im.names()) {
                if (a.name().equals("*")) {
                    if (s.kind != Scope.Kind.MODULE) {
                        throw error("import * only allowed at module level", im.line(), im.col());
                    }
                    continue;
                }
                s.assigned.add(a.asName() != null ? a.asName() : a.name());
            }
        }
    }

    private void defaults(Expr.Params params, Scope s) {
        for (Expr.Param p : params.params()) {
            if (p.defaultValue() != null) {
                expr(p.defaultValue(), s);
            }
        }
    }

    private void params(Expr.Params params, Scope fs) {
        for (Expr.Param p : params.params()) {
            fs.params.add(p.name());
            fs.assigned.add(p.name());
        }
    }

    private void target(Expr t, Scope s) {
        if (t instanceof Expr.Name n) {
            s.assigned.add(n.id());
        } else if (t instanceof Expr.TupleExpr tu) {
            for (Expr e : tu.elts()) {
                target(e, s);
            }
        } else if (t instanceof Expr.ListExpr l) {
            for (Expr e : l.elts()) {
                target(e, s);
            }
        } else if (t instanceof Expr.Starred st) {
            target(st.value(), s);
        } else if (t instanceof Expr.Attribute a) {
            expr(a.value(), s);
        } else if (t instanceof Expr.Subscript sub) {
            expr(sub.value(), s);
            expr(sub.index(), s);
        }
    }

    private void exprs(List<Expr> es, Scope s) {
        for (Expr e : es) {
            expr(e, s);
        }
    }

    private void expr(Expr e, Scope s) {
        if (e == null || e instanceof Expr.Constant) {
            return;
        }
        if (e instanceof Expr.Name n) {
            s.used.add(n.id());
            if (n.id().equals("super") && s.kind == Scope.Kind.FUNCTION) {
                for (Scope p = s.parent; p != null; p = p.parent) {
                    if (p.kind == Scope.Kind.CLASS) {
                        p.needsClassCell = true;
                        s.used.add("__class__");
                        break;
                    }
                }
            }
        } else if (e instanceof Expr.BinOp b) {
            expr(b.left(), s);
            expr(b.right(), s);
        } else if (e instanceof Expr.UnaryOp u) {
            expr(u.operand(), s);
        } else if (e instanceof Expr.BoolOp b) {
            exprs(b.values(), s);
        } else if (e instanceof Expr.Compare c) {
            expr(c.left(), s);
            exprs(c.comparators(), s);
        } else if (e instanceof Expr.IfExp i) {
            expr(i.test(), s);
            expr(i.body(), s);
            expr(i.orElse(), s);
        } else if (e instanceof Expr.NamedExpr ne) {
            expr(ne.value(), s);
            namedTarget(ne, s);
        } else if (e instanceof Expr.Yield y) {
            if (s.kind != Scope.Kind.FUNCTION) {
                throw error("'yield' outside function", y.line(), y.col(), y.endCol());
            }
            String inside = comprehension(s);
            if (inside != null) {
                throw error("'yield' inside " + inside, y.line(), y.col(), y.endCol());
            }
            s.generator = true;
            expr(y.value(), s);
        } else if (e instanceof Expr.Lambda l) {
            defaults(l.params(), s);
            Scope fs = new Scope(Scope.Kind.FUNCTION, s, "<lambda>");
            scopes.put(l, fs);
            params(l.params(), fs);
            expr(l.body(), fs);
        } else if (e instanceof Expr.Call c) {
            expr(c.func(), s);
            exprs(c.args(), s);
            for (Expr.Keyword k : c.keywords()) {
                expr(k.value(), s);
            }
        } else if (e instanceof Expr.Attribute a) {
            expr(a.value(), s);
        } else if (e instanceof Expr.Subscript sub) {
            expr(sub.value(), s);
            expr(sub.index(), s);
        } else if (e instanceof Expr.Slice sl) {
            expr(sl.lower(), s);
            expr(sl.upper(), s);
            expr(sl.step(), s);
        } else if (e instanceof Expr.Starred st) {
            expr(st.value(), s);
        } else if (e instanceof Expr.ListExpr l) {
            exprs(l.elts(), s);
        } else if (e instanceof Expr.TupleExpr t) {
            exprs(t.elts(), s);
        } else if (e instanceof Expr.SetExpr st) {
            exprs(st.elts(), s);
        } else if (e instanceof Expr.DictExpr d) {
            for (Expr k : d.keys()) {
                expr(k, s);
            }
            exprs(d.values(), s);
        } else if (e instanceof Expr.JoinedStr j) {
            exprs(j.values(), s);
        } else if (e instanceof Expr.FormattedValue fv) {
            expr(fv.value(), s);
            expr(fv.formatSpec(), s);
        } else if (e instanceof Expr.Comprehension c) {
            comprehension(c, s);
        }
    }

    /**
     * The target of {@code :=} is bound in the nearest scope that is not a comprehension (PEP 572):
     * the comprehensions in between see it as their enclosing function's (or the module's) name.
     */
    private void namedTarget(Expr.NamedExpr ne, Scope s) {
        String name = ne.target().id();
        Scope owner = s;
        while (isComprehension(owner)) {
            owner = owner.parent;
        }
        if (owner == s) {
            target(ne.target(), s);
            return;
        }
        if (owner.kind == Scope.Kind.CLASS) {
            throw error("assignment expression within a comprehension cannot be used in a class body", ne.line(), ne.col());
        }
        owner.assigned.add(name);
        for (Scope c = s; c != owner; c = c.parent) {
            (owner.kind == Scope.Kind.MODULE ? c.globalDecl : c.nonlocalDecl).add(name);
        }
    }

    private static boolean isComprehension(Scope s) {
        return comprehension(s) != null;
    }

    /** What comprehension {@code s} is the scope of, as Python's errors name it ("list comprehension" ...), or null. */
    private static String comprehension(Scope s) {
        return s.kind != Scope.Kind.FUNCTION ? null : switch (s.name) {
            case "<listcomp>" -> "list comprehension";
            case "<setcomp>" -> "set comprehension";
            case "<dictcomp>" -> "dict comprehension";
            case "<genexpr>" -> "generator expression";
            default -> null;
        };
    }

    private void comprehension(Expr.Comprehension c, Scope s) {
        expr(c.clauses().get(0).iter(), s);
        String name = switch (c.kind()) {
            case LIST -> "<listcomp>";
            case SET -> "<setcomp>";
            case DICT -> "<dictcomp>";
            default -> "<genexpr>";
        };
        Scope cs = new Scope(Scope.Kind.FUNCTION, s, name);
        scopes.put(c, cs);
        for (int i = 0; i < c.clauses().size(); i++) {
            Expr.ForClause fc = c.clauses().get(i);
            if (i > 0) {
                expr(fc.iter(), cs);
            }
            target(fc.target(), cs);
            exprs(fc.ifs(), cs);
        }
        expr(c.element(), cs);
        expr(c.value(), cs);
    }

    // ---------------------------------------------------------------- resolution

    private void resolve(Scope s) {
        if (s.kind != Scope.Kind.MODULE) {
            for (String n : s.nonlocalDecl) {
                Scope owner = findEnclosing(s.parent, n);
                if (owner == null) {
                    throw error("no binding for nonlocal '" + n + "' found", 1, 0);
                }
                capture(s, owner, n);
            }
            java.util.Set<String> names = new java.util.LinkedHashSet<>(s.used);
            names.addAll(s.assigned);
            for (String n : names) {
                if (s.globalDecl.contains(n) || s.nonlocalDecl.contains(n) || s.isLocal(n)) {
                    continue;
                }
                if (s.kind == Scope.Kind.CLASS && s.assigned.contains(n)) {
                    continue;
                }
                Scope owner = findEnclosing(s.parent, n);
                if (owner != null) {
                    capture(s, owner, n);
                }
            }
        }
        if (s.kind == Scope.Kind.CLASS && s.needsClassCell) {
            s.cells.add("__class__");
        }
        for (Scope c : s.children) {
            resolve(c);
        }
    }

    /** The function scope binding {@code n} that a scope below {@code from} would see, or null (global). */
    private static Scope findEnclosing(Scope from, String n) {
        for (Scope e = from; e != null && e.kind != Scope.Kind.MODULE; e = e.parent) {
            if (e.kind == Scope.Kind.CLASS) {
                if (n.equals("__class__") && e.needsClassCell) {
                    return e;
                }
                continue;
            }
            if (e.globalDecl.contains(n)) {
                return null;
            }
            if (e.isLocal(n)) {
                return e;
            }
        }
        return null;
    }

    private static void capture(Scope user, Scope owner, String n) {
        owner.cells.add(n);
        for (Scope s = user; s != owner; s = s.parent) {
            s.addFree(n);
        }
    }

    private void slots(Scope s) {
        s.assignSlots();
        for (Scope c : s.children) {
            slots(c);
        }
    }

    private PySyntaxError error(String msg, int line, int col) {
        return error(msg, line, col, -1);
    }

    /** An error with carets from {@code col} to {@code endCol} (exclusive, 0-based; -1: one caret). */
    private PySyntaxError error(String msg, int line, int col, int endCol) {
        return new PySyntaxError("SyntaxError", msg, source.fileName(), line + source.lineOffset(), col + 1,
                endCol > col ? endCol + 1 : col + 2, source.line(line), true);
    }
}
