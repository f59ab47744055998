package org.autogradstudio.script.interp;

import org.autogradstudio.script.runtime.ArgBinder;

/** The compiled, immutable part of a function: body, local slots, parameters, closure layout. */
final class FunctionCode {
    final CodeInfo info;
    final String qualName;
    final ArgBinder binder;
    final int nlocals;
    /** Local slots holding cells; those below {@code binder.slotCount()} are parameters. */
    final int[] cellSlots;
    final StmtNode body;
    final String doc;
    final boolean simple;
    final int nPositional;
    /** The body yields: a call returns a generator instead of running it. */
    final boolean generator;

    FunctionCode(CodeInfo info, String qualName, ArgBinder binder, int nlocals, int[] cellSlots, StmtNode body,
            String doc, boolean generator) {
        this.info = info;
        this.qualName = qualName;
        this.binder = binder;
        this.nlocals = nlocals;
        this.cellSlots = cellSlots;
        this.body = body;
        this.doc = doc;
        this.simple = binder.isSimple();
        this.nPositional = binder.positionalCount();
        this.generator = generator;
    }

    /** Wraps captured locals in cells (parameters keep their bound value). */
    void prepareCells(Object[] locals) {
        for (int s : cellSlots) {
            locals[s] = new Cell(locals[s]);
        }
    }
}
