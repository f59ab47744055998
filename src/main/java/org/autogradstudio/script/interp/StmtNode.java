package org.autogradstudio.script.interp;

/**
 * An executable statement. {@link #exec} returns how control leaves it: normally, or by
 * break/continue/return, so loops and functions need no exceptions for control flow.
 */
abstract class StmtNode {
    static final int NORMAL = 0;
    static final int BREAK = 1;
    static final int CONTINUE = 2;
    static final int RETURN = 3;

    final int line;

    StmtNode(int line) {
        this.line = line;
    }

    abstract int exec(Frame f);
}
