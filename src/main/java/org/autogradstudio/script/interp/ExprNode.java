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

    /** {@code e} as the Python error of this expression, marked where it stands (for the traceback's carets). */
    final org.autogradstudio.script.runtime.PyException failed(Throwable e) {
        return ErrorTranslator.translate(e).at(span);
    }
}
