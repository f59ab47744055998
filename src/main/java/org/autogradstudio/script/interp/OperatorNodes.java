package org.autogradstudio.script.interp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.autogradstudio.script.runtime.BinaryOp;
import org.autogradstudio.script.runtime.CompareOp;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyTuple;
import org.autogradstudio.script.runtime.Slice;
import org.autogradstudio.script.runtime.SourceSpan;
import org.autogradstudio.script.runtime.UnaryOp;

/** Constants, operators, comparisons, attribute and subscript access, and their targets. */
final class OperatorNodes {
    private OperatorNodes() {
    }

    static final class Const extends ExprNode {
        final Object value;

        Const(int line, Object value) {
            super(line);
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            return value;
        }
    }

    static final class Binary extends ExprNode {
        final BinaryOp op;
        final ExprNode left;
        final ExprNode right;

        Binary(int line, BinaryOp op, ExprNode left, ExprNode right) {
            super(line);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            if (a instanceof Double x && b instanceof Double y) {
                switch (op) {
                    case ADD: return x + y;
                    case SUB: return x - y;
                    case MUL: return x * y;
                    default: break;
                }
            }
            try {
                return Ops.binary(op, a, b);
            } catch (StackOverflowError | RuntimeException e) {
                throw failed(e);
            }
        }
    }

    static final class Unary extends ExprNode {
        final UnaryOp op;
        final ExprNode operand;

        Unary(int line, UnaryOp op, ExprNode operand) {
            super(line);
            this.op = op;
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            Object v = operand.eval(f);
            try {
                return Ops.unary(op, v);
            } catch (StackOverflowError | RuntimeException e) {
                throw failed(e);
            }
        }
    }

    static final class Not extends ExprNode {
        final ExprNode operand;

        Not(int line, ExprNode operand) {
            super(line);
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            return !Ops.truthy(operand.eval(f));
        }
    }

    /** {@code a and b and c} / {@code a or b}: returns the deciding operand, not a bool. */
    static final class BoolOp extends ExprNode {
        final boolean isAnd;
        final ExprNode[] values;

        BoolOp(int line, boolean isAnd, ExprNode[] values) {
            super(line);
            this.isAnd = isAnd;
            this.values = values;
        }

        @Override
        Object eval(Frame f) {
            Object v = null;
            for (ExprNode e : values) {
                v = e.eval(f);
                if (Ops.truthy(v) != isAnd) {
                    return v;
                }
            }
            return v;
        }
    }

    /** {@code name := value}. */
    static final class NamedExpr extends ExprNode {
        final Target target;
        final ExprNode value;

        NamedExpr(int line, Target target, ExprNode value) {
            super(line);
            this.target = target;
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            Object v = value.eval(f);
            target.assign(f, v);
            return v;
        }
    }

    static final class IfExp extends ExprNode {
        final ExprNode test;
        final ExprNode body;
        final ExprNode orElse;

        IfExp(int line, ExprNode test, ExprNode body, ExprNode orElse) {
            super(line);
            this.test = test;
            this.body = body;
            this.orElse = orElse;
        }

        @Override
        Object eval(Frame f) {
            return Ops.truthy(test.eval(f)) ? body.eval(f) : orElse.eval(f);
        }
    }

    /** Comparison kinds including membership and identity. */
    enum Cmp { LT, LE, GT, GE, EQ, NE, IN, NOT_IN, IS, IS_NOT }

    static Object compare(Cmp op, Object a, Object b) {
        switch (op) {
            case LT: return Ops.compare(CompareOp.LT, a, b);
            case LE: return Ops.compare(CompareOp.LE, a, b);
            case GT: return Ops.compare(CompareOp.GT, a, b);
            case GE: return Ops.compare(CompareOp.GE, a, b);
            case EQ: return Ops.compare(CompareOp.EQ, a, b);
            case NE: return Ops.compare(CompareOp.NE, a, b);
            case IN: return Ops.contains(b, a);
            case NOT_IN: return !Ops.contains(b, a);
            case IS: return Ops.is(a, b);
            default: return !Ops.is(a, b);
        }
    }

    /** {@code a < b < c}: each middle operand evaluated once, stopping at the first false result. */
    static final class Compare extends ExprNode {
        final ExprNode left;
        final Cmp[] ops;
        final ExprNode[] rights;

        Compare(int line, ExprNode left, Cmp[] ops, ExprNode[] rights) {
            super(line);
            this.left = left;
            this.ops = ops;
            this.rights = rights;
        }

        @Override
        Object eval(Frame f) {
            Object a = left.eval(f);
            Object result = Boolean.TRUE;
            for (int i = 0; i < ops.length; i++) {
                Object b = rights[i].eval(f);
                try {
                    result = compare(ops[i], a, b);
                } catch (StackOverflowError | RuntimeException e) {
                    throw failed(e);
                }
                if (i < ops.length - 1 && !Ops.truthy(result)) {
                    return result;
                }
                a = b;
            }
            return result;
        }
    }

    static final class Attribute extends ExprNode implements Target {
        final ExprNode obj;
        final String name;

        Attribute(int line, ExprNode obj, String name) {
            super(line);
            this.obj = obj;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            Object o = obj.eval(f);
            try {
                return Ops.getAttr(o, name);
            } catch (StackOverflowError | RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public void assign(Frame f, Object value) {
            Object o = obj.eval(f);
            try {
                Ops.setAttr(o, name, value);
            } catch (StackOverflowError | RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public void delete(Frame f) {
            Ops.delAttr(obj.eval(f), name);
        }
    }

    static final class Subscript extends ExprNode implements Target {
        final ExprNode obj;
        final ExprNode index;

        Subscript(int line, ExprNode obj, ExprNode index) {
            super(line);
            this.obj = obj;
            this.index = index;
        }

        @Override
        Object eval(Frame f) {
            Object o = obj.eval(f);
            Object i = index.eval(f);
            try {
                return Ops.getItem(o, i);
            } catch (StackOverflowError | RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public void assign(Frame f, Object value) {
            Object o = obj.eval(f);
            Object i = index.eval(f);
            try {
                Ops.setItem(o, i, value);
            } catch (StackOverflowError | RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public void delete(Frame f) {
            Object o = obj.eval(f);
            Ops.delItem(o, index.eval(f));
        }
    }

    static final class SliceNode extends ExprNode {
        final ExprNode lower;
        final ExprNode upper;
        final ExprNode step;

        SliceNode(int line, ExprNode lower, ExprNode upper, ExprNode step) {
            super(line);
            this.lower = lower;
            this.upper = upper;
            this.step = step;
        }

        @Override
        Object eval(Frame f) {
            return new Slice(lower == null ? Py.NONE : lower.eval(f), upper == null ? Py.NONE : upper.eval(f),
                    step == null ? Py.NONE : step.eval(f));
        }
    }

    /** {@code a, *b, c = value}: unpacks any iterable with Python's errors. */
    static final class Unpack implements Target {
        final Target[] targets;
        final int star;
        /** The target list, where a wrong count is shown. */
        final SourceSpan span;

        Unpack(Target[] targets, int star, SourceSpan span) {
            this.targets = targets;
            this.star = star;
            this.span = span;
        }

        @Override
        public void assign(Frame f, Object value) {
            try {
                assignItems(f, value);
            } catch (StackOverflowError | RuntimeException e) {
                throw ErrorTranslator.translate(e).at(span);
            }
        }

        private void assignItems(Frame f, Object value) {
            Object[] items = items(value);
            int n = targets.length;
            if (star < 0) {
                if (items.length != n) {
                    if (items.length < n) {
                        throw Py.valueError("not enough values to unpack (expected " + n + ", got " + items.length + ")");
                    }
                    throw Py.valueError("too many values to unpack (expected " + n + ")");
                }
                for (int i = 0; i < n; i++) {
                    targets[i].assign(f, items[i]);
                }
                return;
            }
            int after = n - star - 1;
            if (items.length < n - 1) {
                throw Py.valueError("not enough values to unpack (expected at least " + (n - 1) + ", got "
                        + items.length + ")");
            }
            for (int i = 0; i < star; i++) {
                targets[i].assign(f, items[i]);
            }
            PyList middle = new PyList();
            for (int i = star; i < items.length - after; i++) {
                middle.append(items[i]);
            }
            targets[star].assign(f, middle);
            for (int i = 0; i < after; i++) {
                targets[star + 1 + i].assign(f, items[items.length - after + i]);
            }
        }

        private Object[] items(Object value) {
            if (value instanceof PyTuple t) {
                return t.toArray();
            }
            if (value instanceof PyList l) {
                return l.items().toArray();
            }
            Iterator<Object> it;
            try {
                it = Ops.iter(value);
            } catch (org.autogradstudio.script.runtime.PyException e) {
                if (e.typeName().equals("TypeError") && !(value instanceof String)) {
                    throw Py.typeError("cannot unpack non-iterable " + Ops.typeName(value) + " object");
                }
                throw e;
            }
            List<Object> out = new ArrayList<>();
            int limit = star < 0 ? targets.length + 1 : Integer.MAX_VALUE;
            while (out.size() < limit && it.hasNext()) {
                out.add(it.next());
            }
            return out.toArray();
        }

        @Override
        public void delete(Frame f) {
            for (Target t : targets) {
                t.delete(f);
            }
        }
    }
}
