package org.autogradstudio.script.interp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.SourceSpan;

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
            Object[] a = evalAll(args, f);
            try {
                return Ops.call(callee, a, Py.NO_KWARGS);
            } catch (StackOverflowError | RuntimeException e) {
                throw failed(e);
            }
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
            Map<String, Object> kw = args.keywords(f, args.kwNames.length == 0 ? "" : calleeName(callee));
            try {
                return Ops.call(callee, pos, kw);
            } catch (StackOverflowError | RuntimeException e) {
                throw failed(e);
            }
        }
    }

    static final class MethodCall extends ExprNode {
        final ExprNode obj;
        final String name;
        final ExprNode[] args;
        /** {@code obj.name}: where a failed lookup of the method is shown (the call's span shows a failure inside it). */
        final SourceSpan lookup;

        MethodCall(int line, ExprNode obj, String name, ExprNode[] args, SourceSpan lookup) {
            super(line);
            this.obj = obj;
            this.name = name;
            this.args = args;
            this.lookup = lookup;
        }

        @Override
        Object eval(Frame f) {
            Object o = obj.eval(f);
            Object[] a = evalAll(args, f);
            try {
                return Ops.callMethod(o, name, a, Py.NO_KWARGS);
            } catch (StackOverflowError | RuntimeException e) {
                throw locate(ErrorTranslator.translate(e), o, name, lookup, span);
            }
        }
    }

    static final class MethodCallGeneral extends ExprNode {
        final ExprNode obj;
        final String name;
        final Args args;
        final SourceSpan lookup;

        MethodCallGeneral(int line, ExprNode obj, String name, Args args, SourceSpan lookup) {
            super(line);
            this.obj = obj;
            this.name = name;
            this.args = args;
            this.lookup = lookup;
        }

        @Override
        Object eval(Frame f) {
            Object o = obj.eval(f);
            Object[] pos = args.positional(f);
            Map<String, Object> kw = args.keywords(f, name + "()");
            try {
                return Ops.callMethod(o, name, pos, kw);
            } catch (StackOverflowError | RuntimeException e) {
                throw locate(ErrorTranslator.translate(e), o, name, lookup, span);
            }
        }
    }

    /** A method call's error, at {@code obj.name} when the method was not found, else at the whole call. */
    static PyException locate(PyException e, Object obj, String name, SourceSpan lookup, SourceSpan call) {
        return e.at(e.isMissing(obj, name) ? lookup : call);
    }
}
