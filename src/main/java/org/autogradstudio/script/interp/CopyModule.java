package org.autogradstudio.script.interp;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBoundMethod;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyInstance;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PySet;
import org.autogradstudio.script.runtime.PyTuple;

/**
 * Python's {@code copy} module: {@code copy} and {@code deepcopy} of containers, instances (a
 * model: its parameters become new leaves, shared ones stay shared) and host objects that say how
 * they copy ({@link PyObject#deepCopy}: a tensor as PyTorch's {@code __deepcopy__}). What cannot
 * be copied fails as CPython's pickling fallback does.
 */
final class CopyModule {
    private CopyModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("copy");
        m.put("copy", PyBuiltin.of("copy(x)", a -> shallow(a[0])));
        m.put("deepcopy", PyBuiltin.of("deepcopy(x, memo=None)", a -> new Deep().copy(a[0])));
        return m;
    }

    private static Object shallow(Object x) {
        if (x instanceof PyList l) {
            return new PyList(l.items());
        }
        if (x instanceof PyDict d) {
            return d.copy();
        }
        if (x instanceof PySet s) {
            return PySet.copyOf(s);
        }
        if (x instanceof PyInstance p) {
            Object hook = p.pyClass().lookup("__copy__");
            if (hook != null) {
                return Ops.call(new PyBoundMethod(p, hook), Py.NO_ARGS, Py.NO_KWARGS);
            }
            PyInstance c = new PyInstance(p.pyClass());
            c.attributes().putAll(p.attributes());
            return c;
        }
        if (x instanceof PyObject p && !(p instanceof PyTuple) && isCopiedObject(p)) {
            return refuseNull(p, p.deepCopy(v -> v));
        }
        return x;
    }

    /** Host objects that hold state (tensors, layers): copied through their hook; functions, classes and modules are atoms. */
    private static boolean isCopiedObject(PyObject p) {
        return !(p instanceof org.autogradstudio.script.runtime.PyType) && !(p instanceof PyModule)
                && !(p instanceof PyBuiltin) && !(p instanceof PyFunction) && !(p instanceof PyBoundMethod) && p != Py.NONE;
    }

    private static Object refuseNull(PyObject p, Object copy) {
        if (copy == null) {
            throw Py.typeError("cannot pickle '" + p.typeName() + "' object");
        }
        return copy;
    }

    /** One {@code deepcopy} call: its memo keeps shared objects shared and cycles finite. */
    private static final class Deep {
        private final Map<Object, Object> memo = new IdentityHashMap<>();

        Object copy(Object x) {
            if (!(x instanceof PyObject obj) || !isCopiedObject(obj) && !(obj instanceof PyTuple)) {
                return x; // numbers, strings, None, functions, classes, modules
            }
            Object done = memo.get(x);
            if (done != null) {
                return done;
            }
            if (x instanceof PyTuple t) {
                List<Object> items = t.items();
                Object[] out = new Object[items.size()];
                boolean same = true;
                for (int i = 0; i < out.length; i++) {
                    out[i] = copy(items.get(i));
                    same &= out[i] == items.get(i);
                }
                return same ? t : remember(x, new PyTuple(out));
            }
            if (x instanceof PyList l) {
                PyList out = (PyList) remember(x, new PyList());
                for (Object v : l.items()) {
                    out.append(copy(v));
                }
                return out;
            }
            if (x instanceof PyDict d) {
                PyDict out = (PyDict) remember(x, d.isOrdered() ? PyDict.ordered() : new PyDict());
                for (Object k : d.keys()) {
                    out.put(copy(k), copy(d.get(k)));
                }
                return out;
            }
            if (x instanceof PySet s) {
                PySet out = (PySet) remember(x, new PySet());
                for (Object v : s.values()) {
                    out.add(copy(v));
                }
                return out;
            }
            if (x instanceof PyInstance inst) {
                Object hook = inst.pyClass().lookup("__deepcopy__");
                if (hook != null) {
                    return remember(x, Ops.call(new PyBoundMethod(inst, hook), new Object[] {new PyDict()}, Py.NO_KWARGS));
                }
                PyInstance out = (PyInstance) remember(x, new PyInstance(inst.pyClass()));
                for (Map.Entry<String, Object> e : inst.attributes().entrySet()) {
                    out.attributes().put(e.getKey(), copy(e.getValue()));
                }
                return out;
            }
            return remember(x, refuseNull(obj, obj.deepCopy(this::copy)));
        }

        private Object remember(Object original, Object copy) {
            memo.put(original, copy);
            return copy;
        }
    }
}
