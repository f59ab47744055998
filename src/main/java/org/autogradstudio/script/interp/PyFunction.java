package org.autogradstudio.script.interp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.autogradstudio.script.runtime.Bindable;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyTuple;

/**
 * A function defined by {@code def} or {@code lambda}: code plus defaults, closure cells and
 * globals. Calls check the recursion limit and the cancellation flag, and add this frame to the
 * traceback of any exception passing through; internal Java errors become Python errors here.
 */
public final class PyFunction implements Bindable {
    final FunctionCode code;
    private final Object[] defaults;
    private final Map<String, Object> kwDefaults;
    private final Cell[] closure;
    private final Globals globals;
    private final ExecContext ctx;
    private Map<String, Object> attrs;
    private String name;

    PyFunction(FunctionCode code, Object[] defaults, Map<String, Object> kwDefaults, Cell[] closure, Globals globals,
            ExecContext ctx) {
        this.code = code;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closure = closure;
        this.globals = globals;
        this.ctx = ctx;
        this.name = code.info.name();
    }

    @Override
    public String typeName() {
        return "function";
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        return invoke(false, null, args, kwargs);
    }

    @Override
    public Object callWithSelf(Object self, Object[] args, Map<String, Object> kwargs) {
        return invoke(true, self, args, kwargs);
    }

    private Object invoke(boolean hasSelf, Object self, Object[] args, Map<String, Object> kwargs) {
        ExecContext c = ctx;
        c.enterCall();
        FunctionCode fc = code;
        Frame f = new Frame(fc.nlocals, closure, globals, fc.info, c);
        Frame caller = c.current;
        c.current = f;
        try {
            Object[] locals = f.locals;
            int n = args.length;
            if (fc.simple && kwargs.isEmpty() && n + (hasSelf ? 1 : 0) == fc.nPositional) {
                if (hasSelf) {
                    locals[0] = self;
                    System.arraycopy(args, 0, locals, 1, n);
                } else {
                    System.arraycopy(args, 0, locals, 0, n);
                }
            } else {
                fc.binder.bind(locals, hasSelf, self, args, kwargs, defaults, kwDefaults);
            }
            if (fc.cellSlots.length > 0) {
                fc.prepareCells(locals);
            }
            if (fc.generator) {
                return PyGenerator.start(fc, f, c, qualname());
            }
            int r = fc.body.exec(f);
            return r == StmtNode.RETURN ? f.returnValue : Py.NONE;
        } catch (StackOverflowError | RuntimeException e) {
            PyException p = ErrorTranslator.translate(e);
            if (f.line != 0) {
                // line 0: the arguments did not bind, and CPython shows no frame for a call that never started
                p.addTraceback(fc.info.entry(f.line, p.takeSpan()));
            }
            throw p;
        } finally {
            c.current = caller;
            c.depth--;
        }
    }

    @Override
    public String qualifiedName() {
        return qualname();
    }

    /** The code's qualified name, or the one a script gave the function ({@code __qualname__}). */
    private String qualname() {
        Object q = attrs == null ? null : attrs.get("__qualname__");
        return q instanceof String s ? s : code.qualName;
    }

    @Override
    public Object getAttr(String attr) {
        switch (attr) {
            case "__name__": return name;
            case "__qualname__": return qualname();
            case "__doc__":
                // functools.wraps copies a wrapped function's docstring over this one's
                if (attrs != null && attrs.containsKey(attr)) {
                    return attrs.get(attr);
                }
                return code.doc == null ? Py.NONE : code.doc;
            case "__module__": {
                Object m = globals.get("__name__");
                return m == null ? Py.NONE : m;
            }
            case "__defaults__": return defaults == null || defaults.length == 0 ? Py.NONE : new PyTuple(defaults.clone());
            case "__dict__": return PyDict.ofStrings(attrs == null ? Map.of() : attrs);
            default: return attrs == null ? null : attrs.get(attr);
        }
    }

    @Override
    public void setAttr(String attr, Object value) {
        if (attr.equals("__name__")) {
            name = String.valueOf(value);
            return;
        }
        if (attrs == null) {
            attrs = new LinkedHashMap<>();
        }
        attrs.put(attr, value);
    }

    @Override
    public String repr() {
        return "<function " + qualname() + " at " + Py.address(this) + ">";
    }
}
