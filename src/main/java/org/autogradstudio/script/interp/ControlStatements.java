package org.autogradstudio.script.interp;

import java.util.Iterator;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyRange;
import org.autogradstudio.script.runtime.PyTuple;
import org.autogradstudio.script.runtime.PyType;
import org.autogradstudio.script.runtime.TracebackEntry;

/** Compound statements: if, while, for, try, with. Loops check for cancellation every iteration. */
final class ControlStatements {
    private ControlStatements() {
    }

    static final class If extends StmtNode {
        final ExprNode test;
        final StmtNode body;
        final StmtNode orElse;

        If(int line, ExprNode test, StmtNode body, StmtNode orElse) {
            super(line);
            this.test = test;
            this.body = body;
            this.orElse = orElse;
        }

        @Override
        int exec(Frame f) {
            if (Ops.truthy(test.eval(f))) {
                return body.exec(f);
            }
            if (orElse != null) {
                f.line = orElse.line;
                return orElse.exec(f);
            }
            return NORMAL;
        }
    }

    static final class While extends StmtNode {
        final ExprNode test;
        final StmtNode body;
        final StmtNode orElse;

        While(int line, ExprNode test, StmtNode body, StmtNode orElse) {
            super(line);
            this.test = test;
            this.body = body;
            this.orElse = orElse;
        }

        @Override
        int exec(Frame f) {
            while (true) {
                f.ctx.cancellation.check();
                f.line = line;
                if (!Ops.truthy(test.eval(f))) {
                    break;
                }
                int r = body.exec(f);
                if (r == BREAK) {
                    return NORMAL;
                }
                if (r == RETURN) {
                    return r;
                }
            }
            return orElse == null ? NORMAL : orElse.exec(f);
        }
    }

    static final class For extends StmtNode {
        final Target target;
        final ExprNode iter;
        final StmtNode body;
        final StmtNode orElse;

        For(int line, Target target, ExprNode iter, StmtNode body, StmtNode orElse) {
            super(line);
            this.target = target;
            this.iter = iter;
            this.body = body;
            this.orElse = orElse;
        }

        @Override
        int exec(Frame f) {
            Object seq = iter.eval(f);
            if (seq instanceof PyRange r) {
                return execRange(f, r);
            }
            Iterator<Object> it = Ops.iter(seq);
            while (true) {
                f.ctx.cancellation.check();
                f.line = line;
                if (!it.hasNext()) {
                    break;
                }
                target.assign(f, it.next());
                int r = body.exec(f);
                if (r == BREAK) {
                    return NORMAL;
                }
                if (r == RETURN) {
                    return r;
                }
            }
            return orElse == null ? NORMAL : orElse.exec(f);
        }

        private int execRange(Frame f, PyRange range) {
            long n = range.length();
            long v = range.start;
            long step = range.step;
            for (long i = 0; i < n; i++, v += step) {
                f.ctx.cancellation.check();
                target.assign(f, v);
                int r = body.exec(f);
                if (r == BREAK) {
                    return NORMAL;
                }
                if (r == RETURN) {
                    return r;
                }
            }
            return orElse == null ? NORMAL : orElse.exec(f);
        }
    }

    /** One {@code except [type [as name]]:} clause. */
    record Handler(ExprNode type, Target name, StmtNode body, int line) {
    }

    static final class Try extends StmtNode {
        final StmtNode body;
        final Handler[] handlers;
        final StmtNode orElse;
        final StmtNode finalBody;

        Try(int line, StmtNode body, Handler[] handlers, StmtNode orElse, StmtNode finalBody) {
            super(line);
            this.body = body;
            this.handlers = handlers;
            this.orElse = orElse;
            this.finalBody = finalBody;
        }

        @Override
        int exec(Frame f) {
            if (finalBody == null) {
                return execExcept(f);
            }
            int r;
            try {
                r = execExcept(f);
            } catch (StackOverflowError | RuntimeException e) {
                PyException p = ErrorTranslator.translate(e);
                p.caughtIn(f.code.entry(f.line, p.span()));
                int fr;
                try {
                    fr = finalBody.exec(f);
                } catch (StackOverflowError | RuntimeException x) {
                    throw raisedWhileHandling(x, p);
                }
                if (fr != NORMAL && !p.isCancellation()) {
                    return fr;
                }
                throw p;
            }
            Object saved = f.returnValue;
            int fr = finalBody.exec(f);
            if (fr != NORMAL) {
                return fr;
            }
            f.returnValue = saved;
            return r;
        }

        private int execExcept(Frame f) {
            if (handlers.length == 0) {
                return body.exec(f);
            }
            int r;
            try {
                r = body.exec(f);
            } catch (PyException | StackOverflowError e) {
                return handle(f, ErrorTranslator.translate(e));
            } catch (RuntimeException e) {
                return handle(f, ErrorTranslator.translate(e));
            }
            if (r == NORMAL && orElse != null) {
                f.line = orElse.line;
                return orElse.exec(f);
            }
            return r;
        }

        private int handle(Frame f, PyException e) {
            if (e.isCancellation()) {
                throw e;
            }
            // raised again from here, it is shown where it is raised again
            org.autogradstudio.script.runtime.SourceSpan span = e.takeSpan();
            int errorLine = f.line;
            TracebackEntry caught = f.code.entry(errorLine, span);
            for (Handler h : handlers) {
                f.line = h.line();
                if (h.type() != null && !matches(e, h.type().eval(f))) {
                    continue;
                }
                e.caughtIn(caught);
                if (h.name() != null) {
                    h.name().assign(f, e.value());
                }
                ExecContext ctx = f.ctx;
                ctx.handling.push(e);
                try {
                    return h.body().exec(f);
                } catch (StackOverflowError | RuntimeException x) {
                    throw raisedWhileHandling(x, e);
                } finally {
                    ctx.handling.pop();
                    if (h.name() != null) {
                        try {
                            h.name().delete(f);
                        } catch (PyException ignored) {
                            // already deleted by the handler body
                        }
                    }
                }
            }
            // no clause matched: the traceback must still point at the line that raised
            f.line = errorLine;
            throw e;
        }

        /** An error escaping an except or finally block: it records the one being handled, as Python prints both. */
        private static PyException raisedWhileHandling(Throwable raised, PyException handled) {
            PyException p = ErrorTranslator.translate(raised);
            p.setContextIfAbsent(handled);
            return p;
        }

        static boolean matches(PyException e, Object type) {
            if (type instanceof PyTuple t) {
                for (Object x : t.items()) {
                    if (matches(e, x)) {
                        return true;
                    }
                }
                return false;
            }
            if (!(type instanceof PyType pt) || !(pt instanceof org.autogradstudio.script.runtime.PyClass c
                    && c.isExceptionClass())) {
                throw Py.typeError("catching classes that do not inherit from BaseException is not allowed");
            }
            return e.matches(pt);
        }
    }

    /**
     * {@code with mgr [as x]: body}. {@code __exit__} always runs, also when the run is cancelled
     * (so {@code torch.no_grad()} restores grad mode), but a cancellation cannot be suppressed.
     */
    static final class With extends StmtNode {
        final ExprNode context;
        final Target target;
        final StmtNode body;

        With(int line, ExprNode context, Target target, StmtNode body) {
            super(line);
            this.context = context;
            this.target = target;
            this.body = body;
        }

        @Override
        int exec(Frame f) {
            Object mgr = context.eval(f);
            if (!(mgr instanceof PyObject p) || mgr == Py.NONE) {
                throw Py.typeError("'" + Ops.typeName(mgr) + "' object does not support the context manager protocol");
            }
            Object entered = Py.fromJava(p.enter());
            int r;
            try {
                if (target != null) {
                    target.assign(f, entered);
                }
                r = body.exec(f);
            } catch (PyException | StackOverflowError e) {
                return exitWithError(f, p, ErrorTranslator.translate(e));
            } catch (RuntimeException e) {
                return exitWithError(f, p, ErrorTranslator.translate(e));
            }
            f.line = line;
            p.exit(null);
            return r;
        }

        private int exitWithError(Frame f, PyObject p, PyException e) {
            f.line = line;
            boolean suppress = p.exit(e);
            if (suppress && !e.isCancellation()) {
                return NORMAL;
            }
            throw e;
        }
    }
}
