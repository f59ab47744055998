package org.autogradstudio.script.interp;

import org.autogradstudio.script.runtime.ExceptionTypes;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyClass;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyExceptionObject;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyObject;

/**
 * Python's {@code warnings} module: {@code warn} from a script, and the filters a notebook's
 * first cell sets ({@code warnings.filterwarnings("ignore")}), which also silence PyTorch's
 * warnings, as they do in Python.
 */
final class WarningsModule {
    private WarningsModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("warnings");
        m.put("warn", PyBuiltin.of("warn(message, category=None, stacklevel=1, source=None)", a -> {
            warn(a[0], a[1]);
            return Py.NONE;
        }));
        m.put("filterwarnings", PyBuiltin.of(
                "filterwarnings(action, message='', category=None, module='', lineno=0, append=False)", a -> {
                    filters().add(Py.str(a[0]), Py.str(a[1]), category(a[2]), Py.toInt(a[4]), Py.isTrue(a[5]));
                    return Py.NONE;
                }));
        m.put("simplefilter", PyBuiltin.of("simplefilter(action, category=None, lineno=0, append=False)", a -> {
            filters().add(Py.str(a[0]), null, category(a[1]), Py.toInt(a[2]), Py.isTrue(a[3]));
            return Py.NONE;
        }));
        m.put("resetwarnings", PyBuiltin.of("resetwarnings()", a -> {
            filters().reset();
            return Py.NONE;
        }));
        m.put("catch_warnings", PyBuiltin.of("catch_warnings(record=False)", a -> new CatchWarnings(Py.isTrue(a[0]))));
        return m;
    }

    private static WarningFilters filters() {
        ExecContext ctx = ExecContext.running();
        if (ctx == null) {
            throw Py.runtimeError("warnings used outside a running script");
        }
        return ctx.warningFilters;
    }

    /** {@code warn(message, category)}: a Warning instance as message brings its own category. */
    private static void warn(Object message, Object category) {
        PyClass cls;
        String text;
        if (message instanceof PyExceptionObject w && w.pyClass().isSubclassOf(ExceptionTypes.get("Warning"))) {
            cls = w.pyClass();
            text = w.str();
        } else {
            cls = category == Py.NONE ? ExceptionTypes.get("UserWarning") : category(category);
            text = Py.str(message);
        }
        ExecContext ctx = ExecContext.running();
        if (ctx != null) {
            ctx.warn(cls, text);
        }
    }

    /** A filter's or warning's category; None: Warning (the filters' default, which matches every warning). */
    private static PyClass category(Object c) {
        if (c == Py.NONE) {
            return ExceptionTypes.get("Warning");
        }
        if (c instanceof PyClass cls && cls.isSubclassOf(ExceptionTypes.get("Warning"))) {
            return cls;
        }
        throw Py.typeError("category must be a Warning subclass, not '" + org.autogradstudio.script.runtime.Ops.typeName(c) + "'");
    }

    /** {@code with warnings.catch_warnings(record=...)}: the filters set inside last until the block ends. */
    static final class CatchWarnings implements PyObject {
        private final boolean record;
        private WarningFilters.Saved saved;

        CatchWarnings(boolean record) {
            this.record = record;
        }

        @Override
        public String typeName() {
            return "catch_warnings";
        }

        @Override
        public Object enter() {
            if (saved != null) {
                throw Py.runtimeError("Cannot enter " + repr() + " twice");
            }
            saved = filters().enter(record);
            return record ? filters().recording() : Py.NONE;
        }

        @Override
        public boolean exit(PyException error) {
            if (saved != null) {
                filters().restore(saved);
                saved = null;
            }
            return false;
        }

        @Override
        public String repr() {
            return record ? "catch_warnings(record=True)" : "catch_warnings()";
        }
    }

    /** One warning caught by {@code catch_warnings(record=True)}: {@code w.message}, {@code w.category} ... */
    static final class WarningMessage implements PyObject {
        private final PyClass category;
        private final String text;
        private final String file;
        private final int line;

        WarningMessage(PyClass category, String text, String file, int line) {
            this.category = category;
            this.text = text;
            this.file = file;
            this.line = line;
        }

        @Override
        public String typeName() {
            return "WarningMessage";
        }

        @Override
        public Object getAttr(String name) {
            switch (name) {
                case "message": return category.instantiate(new Object[] {text});
                case "category": return category;
                case "filename": return file;
                case "lineno": return (long) line;
                case "line": case "file": case "source": return Py.NONE;
                default: return null;
            }
        }

        @Override
        public String str() {
            return "{message : " + Py.repr(getAttr("message")) + ", category : " + Py.repr(category.name())
                    + ", filename : " + Py.repr(file) + ", lineno : " + line + ", line : None}";
        }

        @Override
        public String repr() {
            return str();
        }
    }
}
