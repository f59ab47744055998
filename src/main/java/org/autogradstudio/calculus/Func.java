package org.autogradstudio.calculus;

import org.autogradstudio.engine.ElementwiseOp;

/**
 * The functions of one argument an {@link Expr.Call} applies. Each differentiable one points to
 * the engine's {@link ElementwiseOp}, whose derivative rule (written once over an algebra) both
 * autograd and the symbolic differentiator use.
 */
public enum Func {
    EXP("exp", null, ElementwiseOp.EXP),
    LOG("log", "\\ln", ElementwiseOp.LOG),
    SIN("sin", "\\sin", ElementwiseOp.SIN),
    COS("cos", "\\cos", ElementwiseOp.COS),
    TAN("tan", "\\tan", ElementwiseOp.TAN),
    TANH("tanh", "\\tanh", ElementwiseOp.TANH),
    SIGMOID("sigmoid", "\\sigma", ElementwiseOp.SIGMOID),
    RELU("relu", "\\operatorname{ReLU}", ElementwiseOp.RELU),
    ABS("abs", null, ElementwiseOp.ABS),
    SQRT("sqrt", null, ElementwiseOp.SQRT),
    /** sgn: the derivative of abs; its own derivative is 0 almost everywhere. */
    SIGN("sign", "\\operatorname{sgn}", null);

    private final String plainName;
    private final String latexName;
    private final ElementwiseOp op;

    Func(String plainName, String latexName, ElementwiseOp op) {
        this.plainName = plainName;
        this.latexName = latexName;
        this.op = op;
    }

    /** The Python-like name ({@code torch.<name>}). */
    public String plainName() {
        return plainName;
    }

    /** The LaTeX operator, or null where the renderer draws it specially (e^x, |x|, sqrt). */
    public String latexName() {
        return latexName;
    }

    /** The engine's rule for this function; null for sign. */
    public ElementwiseOp op() {
        return op;
    }

    public double apply(double x) {
        if (this == SIGN) {
            return Double.isNaN(x) ? x : Math.signum(x);
        }
        return op.apply(x, 0, new double[0]);
    }

    /** The function computed by a unary elementwise op, or null when it is not a plain function of one argument. */
    public static Func of(ElementwiseOp op) {
        for (Func f : values()) {
            if (f.op == op) {
                return f;
            }
        }
        return null;
    }
}
