package org.autogradstudio.script.interp;

import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.script.runtime.BinaryOp;
import org.autogradstudio.script.syntax.Expr;
import org.autogradstudio.script.syntax.Parser;
import org.autogradstudio.script.syntax.PySyntaxError;
import org.autogradstudio.script.syntax.SourceText;
import org.autogradstudio.script.syntax.Stmt;

/**
 * Compiles statements of the syntax tree into executable nodes, with every variable access
 * resolved to its slot, cell or global ref ahead of time. Expressions are compiled by
 * {@link ExprCompiler}, which shares this compiler's current scope.
 */
final class Compiler {
    final SourceText source;
    final Globals globals;
    final ExecContext ctx;
    final ScopeAnalyzer analyzer;
    final ExprCompiler exprs;
    Scope scope;
    CodeInfo info;
    private int loopDepth;
    private boolean inFunction;

    private Compiler(SourceText source, Globals globals, ExecContext ctx, ScopeAnalyzer analyzer, Scope module) {
        this.source = source;
        this.globals = globals;
        this.ctx = ctx;
        this.analyzer = analyzer;
        this.scope = module;
        this.info = new CodeInfo("<module>", source);
        this.exprs = new ExprCompiler(this);
    }

    /**
     * Parses and compiles a module; with {@code echoLast}, a trailing bare expression is compiled
     * for echoing, unless a ';' ends it (IPython's way to run it quietly).
     */
    static CompiledCode compile(SourceText source, Globals globals, ExecContext ctx, boolean echoLast) {
        List<Stmt> body;
        try {
            body = Parser.parseModule(source);
        } finally {
            // shown as CPython shows them, while compiling: before the code runs or its SyntaxError
            if (ctx != null) {
                for (var w : source.syntaxWarnings()) {
                    ctx.warnAt("SyntaxWarning", w.getValue(), source.fileName(), w.getKey() + source.lineOffset(),
                            source.line(w.getKey()));
                }
            }
        }
        ScopeAnalyzer analyzer = ScopeAnalyzer.analyze(source, body);
        Compiler c = new Compiler(source, globals, ctx, analyzer, analyzer.scopeOf(body));
        List<Stmt> stmts = body;
        ExprNode echo = null;
        if (echoLast && !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.ExprStmt last
                && !source.endsWithSemicolon()) {
            stmts = body.subList(0, body.size() - 1);
            echo = c.exprs.expr(last.value());
        }
        StmtNode block = c.block(stmts, body.isEmpty() ? 1 : body.get(0).line());
        // the nodes hold their spans now; the source stays for tracebacks and need not keep the syntax tree
        source.forgetPositions();
        return new CompiledCode(block, echo, c.info, globals);
    }

    PySyntaxError error(String msg, int line, int col) {
        return error(msg, line, col, 1);
    }

    PySyntaxError error(String msg, int line, int col, int length) {
        return new PySyntaxError("SyntaxError", msg, source.fileName(), line + source.lineOffset(), col + 1,
                col + 1 + length, source.line(line), true);
    }

    StmtNode block(List<Stmt> body, int line) {
        StmtNode[] nodes = new StmtNode[body.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = stmt(body.get(i));
        }
        if (nodes.length == 1 && !(nodes[0] instanceof SimpleStatements.Block)) {
            return new SimpleStatements.Block(nodes[0].line, nodes);
        }
        return new SimpleStatements.Block(nodes.length > 0 ? nodes[0].line : line, nodes);
    }

    private StmtNode optionalBlock(List<Stmt> body) {
        return body.isEmpty() ? null : block(body, body.get(0).line());
    }

    private StmtNode stmt(Stmt s) {
        int line = s.line();
        if (s instanceof Stmt.ExprStmt e) {
            return new SimpleStatements.ExprStmt(line, exprs.expr(e.value()));
        }
        if (s instanceof Stmt.Assign a) {
            ExprNode value = exprs.expr(a.value());
            Target[] targets = new Target[a.targets().size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = exprs.target(a.targets().get(i));
            }
            return new SimpleStatements.Assign(line, targets, value);
        }
        if (s instanceof Stmt.AugAssign a) {
            return augAssign(a);
        }
        if (s instanceof Stmt.AnnAssign a) {
            StmtNode assign = a.value() == null ? null
                    : new SimpleStatements.Assign(line, new Target[] {exprs.target(a.target())}, exprs.expr(a.value()));
            if (!inFunction && a.target() instanceof Expr.Name n) {
                // a module's or class body's annotation is evaluated and kept in its __annotations__ (dataclasses read it)
                return new SimpleStatements.Annotate(line, n.id(), exprs.expr(a.annotation()), assign);
            }
            return assign == null ? new SimpleStatements.Flow(line, StmtNode.NORMAL) : assign;
        }
        if (s instanceof Stmt.If i) {
            return new ControlStatements.If(line, exprs.expr(i.test()), block(i.body(), line), optionalBlock(i.orElse()));
        }
        if (s instanceof Stmt.While w) {
            ExprNode test = exprs.expr(w.test());
            loopDepth++;
            StmtNode body = block(w.body(), line);
            loopDepth--;
            return new ControlStatements.While(line, test, body, optionalBlock(w.orElse()));
        }
        if (s instanceof Stmt.For f) {
            ExprNode iter = exprs.expr(f.iter());
            Target target = exprs.target(f.target());
            loopDepth++;
            StmtNode body = block(f.body(), line);
            loopDepth--;
            return new ControlStatements.For(line, target, iter, body, optionalBlock(f.orElse()));
        }
        if (s instanceof Stmt.Break || s instanceof Stmt.Continue) {
            boolean isBreak = s instanceof Stmt.Break;
            if (loopDepth == 0) {
                throw error(isBreak ? "'break' outside loop" : "'continue' not properly in loop", line, s.col(),
                        isBreak ? 5 : 8);
            }
            return new SimpleStatements.Flow(line, isBreak ? StmtNode.BREAK : StmtNode.CONTINUE);
        }
        if (s instanceof Stmt.Pass || s instanceof Stmt.Global || s instanceof Stmt.Nonlocal) {
            return new SimpleStatements.Flow(line, StmtNode.NORMAL);
        }
        if (s instanceof Stmt.Return r) {
            if (!inFunction) {
                throw error("'return' outside function", line, s.col(), "return".length());
            }
            return new SimpleStatements.Return(line, r.value() == null ? null : exprs.expr(r.value()));
        }
        if (s instanceof Stmt.FunctionDef d) {
            ExprNode[] decorators = exprs.exprs(d.decorators());
            ExprNode fn = function(d.name(), d.params(), d.body(), null, d, line, d.docstring());
            for (int i = decorators.length - 1; i >= 0; i--) {
                fn = new CallNodes.Call(line, decorators[i], new ExprNode[] {fn});
            }
            return new SimpleStatements.Assign(line, new Target[] {exprs.nameTarget(d.name(), line)}, fn);
        }
        if (s instanceof Stmt.ClassDef c) {
            return classDef(c);
        }
        if (s instanceof Stmt.Delete d) {
            Target[] targets = new Target[d.targets().size()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = exprs.target(d.targets().get(i));
            }
            return new SimpleStatements.Delete(line, targets);
        }
        if (s instanceof Stmt.Assert a) {
            return new SimpleStatements.Assert(line, exprs.expr(a.test()), a.msg() == null ? null : exprs.expr(a.msg()),
                    exprs.span(a.test()));
        }
        if (s instanceof Stmt.Raise r) {
            return new SimpleStatements.Raise(line, r.exc() == null ? null : exprs.expr(r.exc()),
                    r.cause() == null ? null : exprs.expr(r.cause()));
        }
        if (s instanceof Stmt.Try t) {
            return tryStmt(t);
        }
        if (s instanceof Stmt.With w) {
            return with(w, 0);
        }
        if (s instanceof Stmt.Import im) {
            return importStmt(im);
        }
        if (s instanceof Stmt.ImportFrom im) {
            String[] names = new String[im.names().size()];
            Target[] targets = new Target[names.length];
            for (int i = 0; i < names.length; i++) {
                Stmt.Alias a = im.names().get(i);
                names[i] = a.name();
                if (!a.name().equals("*")) {
                    targets[i] = exprs.nameTarget(a.asName() != null ? a.asName() : a.name(), line);
                }
            }
            return new ImportNodes.ImportFrom(line, im.module(), im.level(), names, targets);
        }
        throw error("unsupported statement", line, s.col());
    }

    private StmtNode augAssign(Stmt.AugAssign a) {
        int line = a.line();
        BinaryOp op = ExprCompiler.binaryOp(a.op());
        ExprNode value = exprs.expr(a.value());
        Expr t = a.target();
        if (t instanceof Expr.Name n) {
            ExprNode load = exprs.name(n.id(), line);
            return new SimpleStatements.AugName(line, load, (Target) load, op, value);
        }
        if (t instanceof Expr.Attribute at) {
            return new SimpleStatements.AugAttr(line, exprs.expr(at.value()), at.attr(), op, value);
        }
        Expr.Subscript sub = (Expr.Subscript) t;
        return new SimpleStatements.AugSubscript(line, exprs.expr(sub.value()), exprs.expr(sub.index()), op, value);
    }

    private StmtNode tryStmt(Stmt.Try t) {
        StmtNode body = block(t.body(), t.line());
        ControlStatements.Handler[] handlers = new ControlStatements.Handler[t.handlers().size()];
        for (int i = 0; i < handlers.length; i++) {
            Stmt.ExceptHandler h = t.handlers().get(i);
            if (h.type() == null && i < handlers.length - 1) {
                throw error("default 'except:' must be last", h.line(), h.col());
            }
            handlers[i] = new ControlStatements.Handler(h.type() == null ? null : exprs.expr(h.type()),
                    h.name() == null ? null : exprs.nameTarget(h.name(), h.line()), block(h.body(), h.line()), h.line());
        }
        return new ControlStatements.Try(t.line(), body, handlers, optionalBlock(t.orElse()),
                optionalBlock(t.finalBody()));
    }

    private StmtNode with(Stmt.With w, int item) {
        Stmt.WithItem it = w.items().get(item);
        ExprNode ctxExpr = exprs.expr(it.context());
        Target target = it.target() == null ? null : exprs.target(it.target());
        StmtNode body = item == w.items().size() - 1 ? block(w.body(), w.line())
                : new SimpleStatements.Block(w.line(), new StmtNode[] {with(w, item + 1)});
        return new ControlStatements.With(w.line(), ctxExpr, target, body);
    }

    private StmtNode importStmt(Stmt.Import im) {
        List<StmtNode> nodes = new ArrayList<>();
        for (Stmt.Alias a : im.names()) {
            String bound = a.asName() != null ? a.asName() : a.name().split("\\.")[0];
            nodes.add(new ImportNodes.Import(im.line(), a.name(), a.asName() != null,
                    exprs.nameTarget(bound, im.line())));
        }
        if (nodes.size() == 1) {
            return nodes.get(0);
        }
        return new SimpleStatements.Block(im.line(), nodes.toArray(new StmtNode[0]));
    }

    /** A def or lambda (lambdaBody non-null): defaults evaluated here, body compiled in its own scope. */
    ExprNode function(String name, Expr.Params params, List<Stmt> body, Expr lambdaBody, Object node, int line,
            String doc) {
        Scope fs = analyzer.scopeOf(node);
        List<ExprNode> defaults = new ArrayList<>();
        List<String> kwNames = new ArrayList<>();
        List<ExprNode> kwDefaults = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        List<String> kwOnly = new ArrayList<>();
        String varArgs = null;
        String varKw = null;
        for (Expr.Param p : params.params()) {
            switch (p.kind()) {
                case POSITIONAL:
                    positional.add(p.name());
                    if (p.defaultValue() != null) {
                        defaults.add(exprs.expr(p.defaultValue()));
                    }
                    break;
                case KEYWORD_ONLY:
                    kwOnly.add(p.name());
                    if (p.defaultValue() != null) {
                        kwNames.add(p.name());
                        kwDefaults.add(exprs.expr(p.defaultValue()));
                    }
                    break;
                case VAR_POSITIONAL:
                    varArgs = p.name();
                    break;
                default:
                    varKw = p.name();
                    break;
            }
        }
        String qualName = qualName(fs, name);
        Scope savedScope = scope;
        CodeInfo savedInfo = info;
        int savedLoops = loopDepth;
        boolean savedInFunction = inFunction;
        scope = fs;
        info = new CodeInfo(name, source, fs.localNames());
        loopDepth = 0;
        inFunction = true;
        StmtNode bodyNode;
        try {
            if (lambdaBody != null) {
                bodyNode = new SimpleStatements.Return(lambdaBody.line(), exprs.expr(lambdaBody));
            } else {
                bodyNode = block(body, line);
            }
        } finally {
            scope = savedScope;
            info = savedInfo;
            loopDepth = savedLoops;
            inFunction = savedInFunction;
        }
        org.autogradstudio.script.runtime.ArgBinder binder = new org.autogradstudio.script.runtime.ArgBinder(
                qualName, positional, varArgs, kwOnly, varKw);
        FunctionCode code = new FunctionCode(info(name, fs), qualName, binder, fs.slotCount(),
                fs.cellSlots(), bodyNode, doc, fs.generator);
        return new FunctionNodes.MakeFunction(line, code, defaults.toArray(new ExprNode[0]),
                kwNames.toArray(new String[0]), kwDefaults.toArray(new ExprNode[0]), closureSources(fs));
    }

    private CodeInfo info(String name, Scope s) {
        return new CodeInfo(name, source, s.localNames());
    }

    static String qualName(Scope s, String name) {
        Scope p = s.parent;
        if (p == null || p.kind == Scope.Kind.MODULE) {
            return name;
        }
        if (p.kind == Scope.Kind.CLASS) {
            return qualName(p, p.name) + "." + name;
        }
        return qualName(p, p.name) + ".<locals>." + name;
    }

    int[] closureSources(Scope child) {
        int[] out = new int[child.freeVars.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scope.closureSource(child.freeVars.get(i));
        }
        return out;
    }

    private StmtNode classDef(Stmt.ClassDef c) {
        int line = c.line();
        Scope cs = analyzer.scopeOf(c);
        ExprNode[] decorators = exprs.exprs(c.decorators());
        ExprNode[] bases = exprs.exprs(c.bases());
        Scope savedScope = scope;
        CodeInfo savedInfo = info;
        int savedLoops = loopDepth;
        boolean savedInFunction = inFunction;
        scope = cs;
        info = new CodeInfo(c.name(), source);
        loopDepth = 0;
        inFunction = false;
        StmtNode body;
        CodeInfo classInfo = info;
        try {
            body = block(c.body(), line);
        } finally {
            scope = savedScope;
            info = savedInfo;
            loopDepth = savedLoops;
            inFunction = savedInFunction;
        }
        int classCell = cs.needsClassCell ? cs.slot("__class__") : -1;
        return new FunctionNodes.ClassDef(line, c.name(), bases, decorators, exprs.nameTarget(c.name(), line), body,
                cs.slotCount(), cs.cellSlots(), classCell, closureSources(cs), classInfo, c.docstring());
    }
}
