package org.autogradstudio.script.syntax;

import java.util.List;

/**
 * Expression nodes of the syntax tree. Every node carries its 1-based line and 0-based column
 * (Python's {@code lineno}/{@code col_offset}), local to the parsed text.
 */
public sealed interface Expr {
    int line();

    int col();

    /** Binary operators, in Python's spelling. */
    enum BinaryOperator {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"), MOD("%"), POW("**"), MATMUL("@"),
        LSHIFT("<<"), RSHIFT(">>"), BITAND("&"), BITOR("|"), BITXOR("^");

        public final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    enum UnaryOperator { NEG, POS, INVERT, NOT }

    enum CompareOperator { LT, LE, GT, GE, EQ, NE, IN, NOT_IN, IS, IS_NOT }

    /** The literal singletons that are not Java values. */
    enum Singleton { NONE, ELLIPSIS }

    record Name(String id, int line, int col) implements Expr {
    }

    /** value: Long, BigInteger, Double, String, Boolean or {@link Singleton}. */
    record Constant(Object value, int line, int col) implements Expr {
    }

    /** An f-string: literal parts are {@link Constant} strings, fields are {@link FormattedValue}. */
    record JoinedStr(List<Expr> values, int line, int col) implements Expr {
    }

    /** conversion: 0, 'r', 's' or 'a'; formatSpec: a JoinedStr or null. */
    record FormattedValue(Expr value, char conversion, Expr formatSpec, int line, int col) implements Expr {
    }

    record BinOp(Expr left, BinaryOperator op, Expr right, int line, int col) implements Expr {
    }

    record UnaryOp(UnaryOperator op, Expr operand, int line, int col) implements Expr {
    }

    record BoolOp(boolean isAnd, List<Expr> values, int line, int col) implements Expr {
    }

    record Compare(Expr left, List<CompareOperator> ops, List<Expr> comparators, int line, int col) implements Expr {
    }

    record IfExp(Expr test, Expr body, Expr orElse, int line, int col) implements Expr {
    }

    /** {@code target := value}: assigns and evaluates to the value. */
    record NamedExpr(Name target, Expr value, int line, int col) implements Expr {
    }

    /**
     * {@code yield value}, {@code yield} (value null) or {@code yield from value} ({@code from});
     * {@code endCol} is where it ends on its line (for a caret under all of it), or -1.
     */
    record Yield(Expr value, boolean from, int line, int col, int endCol) implements Expr {
    }

    record Lambda(Params params, Expr body, int line, int col) implements Expr {
    }

    /** args may contain {@link Starred}; a keyword with a null name is {@code **mapping}. */
    record Call(Expr func, List<Expr> args, List<Keyword> keywords, int line, int col) implements Expr {
    }

    record Keyword(String name, Expr value, int line, int col) {
    }

    record Attribute(Expr value, String attr, int line, int col) implements Expr {
    }

    record Subscript(Expr value, Expr index, int line, int col) implements Expr {
    }

    /** {@code lower:upper:step}; each part may be null. */
    record Slice(Expr lower, Expr upper, Expr step, int line, int col) implements Expr {
    }

    record Starred(Expr value, int line, int col) implements Expr {
    }

    record ListExpr(List<Expr> elts, int line, int col) implements Expr {
    }

    record TupleExpr(List<Expr> elts, int line, int col) implements Expr {
    }

    record SetExpr(List<Expr> elts, int line, int col) implements Expr {
    }

    /** A null key means {@code **value}. */
    record DictExpr(List<Expr> keys, List<Expr> values, int line, int col) implements Expr {
    }

    enum ComprehensionKind { LIST, SET, DICT, GENERATOR }

    /** List, set, dict (key and value) and generator comprehensions; {@code value} is null unless DICT. */
    record Comprehension(ComprehensionKind kind, Expr element, Expr value, List<ForClause> clauses, int line, int col)
            implements Expr {
    }

    record ForClause(Expr target, Expr iter, List<Expr> ifs) {
    }

    /** Parameters of a def or lambda. */
    record Params(List<Param> params, int line, int col) {
        public static final Params EMPTY = new Params(List.of(), 0, 0);
    }

    enum ParamKind { POSITIONAL, VAR_POSITIONAL, KEYWORD_ONLY, VAR_KEYWORD }

    /** defaultValue may be null; annotations are parsed and dropped. */
    record Param(String name, ParamKind kind, Expr defaultValue, int line, int col) {
    }
}
