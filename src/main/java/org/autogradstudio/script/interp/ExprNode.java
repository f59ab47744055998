package org.autogradstudio.script.interp;

/** An executable expression: the compiled form of a syntax-tree expression. */
abstract class ExprNode {
    final int line;

    ExprNode(int line) {
        this.line = line;
    }

    abstract Object eval(Frame f);
}
