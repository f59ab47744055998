package org.autogradstudio.script.interp;

import java.util.List;
import org.autogradstudio.script.runtime.BinaryOp;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.SourceSpan;
import org.autogradstudio.script.runtime.UnaryOp;
import org.autogradstudio.script.syntax.Expr;
import org.autogradstudio.script.syntax.SourceText;

/** Compiles expressions and assignment targets within the {@link Compiler}'s current scope. */
final class ExprCompiler {
    private final Compiler c;

    ExprCompiler(Compiler c) {
        this.c = c;
    }

    ExprNode[] exprs(List<Expr> es) {
        ExprNode[] out = new ExprNode[es.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = expr(es.get(i));
        }
        return out;
    }

    /** A variable read (the node is also its {@link Target}). */
    ExprNode name(String id, int line) {
        Scope.Binding b = c.scope.binding(id);
        switch (b.kind()) {
            case LOCAL: return new NameNodes.Local(line, b.index(), id);
            case CELL: return new NameNodes.CellVar(line, b.index(), id);
            case FREE: return new NameNodes.Free(line, b.index(), id);
            case CLASS_LOCAL:
                return new NameNodes.ClassLocal(line, id, new NameNodes.Global(line, c.globals.ref(id),
                        c.ctx.builtins));
            default: return new NameNodes.Global(line, c.globals.ref(id), c.ctx.builtins);
        }
    }

    Target nameTarget(String id, int line) {
        return (Target) name(id, line);
    }

    Target target(Expr e) {
        if (e instanceof Expr.Name n) {
            return nameTarget(n.id(), n.line());
        }
        if (e instanceof Expr.Attribute a) {
            return spanned(new OperatorNodes.Attribute(a.line(), expr(a.value()), a.attr()), a);
        }
        if (e instanceof Expr.Subscript s) {
            return spanned(new OperatorNodes.Subscript(s.line(), expr(s.value()), expr(s.index())), s);
        }
        List<Expr> elts = e instanceof Expr.TupleExpr t ? t.elts() : ((Expr.ListExpr) e).elts();
        Target[] targets = new Target[elts.size()];
        int star = -1;
        for (int i = 0; i < targets.length; i++) {
            Expr x = elts.get(i);
            if (x instanceof Expr.Starred st) {
                star = i;
                x = st.value();
            }
            targets[i] = target(x);
        }
        return new OperatorNodes.Unpack(targets, star, span(e));
    }

    /** {@code node} with the span of {@code e}. */
    private <T extends ExprNode> T spanned(T node, Expr e) {
        node.span = span(e);
        return node;
    }

    /**
     * Where {@code e} stands in the source (null when its end was not recorded), with the
     * operator of a binary operation or the brackets of a subscript marked as CPython 3.11 marks
     * them: the operator from the first non-blank after the left operand, one character or two
     * (** //), and a subscript's brackets from the end of its value to just after its index.
     */
    SourceSpan span(Expr e) {
        SourceText source = c.source;
        int endLine = source.endLine(e);
        if (endLine < 0) {
            return null;
        }
        int line = e.line(), col = e.col(), endCol = source.endCol(e);
        int anchorStart = -1, anchorEnd = -1;
        if (endLine == line && e instanceof Expr.BinOp b && source.endLine(b.left()) == line && b.right().line() == line) {
            int leftEnd = source.endCol(b.left());
            String text = source.line(line);
            String op = text.substring(Math.min(leftEnd, text.length()), Math.min(Math.max(leftEnd, b.right().col()), text.length()));
            int offset = op.length() - op.stripLeading().length();
            anchorStart = leftEnd - col + offset;
            anchorEnd = anchorStart + 1;
            if (offset + 1 < op.length() && !Character.isWhitespace(op.charAt(offset + 1))) {
                anchorEnd++;
            }
        } else if (endLine == line && e instanceof Expr.Subscript sub && source.endLine(sub.value()) == line
                && source.endLine(sub.index()) == line) {
            anchorStart = source.endCol(sub.value()) - col;
            anchorEnd = source.endCol(sub.index()) + 1 - col;
        }
        return new SourceSpan(line, col, endLine, endCol, anchorStart, anchorEnd);
    }

    static BinaryOp binaryOp(Expr.BinaryOperator op) {
        switch (op) {
            case ADD: return BinaryOp.ADD;
            case SUB: return BinaryOp.SUB;
            case MUL: return BinaryOp.MUL;
            case DIV: return BinaryOp.TRUEDIV;
            case FLOORDIV: return BinaryOp.FLOORDIV;
            case MOD: return BinaryOp.MOD;
            case POW: return BinaryOp.POW;
            case MATMUL: return BinaryOp.MATMUL;
            case LSHIFT: return BinaryOp.LSHIFT;
            case RSHIFT: return BinaryOp.RSHIFT;
            case BITAND: return BinaryOp.AND;
            case BITOR: return BinaryOp.OR;
            default: return BinaryOp.XOR;
        }
    }

    ExprNode expr(Expr e) {
        int line = e.line();
        if (e instanceof Expr.Name n) {
            return spanned(name(n.id(), line), n);
        }
        if (e instanceof Expr.Constant k) {
            Object v = k.value();
            if (v == Expr.Singleton.NONE) {
                v = Py.NONE;
            } else if (v == Expr.Singleton.ELLIPSIS) {
                v = Py.ELLIPSIS;
            }
            return new OperatorNodes.Const(line, v);
        }
        if (e instanceof Expr.BinOp b) {
            return spanned(new OperatorNodes.Binary(line, binaryOp(b.op()), expr(b.left()), expr(b.right())), b);
        }
        if (e instanceof Expr.UnaryOp u) {
            return unary(u);
        }
        if (e instanceof Expr.BoolOp b) {
            return new OperatorNodes.BoolOp(line, b.isAnd(), exprs(b.values()));
        }
        if (e instanceof Expr.Compare cmp) {
            OperatorNodes.Cmp[] ops = new OperatorNodes.Cmp[cmp.ops().size()];
            for (int i = 0; i < ops.length; i++) {
                ops[i] = OperatorNodes.Cmp.valueOf(cmp.ops().get(i).name());
            }
            return spanned(new OperatorNodes.Compare(line, expr(cmp.left()), ops, exprs(cmp.comparators())), cmp);
        }
        if (e instanceof Expr.IfExp i) {
            return new OperatorNodes.IfExp(line, expr(i.test()), expr(i.body()), expr(i.orElse()));
        }
        if (e instanceof Expr.Lambda l) {
            return c.function("<lambda>", l.params(), null, l.body(), l, line, null);
        }
        if (e instanceof Expr.NamedExpr ne) {
            return new OperatorNodes.NamedExpr(line, target(ne.target()), expr(ne.value()));
        }
        if (e instanceof Expr.Yield y) {
            return new FunctionNodes.Yield(line, y.value() == null ? null : expr(y.value()), y.from());
        }
        if (e instanceof Expr.Call call) {
            return call(call);
        }
        if (e instanceof Expr.Attribute a) {
            return spanned(new OperatorNodes.Attribute(line, expr(a.value()), a.attr()), a);
        }
        if (e instanceof Expr.Subscript s) {
            return spanned(new OperatorNodes.Subscript(line, expr(s.value()), expr(s.index())), s);
        }
        if (e instanceof Expr.Slice s) {
            return new OperatorNodes.SliceNode(line, opt(s.lower()), opt(s.upper()), opt(s.step()));
        }
        if (e instanceof Expr.TupleExpr t) {
            return new DisplayNodes.TupleNode(line, unstar(t.elts()), starFlags(t.elts()));
        }
        if (e instanceof Expr.ListExpr l) {
            return new DisplayNodes.ListNode(line, unstar(l.elts()), starFlags(l.elts()));
        }
        if (e instanceof Expr.SetExpr s) {
            return new DisplayNodes.SetNode(line, unstar(s.elts()), starFlags(s.elts()));
        }
        if (e instanceof Expr.DictExpr d) {
            ExprNode[] keys = new ExprNode[d.keys().size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = d.keys().get(i) == null ? null : expr(d.keys().get(i));
            }
            return new DisplayNodes.DictNode(line, keys, exprs(d.values()));
        }
        if (e instanceof Expr.JoinedStr j) {
            return new DisplayNodes.JoinedStr(line, exprs(j.values()));
        }
        if (e instanceof Expr.FormattedValue fv) {
            return new DisplayNodes.FormattedValue(line, expr(fv.value()), fv.conversion(), opt(fv.formatSpec()));
        }
        if (e instanceof Expr.Comprehension comp) {
            return comprehension(comp);
        }
        if (e instanceof Expr.Starred s) {
            throw c.error("can't use starred expression here", line, s.col());
        }
        throw c.error("unsupported expression", line, e.col());
    }

    private ExprNode opt(Expr e) {
        return e == null ? null : expr(e);
    }

    private ExprNode unary(Expr.UnaryOp u) {
        int line = u.line();
        if (u.op() == Expr.UnaryOperator.NOT) {
            return new OperatorNodes.Not(line, expr(u.operand()));
        }
        if (u.op() == Expr.UnaryOperator.NEG && u.operand() instanceof Expr.Constant k
                && (k.value() instanceof Long || k.value() instanceof Double)) {
            Object v = k.value() instanceof Long l ? (l == Long.MIN_VALUE ? null : (Object) (-l)) : (Object) (-(Double) k.value());
            if (v != null) {
                return new OperatorNodes.Const(line, v);
            }
        }
        UnaryOp op = u.op() == Expr.UnaryOperator.NEG ? UnaryOp.NEG : u.op() == Expr.UnaryOperator.POS ? UnaryOp.POS
                : UnaryOp.INVERT;
        return spanned(new OperatorNodes.Unary(line, op, expr(u.operand())), u);
    }

    private ExprNode[] unstar(List<Expr> elts) {
        ExprNode[] out = new ExprNode[elts.size()];
        for (int i = 0; i < out.length; i++) {
            Expr x = elts.get(i);
            out[i] = expr(x instanceof Expr.Starred s ? s.value() : x);
        }
        return out;
    }

    private static boolean[] starFlags(List<Expr> elts) {
        boolean any = false;
        boolean[] flags = new boolean[elts.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = elts.get(i) instanceof Expr.Starred;
            any |= flags[i];
        }
        return any ? flags : null;
    }

    private ExprNode call(Expr.Call call) {
        int line = call.line();
        boolean simple = call.keywords().isEmpty();
        for (Expr a : call.args()) {
            simple &= !(a instanceof Expr.Starred);
        }
        if (simple && call.args().isEmpty() && call.func() instanceof Expr.Name n && n.id().equals("super")) {
            ExprNode sup = zeroArgSuper(line);
            if (sup != null) {
                return sup;
            }
        }
        if (simple) {
            ExprNode[] args = exprs(call.args());
            if (call.func() instanceof Expr.Attribute a) {
                return spanned(new CallNodes.MethodCall(line, expr(a.value()), a.attr(), args, span(a)), call);
            }
            return spanned(new CallNodes.Call(line, expr(call.func()), args), call);
        }
        boolean[] starred = new boolean[call.args().size()];
        for (int i = 0; i < starred.length; i++) {
            starred[i] = call.args().get(i) instanceof Expr.Starred;
        }
        String[] kwNames = new String[call.keywords().size()];
        ExprNode[] kwValues = new ExprNode[kwNames.length];
        for (int i = 0; i < kwNames.length; i++) {
            kwNames[i] = call.keywords().get(i).name();
            kwValues[i] = expr(call.keywords().get(i).value());
        }
        CallNodes.Args args = new CallNodes.Args(unstar(call.args()), starred, kwNames, kwValues);
        if (call.func() instanceof Expr.Attribute a) {
            return spanned(new CallNodes.MethodCallGeneral(line, expr(a.value()), a.attr(), args, span(a)), call);
        }
        return spanned(new CallNodes.CallGeneral(line, expr(call.func()), args), call);
    }

    /** {@code super()} in a method: needs the implicit {@code __class__} cell and a first parameter. */
    private ExprNode zeroArgSuper(int line) {
        Scope s = c.scope;
        if (s.kind != Scope.Kind.FUNCTION || !s.freeVars.contains("__class__") || s.params.isEmpty()) {
            return null;
        }
        return new FunctionNodes.SuperNode(line, name("__class__", line), name(s.params.get(0), line));
    }

    private ExprNode comprehension(Expr.Comprehension comp) {
        Scope cs = c.analyzer.scopeOf(comp);
        ExprNode firstIter = expr(comp.clauses().get(0).iter());
        Scope saved = c.scope;
        CodeInfo savedInfo = c.info;
        c.scope = cs;
        c.info = new CodeInfo(cs.name, c.source, cs.localNames());
        FunctionNodes.Clause[] clauses = new FunctionNodes.Clause[comp.clauses().size()];
        ExprNode element;
        ExprNode value;
        try {
            for (int i = 0; i < clauses.length; i++) {
                Expr.ForClause fc = comp.clauses().get(i);
                clauses[i] = new FunctionNodes.Clause(target(fc.target()), i == 0 ? null : expr(fc.iter()),
                        exprs(fc.ifs()));
            }
            element = expr(comp.element());
            value = comp.value() == null ? null : expr(comp.value());
        } finally {
            c.scope = saved;
            c.info = savedInfo;
        }
        FunctionNodes.Comprehension.Kind kind = FunctionNodes.Comprehension.Kind.valueOf(comp.kind().name());
        return spanned(new FunctionNodes.Comprehension(comp.line(), kind, firstIter, clauses, element, value, cs.slotCount(),
                cs.cellSlots(), c.closureSources(cs), new CodeInfo(cs.name, c.source, cs.localNames())), comp);
    }
}
