package org.autogradstudio.engine;

import java.util.List;

/**
 * The single table of elementwise operations: forward on numbers, PyTorch's backward-function name,
 * the symbol the graph draws, and the local derivative of the output with respect to each input,
 * written once over an {@link Algebra} (tinygrad-style). {@code p} holds scalar arguments:
 * the exponent of {@code POW_SCALAR}, the bounds of {@code CLAMP}.
 */
public enum ElementwiseOp {
    ADD("add", "AddBackward0", "+", 2) {
        public double apply(double a, double b, double[] p) { return a + b; }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.constant(1), A.constant(1)); }
    },
    SUB("sub", "SubBackward0", "−", 2) {
        public double apply(double a, double b, double[] p) { return a - b; }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.constant(1), A.constant(-1)); }
    },
    /** {@code scalar - tensor}: PyTorch records it as rsub with the tensor as first input. */
    RSUB("rsub", "RsubBackward1", "−", 1) {
        public double apply(double a, double b, double[] p) { return p[0] - a; }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.constant(-1)); }
    },
    MUL("mul", "MulBackward0", "×", 2) {
        public double apply(double a, double b, double[] p) { return a * b; }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(x.get(1), x.get(0)); }
    },
    DIV("div", "DivBackward0", "÷", 2) {
        public double apply(double a, double b, double[] p) { return a / b; }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) {
            return List.of(A.div(A.constant(1), x.get(1)), A.neg(A.div(x.get(0), A.mul(x.get(1), x.get(1)))));
        }
        public <T> List<T> backward(Algebra<T> A, T g, List<T> x, T out, double[] p) {
            return java.util.Arrays.asList(A.div(g, x.get(1)), A.mul(A.neg(g), A.div(A.div(x.get(0), x.get(1)), x.get(1))));
        }
    },
    NEG("neg", "NegBackward0", "−", 1) {
        public double apply(double a, double b, double[] p) { return -a; }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.constant(-1)); }
    },
    /** 1/x; PyTorch computes {@code number / tensor} as {@code tensor.reciprocal() * number}. */
    RECIPROCAL("reciprocal", "ReciprocalBackward0", "1/x", 1) {
        public double apply(double a, double b, double[] p) { return 1 / a; }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.neg(A.mul(out, out))); }
        public <T> List<T> backward(Algebra<T> A, T g, List<T> x, T out, double[] p) { return List.of(A.mul(A.neg(g), A.mul(out, out))); }
    },
    /** tensor ** number. */
    POW_SCALAR("pow", "PowBackward0", "^", 1) {
        public double apply(double a, double b, double[] p) { return powLikeATen(a, p[0], false); }
        public double applyFloat32(double a, double b, double[] p) { return powLikeATen(a, p[0], true); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) {
            if (p[0] == 0) {
                return List.of(A.constant(0));
            }
            T local = p[0] == 2 ? x.get(0) : A.pow(x.get(0), A.constant(p[0] - 1));
            return List.of(A.mul(A.constant(p[0]), local));
        }
    },
    /** tensor ** tensor (also number ** tensor, as PyTorch turns the number into a tensor). */
    POW("pow", "PowBackward1", "^", 2) {
        public double apply(double a, double b, double[] p) { return Math.pow(a, b); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) {
            T base = x.get(0), exponent = x.get(1);
            return List.of(A.mul(exponent, A.pow(base, A.sub(exponent, A.constant(1)))), A.mul(out, A.log(base)));
        }
    },
    EXP("exp", "ExpBackward0", "exp", 1) {
        public double apply(double a, double b, double[] p) { return Math.exp(a); }
        public double applyFloat32(double a, double b, double[] p) { return Float32Math.exp((float) a); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(out); }
    },
    LOG("log", "LogBackward0", "log", 1) {
        public double apply(double a, double b, double[] p) { return Math.log(a); }
        public double applyFloat32(double a, double b, double[] p) { return Float32Math.log((float) a); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.div(A.constant(1), x.get(0))); }
        public <T> List<T> backward(Algebra<T> A, T g, List<T> x, T out, double[] p) { return List.of(A.div(g, x.get(0))); }
    },
    SIN("sin", "SinBackward0", "sin", 1) {
        public double apply(double a, double b, double[] p) { return Math.sin(a); }
        public double applyFloat32(double a, double b, double[] p) { return Float32Math.sin((float) a); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.cos(x.get(0))); }
    },
    COS("cos", "CosBackward0", "cos", 1) {
        public double apply(double a, double b, double[] p) { return Math.cos(a); }
        public double applyFloat32(double a, double b, double[] p) { return Float32Math.cos((float) a); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.neg(A.sin(x.get(0)))); }
    },
    TAN("tan", "TanBackward0", "tan", 1) {
        public double apply(double a, double b, double[] p) { return Math.tan(a); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.add(A.constant(1), A.mul(out, out))); }
    },
    TANH("tanh", "TanhBackward0", "tanh", 1) {
        public double apply(double a, double b, double[] p) { return Math.tanh(a); }
        public double applyFloat32(double a, double b, double[] p) { return Float32Math.tanh((float) a); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.sub(A.constant(1), A.mul(out, out))); }
        public <T> List<T> backward(Algebra<T> A, T g, List<T> x, T out, double[] p) { return List.of(A.mul(g, A.oneMinusSquare(out))); }
    },
    SIGMOID("sigmoid", "SigmoidBackward0", "σ", 1) {
        public double apply(double a, double b, double[] p) { return 1 / (1 + Math.exp(-a)); }
        // one element alone is the kernel's scalar loop; arrays are evaluated by Pointwise lane by lane
        public double applyFloat32(double a, double b, double[] p) { return Float32Math.sigmoid((float) a, 0, 1); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.mul(out, A.sub(A.constant(1), out))); }
        public <T> List<T> backward(Algebra<T> A, T g, List<T> x, T out, double[] p) { return List.of(A.mul(A.mul(g, A.sub(A.constant(1), out)), out)); }
    },
    RELU("relu", "ReluBackward0", "ReLU", 1) {
        public double apply(double a, double b, double[] p) { return a > 0 ? a : (Double.isNaN(a) ? a : 0); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.positive(out)); }
        public <T> List<T> backward(Algebra<T> A, T g, List<T> x, T out, double[] p) { return List.of(A.masked(g, A.positive(out))); }
    },
    ABS("abs", "AbsBackward0", "|·|", 1) {
        public double apply(double a, double b, double[] p) { return Math.abs(a); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.sign(x.get(0))); }
    },
    SQRT("sqrt", "SqrtBackward0", "√", 1) {
        public double apply(double a, double b, double[] p) { return Math.sqrt(a); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.div(A.constant(0.5), out)); }
        public <T> List<T> backward(Algebra<T> A, T g, List<T> x, T out, double[] p) { return List.of(A.div(g, A.mul(A.constant(2), out))); }
    },
    /** clamp(min, max); an absent bound is passed as an infinity. */
    CLAMP("clamp", "ClampBackward1", "clamp", 1) {
        public double apply(double a, double b, double[] p) { return Double.isNaN(a) ? a : Math.min(Math.max(a, p[0]), p[1]); }
        public <T> List<T> derivatives(Algebra<T> A, List<T> x, T out, double[] p) { return List.of(A.inRange(x.get(0), p[0], p[1])); }
        public <T> List<T> backward(Algebra<T> A, T g, List<T> x, T out, double[] p) { return List.of(A.masked(g, A.inRange(x.get(0), p[0], p[1]))); }
    };

    private final String torchName;
    private final String gradFnName;
    private final String symbol;
    private final int arity;

    ElementwiseOp(String torchName, String gradFnName, String symbol, int arity) {
        this.torchName = torchName;
        this.gradFnName = gradFnName;
        this.symbol = symbol;
        this.arity = arity;
    }

    /**
     * {@code base ** exponent} as ATen's pow kernel computes it: the exponents 2, 3, -1, -2, 0.5 and
     * -0.5 are products, reciprocals and square roots rounded step by step ({@code x*x*x} in float32
     * is not the correctly rounded cube), anything else is {@code pow}.
     */
    static double powLikeATen(double base, double exponent, boolean float32) {
        if (float32) {
            float x = (float) base;
            if (exponent == 2) return x * x;
            if (exponent == 3) return x * x * x;
            if (exponent == -1) return 1f / x;
            if (exponent == -2) return 1f / (x * x);
            if (exponent == 0.5) return (float) Math.sqrt(x);
            if (exponent == -0.5) return 1f / (float) Math.sqrt(x);
            return (float) Math.pow(x, exponent);
        }
        if (exponent == 2) return base * base;
        if (exponent == 3) return base * base * base;
        if (exponent == -1) return 1 / base;
        if (exponent == -2) return 1 / (base * base);
        if (exponent == 0.5) return Math.sqrt(base);
        if (exponent == -0.5) return 1 / Math.sqrt(base);
        return Math.pow(base, exponent);
    }

    /** Forward on one element; unary ops ignore {@code b}. */
    public abstract double apply(double a, double b, double[] p);

    /** d(out)/d(input i) for each tensor input, written over any algebra. */
    public abstract <T> List<T> derivatives(Algebra<T> algebra, List<T> inputs, T output, double[] p);

    /** Forward on one float32 element: the same steps in single precision, as PyTorch's float kernels. */
    public double applyFloat32(double a, double b, double[] p) {
        return (float) apply(a, b, p);
    }

    /**
     * The gradient for each input given the upstream gradient {@code g}: by default
     * {@code g * derivative}; a few ops override it to follow PyTorch's order of operations, which
     * decides the last bit of a float32 gradient.
     */
    public <T> List<T> backward(Algebra<T> algebra, T g, List<T> inputs, T output, double[] p) {
        List<T> local = derivatives(algebra, inputs, output, p);
        java.util.List<T> out = new java.util.ArrayList<>(local.size());
        for (T d : local) {
            out.add(algebra.isOne(d) ? g : algebra.mul(g, d));
        }
        return out;
    }

    public String torchName() {
        return torchName;
    }

    public String gradFnName() {
        return gradFnName;
    }

    /** The symbol the graph draws for this function node. */
    public String symbol() {
        return symbol;
    }

    public int arity() {
        return arity;
    }

    /** Whether this op maps integer inputs to floating point (PyTorch promotes exp(int) to float). */
    public boolean producesFloat() {
        switch (this) {
            case ADD: case SUB: case RSUB: case MUL: case NEG: case RELU: case ABS: case CLAMP: case POW_SCALAR: case POW:
                return false;
            default:
                return true;
        }
    }
}
