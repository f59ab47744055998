package org.autogradstudio.script.interp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PySet;
import org.autogradstudio.script.runtime.PyTuple;

/** Tuple, list, set and dict displays (with {@code *} and {@code **} unpacking) and f-strings. */
final class DisplayNodes {
    private DisplayNodes() {
    }

    static List<Object> items(ExprNode[] elts, boolean[] starred, Frame f) {
        List<Object> out = new ArrayList<>(elts.length);
        for (int i = 0; i < elts.length; i++) {
            Object v = elts[i].eval(f);
            if (starred != null && starred[i]) {
                Iterator<Object> it = Ops.iter(v);
                while (it.hasNext()) {
                    out.add(it.next());
                }
            } else {
                out.add(v);
            }
        }
        return out;
    }

    static final class TupleNode extends ExprNode {
        final ExprNode[] elts;
        final boolean[] starred;

        TupleNode(int line, ExprNode[] elts, boolean[] starred) {
            super(line);
            this.elts = elts;
            this.starred = starred;
        }

        @Override
        Object eval(Frame f) {
            if (starred == null) {
                return new PyTuple(CallNodes.evalAll(elts, f));
            }
            return new PyTuple(items(elts, starred, f).toArray());
        }
    }

    static final class ListNode extends ExprNode {
        final ExprNode[] elts;
        final boolean[] starred;

        ListNode(int line, ExprNode[] elts, boolean[] starred) {
            super(line);
            this.elts = elts;
            this.starred = starred;
        }

        @Override
        Object eval(Frame f) {
            return new PyList(items(elts, starred, f));
        }
    }

    static final class SetNode extends ExprNode {
        final ExprNode[] elts;
        final boolean[] starred;

        /** Three or more constants, which CPython builds from a frozenset constant (see {@link PySet#ofConstants}). */
        final boolean constants;

        SetNode(int line, ExprNode[] elts, boolean[] starred) {
            super(line);
            this.elts = elts;
            this.starred = starred;
            boolean allConst = elts.length > 2;
            for (int i = 0; i < elts.length && allConst; i++) {
                allConst = isConstant(elts[i]) && (starred == null || !starred[i]);
            }
            this.constants = allConst;
        }

        /** A constant as CPython's compiler folds it: a literal, or a tuple of constants. */
        private static boolean isConstant(ExprNode e) {
            if (e instanceof OperatorNodes.Const) {
                return true;
            }
            if (!(e instanceof TupleNode t) || t.starred != null) {
                return false;
            }
            for (ExprNode x : t.elts) {
                if (!isConstant(x)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        Object eval(Frame f) {
            List<Object> items = items(elts, starred, f);
            return constants ? PySet.ofConstants(items) : new PySet(items);
        }
    }

    /** A null key marks {@code **mapping}. */
    static final class DictNode extends ExprNode {
        final ExprNode[] keys;
        final ExprNode[] values;

        DictNode(int line, ExprNode[] keys, ExprNode[] values) {
            super(line);
            this.keys = keys;
            this.values = values;
        }

        @Override
        Object eval(Frame f) {
            PyDict d = new PyDict();
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == null) {
                    Object m = values[i].eval(f);
                    if (!(m instanceof PyDict md)) {
                        throw org.autogradstudio.script.runtime.Py.typeError("'" + Ops.typeName(m)
                                + "' object is not a mapping");
                    }
                    d.update(md);
                } else {
                    Object k = keys[i].eval(f);
                    d.put(k, values[i].eval(f));
                }
            }
            return d;
        }
    }

    static final class JoinedStr extends ExprNode {
        final ExprNode[] parts;

        JoinedStr(int line, ExprNode[] parts) {
            super(line);
            this.parts = parts;
        }

        @Override
        Object eval(Frame f) {
            StringBuilder sb = new StringBuilder();
            for (ExprNode p : parts) {
                Object v = p.eval(f);
                sb.append(v instanceof String s ? s : Ops.str(v));
            }
            return sb.toString();
        }
    }

    /** One f-string field: conversion ({@code !r}), then {@code format(value, spec)}. */
    static final class FormattedValue extends ExprNode {
        final ExprNode value;
        final char conversion;
        final ExprNode spec;

        FormattedValue(int line, ExprNode value, char conversion, ExprNode spec) {
            super(line);
            this.value = value;
            this.conversion = conversion;
            this.spec = spec;
        }

        @Override
        Object eval(Frame f) {
            Object v = value.eval(f);
            if (conversion == 'r') {
                v = Ops.repr(v);
            } else if (conversion == 's') {
                v = Ops.str(v);
            } else if (conversion == 'a') {
                v = Builtins.ascii(Ops.repr(v));
            }
            String s = spec == null ? "" : (String) spec.eval(f);
            return Ops.format(v, s);
        }
    }
}
