package org.autogradstudio.script.runtime;

/**
 * Where an expression stands in its source (lines 1-based and local to the source, columns
 * 0-based, the end exclusive), for the carets CPython 3.11 draws under the failing part of a
 * traceback's line. A binary operation or a subscript also marks its operator (or its brackets),
 * {@code anchorStart} to {@code anchorEnd} counted from the expression's first column (else -1):
 * CPython underlines the operands with {@code ~} and the operator with {@code ^}.
 */
public record SourceSpan(int line, int col, int endLine, int endCol, int anchorStart, int anchorEnd) {
}
