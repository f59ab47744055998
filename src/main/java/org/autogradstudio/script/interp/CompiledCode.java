package org.autogradstudio.script.interp;

import org.autogradstudio.script.runtime.PyException;

/**
 * A compiled module or notebook cell: its statements and, in cell mode, the trailing bare
 * expression whose value is echoed.
 */
public final class CompiledCode {
    private static final Cell[] NO_CELLS = new Cell[0];
    final StmtNode body;
    final ExprNode echo;
    final CodeInfo info;
    final Globals globals;

    CompiledCode(StmtNode body, ExprNode echo, CodeInfo info, Globals globals) {
        this.body = body;
        this.echo = echo;
        this.info = info;
        this.globals = globals;
    }

    /** Whether a trailing expression is to be echoed. */
    public boolean hasEcho() {
        return echo != null;
    }

    /** Runs the code at module level; returns the echo expression's value (null when there is none). */
    /** The source this was compiled from. */
    org.autogradstudio.script.syntax.SourceText source() {
        return info.source();
    }

    public Object run(ExecContext ctx) {
        Frame f = new Frame(0, NO_CELLS, globals, info, ctx);
        f.line = body.line;
        Frame caller = ctx.current;
        ctx.current = f;
        try {
            body.exec(f);
            if (echo != null) {
                f.line = echo.line;
                return echo.eval(f);
            }
            return null;
        } catch (StackOverflowError | RuntimeException e) {
            PyException p = ErrorTranslator.translate(e);
            p.addTraceback(info.entry(f.line, p.takeSpan()));
            throw p;
        } finally {
            // an imported module's code returns to the importing frame
            ctx.current = caller;
        }
    }
}
