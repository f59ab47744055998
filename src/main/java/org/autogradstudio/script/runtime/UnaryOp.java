package org.autogradstudio.script.runtime;

/** Unary operators, plus {@code abs()} which dispatches the same way. */
public enum UnaryOp {
    NEG("unary -", "__neg__"), POS("unary +", "__pos__"), INVERT("unary ~", "__invert__"), ABS("abs()", "__abs__");

    /** As in "bad operand type for unary -: 'str'". */
    public final String description;
    public final String dunder;

    UnaryOp(String description, String dunder) {
        this.description = description;
        this.dunder = dunder;
    }
}
