package org.autogradstudio.script.interp;

import java.util.Map;

/**
 * The state of one executing code block: local slots (holding {@link Cell}s for captured
 * variables), the closure's cells, the class namespace for class bodies, and the current line.
 */
final class Frame {
    final Object[] locals;
    final Cell[] free;
    final Globals globals;
    final CodeInfo code;
    final ExecContext ctx;
    Map<String, Object> classNamespace;
    int line;
    Object returnValue;
    /** The generator this frame is the body of (null for other frames): where its yields go. */
    PyGenerator.Channel generator;

    Frame(int nlocals, Cell[] free, Globals globals, CodeInfo code, ExecContext ctx) {
        this.locals = nlocals == 0 ? NO_LOCALS : new Object[nlocals];
        this.free = free;
        this.globals = globals;
        this.code = code;
        this.ctx = ctx;
    }

    private static final Object[] NO_LOCALS = new Object[0];
}
