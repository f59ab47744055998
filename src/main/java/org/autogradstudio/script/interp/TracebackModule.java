package org.autogradstudio.script.interp;

import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyModule;

/**
 * Python's {@code traceback} module as notebooks use it inside an except clause:
 * {@code print_exc()} and {@code format_exc()} give the traceback of the exception being handled.
 */
final class TracebackModule {
    private TracebackModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("traceback");
        m.put("format_exc", PyBuiltin.of("format_exc(limit=None, chain=True)", a -> handledText()));
        m.put("print_exc", PyBuiltin.of("print_exc(limit=None, file=None, chain=True)", a -> {
            ExecContext ctx = ExecContext.running();
            if (ctx != null) {
                ctx.notice(handledText());
            }
            return Py.NONE;
        }));
        return m;
    }

    /** The handled exception's traceback, or Python's "NoneType: None" outside an except clause. */
    private static String handledText() {
        ExecContext ctx = ExecContext.running();
        PyException handled = ctx == null ? null : ctx.handling.peek();
        return handled == null ? "NoneType: None\n" : handled.formatCaughtTraceback();
    }
}
