package org.autogradstudio.script.interp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyDict;

/**
 * Calls. Plain positional calls ({@code f(a, b)}, {@code obj.m(a)}) have their own nodes with no
 * keyword map or unpacking; {@link Args} handles keywords, {@code *args} and {@code **kwargs}.
 */
final class CallNodes {
    private CallNodes() {
    }

    static Object[] evalAll(ExprNode[] nodes, Frame f) {
        if (nodes.length == 0) {
            return Py.NO_ARGS;
        }
        Object[] out = new Object[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            out[i] = nodes[i].eval(f);
        }
        return out;
    }

    /** Arguments with keywords and/or unpacking. */
    static final class Args {
        final ExprNode[] positional;
        final boolean[] starred;
        final String[] kwNames;
        final ExprNode[] kwValues;

        /** A null kwName marks {@code **mapping}. */
        Args(ExprNode[] positional, boolean[] starred, String[] kwNames, ExprNode[] kwValues) {
            this.positional = positional;
            this.starred = starred;
            this.kwNames = kwNames;
            this.kwValues = kwValues;
        }

        Object[] positional(Frame f) {
            boolean any = false;
            for (boolean s : starred) {
                any |= s;
            }
            if (!any) {
                return evalAll(positional, f);
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < positional.length; i++) {
                Object v = positional[i].eval(f);
                if (starred[i]) {
                    Iterator<Object> it;
                    try {
                        it = Ops.iter(v);
                    } catch (org.autogradstudio.script.runtime.PyException e) {
                        throw Py.typeError("argument after * must be an iterable, not " + Ops.typeName(v));
                    }
                    while (it.hasNext()) {
                        out.add(it.next());
                    }
                } else {
                    out.add(v);
                }
            }
            return out.toArray();
        }

        Map<String, Object> keywords(Frame f, String callee) {
            if (kwNames.length == 0) {
                return Py.NO_KWARGS;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < kwNames.length; i++) {
                Object v = kwValues[i].eval(f);
                if (kwNames[i] != null) {
                    if (out.put(kwNames[i], v) != null) {
                        throw Py.typeError(callee + " got multiple values for keyword argument '" + kwNames[i] + "'");
                    }
                    continue;
                }
                if (!(v instanceof PyDict d)) {
                    PyDict d2 = new PyDict();
                    try {
                        Iterator<Object> keys = Ops.iter(Ops.callMethod(v, "keys", Py.NO_ARGS, Py.NO_KWARGS));
                        while (keys.hasNext()) {
                            Object k = keys.next();
                            d2.put(k, Ops.getItem(v, k));
                        }
                    } catch (org.autogradstudio.script.runtime.PyException e) {
                        throw Py.typeError(callee + " argument after ** must be a mapping, not " + Ops.typeName(v));
                    }
                    v = d2;
                }
                for (Object k : ((PyDict) v).keys()) {
                    if (!(k instanceof String ks)) {
                        throw Py.typeError("keywords must be strings");
                    }
                    if (out.put(ks, ((PyDict) v).get(k)) != null) {
                        throw Py.typeError(callee + " got multiple values for keyword argument '" + ks + "'");
                    }
                }
            }
            return out;
        }
    }

    static String calleeName(Object fn) {
        Object n = Ops.getAttrOrNull(fn, "__name__");
        return (n instanceof String s ? s : Ops.typeName(fn)) + "()";
    }

    static final class Call extends ExprNode {
        final ExprNode fn;
        final ExprNode[] args;

        Call(int line, ExprNode fn, ExprNode[] args) {
            super(line);
            this.fn = fn;
            this.args = args;
        }

        @Override
        Object eval(Frame f) {
            Object callee = fn.eval(f);
            return Ops.call(callee, evalAll(args, f), Py.NO_KWARGS);
        }
    }

    static final class CallGeneral extends ExprNode {
        final ExprNode fn;
        final Args args;

        CallGeneral(int line, ExprNode fn, Args args) {
            super(line);
            this.fn = fn;
            this.args = args;
        }

        @Override
        Object eval(Frame f) {
            Object callee = fn.eval(f);
            Object[] pos = args.positional(f);
            return Ops.call(callee, pos, args.keywords(f, args.kwNames.length == 0 ? "" : calleeName(callee)));
        }
    }

    static final class MethodCall extends ExprNode {
        final ExprNode obj;
        final String name;
        final ExprNode[] args;

        MethodCall(int line, ExprNode obj, String name, ExprNode[] args) {
            super(line);
            this.obj = obj;
            this.name = name;
            this.args = args;
        }

        @Override
        Object eval(Frame f) {
            Object o = obj.eval(f);
            return Ops.callMethod(o, name, evalAll(args, f), Py.NO_KWARGS);
        }
    }

    static final class MethodCallGeneral extends ExprNode {
        final ExprNode obj;
        final String name;
        final Args args;

        MethodCallGeneral(int line, ExprNode obj, String name, Args args) {
            super(line);
            this.obj = obj;
            this.name = name;
            this.args = args;
        }

        @Override
        Object eval(Frame f) {
            Object o = obj.eval(f);
            Object[] pos = args.positional(f);
            return Ops.callMethod(o, name, pos, args.keywords(f, name + "()"));
        }
    }
}
