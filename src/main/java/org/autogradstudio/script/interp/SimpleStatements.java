package org.autogradstudio.script.interp;

import org.autogradstudio.script.runtime.BinaryOp;
import org.autogradstudio.script.runtime.ExceptionTypes;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyClass;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyExceptionObject;
import org.autogradstudio.script.runtime.SourceSpan;

/** Statements without nested blocks. */
final class SimpleStatements {
    private SimpleStatements() {
    }

    /** A sequence of statements; records each statement's line in the frame for tracebacks. */
    static final class Block extends StmtNode {
        final StmtNode[] body;

        Block(int line, StmtNode[] body) {
            super(line);
            this.body = body;
        }

        @Override
        int exec(Frame f) {
            for (StmtNode s : body) {
                f.line = s.line;
                int r = s.exec(f);
                if (r != NORMAL) {
                    return r;
                }
            }
            return NORMAL;
        }
    }

    static final class ExprStmt extends StmtNode {
        final ExprNode value;

        ExprStmt(int line, ExprNode value) {
            super(line);
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            value.eval(f);
            return NORMAL;
        }
    }

    static final class Assign extends StmtNode {
        final Target[] targets;
        final ExprNode value;

        Assign(int line, Target[] targets, ExprNode value) {
            super(line);
            this.targets = targets;
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            Object v = value.eval(f);
            for (Target t : targets) {
                t.assign(f, v);
            }
            return NORMAL;
        }
    }

    /** {@code name OP= value}: in-place hook first ({@code w -= lr * g} updates the same tensor). */
    static final class AugName extends StmtNode {
        final ExprNode load;
        final Target store;
        final BinaryOp op;
        final ExprNode value;

        AugName(int line, ExprNode load, Target store, BinaryOp op, ExprNode value) {
            super(line);
            this.load = load;
            this.store = store;
            this.op = op;
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            Object cur = load.eval(f);
            store.assign(f, Ops.inPlace(op, cur, value.eval(f)));
            return NORMAL;
        }
    }

    static final class AugAttr extends StmtNode {
        final ExprNode obj;
        final String name;
        final BinaryOp op;
        final ExprNode value;

        AugAttr(int line, ExprNode obj, String name, BinaryOp op, ExprNode value) {
            super(line);
            this.obj = obj;
            this.name = name;
            this.op = op;
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            Object o = obj.eval(f);
            Object cur = Ops.getAttr(o, name);
            Ops.setAttr(o, name, Ops.inPlace(op, cur, value.eval(f)));
            return NORMAL;
        }
    }

    static final class AugSubscript extends StmtNode {
        final ExprNode obj;
        final ExprNode index;
        final BinaryOp op;
        final ExprNode value;

        AugSubscript(int line, ExprNode obj, ExprNode index, BinaryOp op, ExprNode value) {
            super(line);
            this.obj = obj;
            this.index = index;
            this.op = op;
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            Object o = obj.eval(f);
            Object k = index.eval(f);
            Object cur = Ops.getItem(o, k);
            Ops.setItem(o, k, Ops.inPlace(op, cur, value.eval(f)));
            return NORMAL;
        }
    }

    static final class Flow extends StmtNode {
        final int signal;

        Flow(int line, int signal) {
            super(line);
            this.signal = signal;
        }

        @Override
        int exec(Frame f) {
            if (signal == NORMAL) {
                return NORMAL;
            }
            return signal;
        }
    }

    static final class Return extends StmtNode {
        final ExprNode value;

        Return(int line, ExprNode value) {
            super(line);
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            f.returnValue = value == null ? Py.NONE : value.eval(f);
            return RETURN;
        }
    }

    static final class Delete extends StmtNode {
        final Target[] targets;

        Delete(int line, Target[] targets) {
            super(line);
            this.targets = targets;
        }

        @Override
        int exec(Frame f) {
            for (Target t : targets) {
                t.delete(f);
            }
            return NORMAL;
        }
    }

    static final class Assert extends StmtNode {
        final ExprNode test;
        final ExprNode msg;
        /** The test, where CPython 3.11 points. */
        final SourceSpan span;

        Assert(int line, ExprNode test, ExprNode msg, SourceSpan span) {
            super(line);
            this.test = test;
            this.msg = msg;
            this.span = span;
        }

        @Override
        int exec(Frame f) {
            if (!Ops.truthy(test.eval(f))) {
                PyClass cls = ExceptionTypes.get("AssertionError");
                Object[] args = msg == null ? new Object[0] : new Object[] {msg.eval(f)};
                throw new PyException(cls.instantiate(args)).at(span);
            }
            return NORMAL;
        }
    }

    /**
     * {@code name: annotation [= value]} in a module or class body: the value is assigned, then the
     * annotation evaluated into the namespace's {@code __annotations__} dict, made on first use.
     */
    static final class Annotate extends StmtNode {
        final String name;
        final ExprNode annotation;
        final StmtNode assign;

        Annotate(int line, String name, ExprNode annotation, StmtNode assign) {
            super(line);
            this.name = name;
            this.annotation = annotation;
            this.assign = assign;
        }

        @Override
        int exec(Frame f) {
            if (assign != null) {
                assign.exec(f);
            }
            Object type = annotation.eval(f);
            boolean inClass = f.classNamespace != null;
            Object table = inClass ? f.classNamespace.get("__annotations__") : f.globals.get("__annotations__");
            if (!(table instanceof PyDict)) {
                table = new PyDict();
                if (inClass) {
                    f.classNamespace.put("__annotations__", table);
                } else {
                    f.globals.put("__annotations__", table);
                }
            }
            ((PyDict) table).put(name, type);
            return NORMAL;
        }
    }

    static final class Raise extends StmtNode {
        final ExprNode exc;
        final ExprNode cause;

        Raise(int line, ExprNode exc, ExprNode cause) {
            super(line);
            this.exc = exc;
            this.cause = cause;
        }

        @Override
        int exec(Frame f) {
            if (exc == null) {
                PyException current = f.ctx.handling.peek();
                if (current == null) {
                    throw Py.runtimeError("No active exception to reraise");
                }
                throw current;
            }
            Object v = exc.eval(f);
            if (cause == null) {
                throw toException(v);
            }
            Object c = cause.eval(f);
            if (c != Py.NONE && !(c instanceof PyExceptionObject) && !(c instanceof PyClass pc
                    && pc.isExceptionClass())) {
                throw Py.typeError("exception causes must derive from BaseException");
            }
            PyException e = toException(v);
            e.setCause(c == Py.NONE ? null : causeOf(c));
            throw e;
        }

        /** The exception {@code raise ... from c} names: as it was raised (with its traceback), or new. */
        private static PyException causeOf(Object c) {
            PyException raised = c instanceof PyExceptionObject o ? o.raisedException() : null;
            return raised != null ? raised : toException(c);
        }

        static PyException toException(Object v) {
            if (v instanceof PyClass c && c.isExceptionClass()) {
                v = c.call(Py.NO_ARGS, Py.NO_KWARGS);
            }
            if (v instanceof PyExceptionObject e) {
                return new PyException(e);
            }
            return Py.typeError("exceptions must derive from BaseException");
        }
    }
}
