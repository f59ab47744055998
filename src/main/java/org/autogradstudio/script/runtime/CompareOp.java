package org.autogradstudio.script.runtime;

/** Rich comparisons; {@link #swapped()} is the operator tried on the right operand (a < b → b > a). */
public enum CompareOp {
    LT("<", "__lt__"), LE("<=", "__le__"), GT(">", "__gt__"), GE(">=", "__ge__"), EQ("==", "__eq__"), NE("!=", "__ne__");

    public final String symbol;
    public final String dunder;

    CompareOp(String symbol, String dunder) {
        this.symbol = symbol;
        this.dunder = dunder;
    }

    public CompareOp swapped() {
        switch (this) {
            case LT: return GT;
            case GT: return LT;
            case LE: return GE;
            case GE: return LE;
            default: return this;
        }
    }

    /** Whether a three-way comparison result (-1, 0, 1) satisfies this operator. */
    public boolean test(int cmp) {
        switch (this) {
            case LT: return cmp < 0;
            case LE: return cmp <= 0;
            case GT: return cmp > 0;
            case GE: return cmp >= 0;
            case EQ: return cmp == 0;
            default: return cmp != 0;
        }
    }
}
