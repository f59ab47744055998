package org.autogradstudio.script.interp;

/** An executable expression: the compiled form of a syntax-tree expression. */
abstract class ExprNode {
    final int line;
    /** Where the expression stands, for a traceback's carets when it fails (null: not drawn). */
    org.autogradstudio.script.runtime.SourceSpan span;

    ExprNode(int line) {
        this.line = line;
    }

    abstract Object eval(Frame f);
}
