package org.autogradstudio.script.interp;

import java.util.Map;
import org.autogradstudio.script.runtime.Cancellation;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.syntax.PySyntaxError;
import org.autogradstudio.script.syntax.SourceText;

/**
 * The interpreter state behind one session: builtins, globals ({@code __main__}), loaded
 * modules and execution context. Not thread-safe: the owning session runs one piece of code at a
 * time; only {@link #cancellation()} may be used from other threads.
 */
public final class SessionState {
    private final Cancellation cancellation = new Cancellation();
    private final Map<String, Object> builtins = Builtins.newMap();
    private final Importer importer;
    private final ExecContext ctx;
    private final Globals globals;

    public SessionState(ModuleRegistry registry, Appendable out) {
        importer = new Importer(registry);
        ctx = new ExecContext(cancellation, builtins, importer, out);
        importer.bind(ctx);
        Builtins.install(builtins, ctx);
        globals = new Globals(builtins);
        globals.put("__name__", "__main__");
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    public void setOut(Appendable out) {
        ctx.setOut(out);
    }

    /** Where warnings go. */
    public void setWarnings(Appendable warnings) {
        ctx.setWarnings(warnings);
    }

    /** Writes {@code text} where warnings go. */
    public void notice(CharSequence text) {
        ctx.notice(text);
    }

    public Globals globals() {
        return globals;
    }

    /** Compiles into this session's globals; syntax errors become Python {@code SyntaxError}s. */
    public CompiledCode compile(String source, String fileName, int lineOffset, boolean echoLast) {
        SourceText text = new SourceText(fileName, source, lineOffset);
        try {
            return Compiler.compile(text, globals, ctx, echoLast);
        } catch (PySyntaxError e) {
            throw toPython(e);
        } catch (StackOverflowError e) {
            throw new PyException("RecursionError", "maximum recursion depth exceeded during compilation");
        }
    }

    /** The Python exception for a syntax error, printing as Python prints it. */
    public static PyException toPython(PySyntaxError e) {
        return new PyException(e.type(), e.msg()).withSyntaxErrorText(e.format());
    }

    /** Runs compiled code; returns the echo value or null. Never lets a Java exception escape. */
    public Object run(CompiledCode code) {
        ctx.startRun(code.source());
        ExecContext previous = ctx.bindThread();
        try {
            return code.run(ctx);
        } catch (PyException e) {
            throw e;
        } catch (Throwable t) {
            throw ErrorTranslator.translate(t);
        } finally {
            ctx.handling.clear();
            ctx.current = null;
            ExecContext.bindThread(previous);
        }
    }

    /** Clears globals and loaded modules, as restarting a kernel. */
    public void reset() {
        globals.clear();
        globals.put("__name__", "__main__");
        importer.reset();
    }
}
