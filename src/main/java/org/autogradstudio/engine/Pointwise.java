package org.autogradstudio.engine;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/** Elementwise operations with broadcasting, type promotion and their recording (see {@link ElementwiseOp}). */
public final class Pointwise {
    private static final double[] NO_PARAMS = new double[0];
    /** Ops whose derivative needs the forward inputs, or the forward output, saved. */
    private static final EnumSet<ElementwiseOp> SAVE_INPUTS = EnumSet.of(ElementwiseOp.MUL, ElementwiseOp.DIV,
            ElementwiseOp.POW_SCALAR, ElementwiseOp.POW, ElementwiseOp.LOG, ElementwiseOp.SIN, ElementwiseOp.COS,
            ElementwiseOp.ABS, ElementwiseOp.CLAMP);
    private static final EnumSet<ElementwiseOp> SAVE_OUTPUT = EnumSet.of(ElementwiseOp.POW, ElementwiseOp.EXP,
            ElementwiseOp.TAN, ElementwiseOp.TANH, ElementwiseOp.SIGMOID, ElementwiseOp.RECIPROCAL, ElementwiseOp.RELU, ElementwiseOp.SQRT);
    /** The two sets above by ordinal: looked up on every recorded op. */
    private static final boolean[] SAVES_INPUTS = new boolean[ElementwiseOp.values().length];
    private static final boolean[] SAVES_OUTPUT = new boolean[ElementwiseOp.values().length];

    static {
        for (ElementwiseOp op : SAVE_INPUTS) {
            SAVES_INPUTS[op.ordinal()] = true;
        }
        for (ElementwiseOp op : SAVE_OUTPUT) {
            SAVES_OUTPUT[op.ordinal()] = true;
        }
    }

    /**
     * The backward of every recorded unary op: one shared object (the op and its parameters are on
     * the node), so recording allocates no closure per node.
     */
    private static final FunctionNode.OwningRule UNARY_RULE = (node, g, gOwned, result) -> {
        ElementwiseOp op = node.op();
        boolean savedOutput = SAVES_OUTPUT[op.ordinal()];
        Tensor x = savedOutput || !SAVES_INPUTS[op.ordinal()] ? null : node.saved(0);
        Tensor y = savedOutput ? node.saved(0) : null;
        if (g.shape.length == 0) {
            ScalarAlgebra algebra = ScalarAlgebra.of(g.dtype());
            ScalarAlgebra.Value gv = number(g);
            result[0] = tensorOf(op.backward(algebra, gv, Arrays.asList(number(x)), number(y), node.params()).get(0), gv, g, algebra);
            return 0;
        }
        if (op == ElementwiseOp.RELU && g.dtype().isFloatingPoint() && Arrays.equals(g.shape, y.shape)) {
            // masked(g, positive(y)) in one pass, into g itself when nobody else holds it
            boolean inPlace = gOwned && g.storage == g && g.storage.data != null;
            double[] out = inPlace ? g.storage.data : new double[g.numel()];
            ArrayKernels.reluBackward(g.values(), y.values(), out, out.length);
            result[0] = inPlace ? g : Tensor.wrap(out, g.shape, g.dtype());
            return 1;
        }
        if (op == ElementwiseOp.POW_SCALAR && node.params()[0] != 0 && g.dtype().isFloatingPoint()
                && x.dtype() == g.dtype() && Arrays.equals(g.shape, x.shape)) {
            // (x ** p)'s rule in one pass (ArrayKernelsPropertiesTest holds it to the table's rule)
            boolean inPlace = gOwned && g.storage == g && g.storage.data != null;
            double[] out = inPlace ? g.storage.data : new double[g.numel()];
            ArrayKernels.powBackward(g.values(), x.values(), node.params()[0], out, out.length, g.dtype() == DType.FLOAT32);
            result[0] = inPlace ? g : Tensor.wrap(out, g.shape, g.dtype());
            return 1;
        }
        result[0] = op.backward(TensorAlgebra.of(g.dtype()), g, Arrays.asList(x), y, node.params()).get(0);
        return 0;
    };

    /**
     * MUL's rule ({@code g * other}) on 0-d operands without the list machinery, computing only
     * the gradients an edge wants: the scalar chains of the lessons are mostly products with a
     * Python number. Rounding as ScalarAlgebra.mul: both operands cast to the dtype, then the
     * product rounded. ScalarPathPropertiesTest holds it to the general kernels, bit for bit.
     */
    private static Tensor[] scalarMulBackward(FunctionNode node, Tensor g) {
        DType type = g.dtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
        double gv = type.round(g.scalarValue());
        Tensor[] grads = new Tensor[2];
        for (int i = 0; i < 2; i++) {
            if (node.needsGrad(i)) {
                double other = type.round(node.saved(1 - i).scalarValue());
                grads[i] = Tensor.wrapScalar(type.round(gv * other), type);
            }
        }
        return grads;
    }

    /**
     * The backward of the commonest elementwise ops on a 0-d gradient, written straight into the
     * engine's array without Values, lists or a result array: the very numbers UNARY_RULE and
     * BINARY_RULE give on {@link ScalarAlgebra} (operands rounded to the dtype, then each step's
     * result, in the same order), which ScalarPathPropertiesTest holds to the general kernels bit
     * for bit. When {@code gOwned} (the engine's own tensor, seen by nobody else) a single result
     * is written into {@code g} instead of a new tensor. Returns the mask of fresh, unshared
     * results (see {@link Node#applyInto}), or -1 for the other ops, which take the rules above.
     */
    static int scalarBackward(FunctionNode node, Tensor g, boolean gOwned, Tensor[] out) {
        ElementwiseOp op = node.op();
        DType type = g.dtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
        double gv = type.round(g.scalarValue());
        double d;
        switch (op) {
            case ADD:
                out[0] = g;
                out[1] = g;
                return 0;
            case SUB:
                out[0] = g;
                if (!node.needsGrad(1)) {
                    out[1] = null;
                    return 0;
                }
                out[1] = Tensor.wrapScalar(type.round(-g.scalarValue()), type);
                return 2;
            case MUL: {
                boolean need0 = node.needsGrad(0), need1 = node.needsGrad(1);
                double r0 = need0 ? type.round(gv * type.round(node.savedScalar(1))) : 0;
                double r1 = need1 ? type.round(gv * type.round(node.savedScalar(0))) : 0;
                out[0] = need0 ? (need1 ? Tensor.wrapScalar(r0, type) : scalarResult(g, gOwned, r0, type)) : null;
                out[1] = need1 ? scalarResult(g, gOwned && !need0, r1, type) : null;
                return (need0 ? 1 : 0) | (need1 ? 2 : 0);
            }
            case NEG:
                out[0] = scalarResult(g, gOwned, type.round(-g.scalarValue()), type);
                return 1;
            case SIN:
                d = type == DType.FLOAT32 ? Float32Math.cos((float) node.savedScalar(0)) : Math.cos(node.savedScalar(0));
                break;
            case COS:
                d = -(type == DType.FLOAT32 ? Float32Math.sin((float) node.savedScalar(0)) : Math.sin(node.savedScalar(0)));
                break;
            case EXP:
                d = type.round(node.savedScalar(0));
                break;
            case TANH: {
                double y = node.savedScalar(0);
                d = type.round(type == DType.FLOAT32 ? Math.fma((float) -y, (float) y, 1f) : Math.fma(-y, y, 1));
                break;
            }
            case SIGMOID: {
                // (g * (1 - y)) * y, each step rounded
                double y = type.round(node.savedScalar(0));
                double oneMinusY = type.round(1 - y);
                out[0] = scalarResult(g, gOwned, type.round(type.round(gv * oneMinusY) * y), type);
                return 1;
            }
            default:
                return -1;
        }
        out[0] = scalarResult(g, gOwned, type.round(gv * d), type);
        return 1;
    }

    /** {@code value} as a 0-d tensor of {@code type}: {@code g} itself, overwritten, when the engine lets us. */
    private static Tensor scalarResult(Tensor g, boolean gOwned, double value, DType type) {
        if (gOwned && g.dtype() == type && g.storage == g && g.storage.data == null) {
            g.storage.scalar = value;
            return g;
        }
        return Tensor.wrapScalar(value, type);
    }

    private static ScalarAlgebra.Value number(Tensor t) {
        return t == null ? null : new ScalarAlgebra.Value(t.scalarValue());
    }

    /** A scalar rule's result as a tensor: the incoming gradient itself when the rule passed it through. */
    private static Tensor tensorOf(ScalarAlgebra.Value v, ScalarAlgebra.Value gv, Tensor g, ScalarAlgebra algebra) {
        if (v == null) {
            return null;
        }
        return v == gv ? g : Tensor.wrapScalar(v.v, algebra.dtype());
    }

    /** The backward of every recorded binary op (see {@link #UNARY_RULE}). */
    private static final FunctionNode.Rule BINARY_RULE = (node, g) -> {
        ElementwiseOp op = node.op();
        if (op == ElementwiseOp.ADD) {
            // d(a+b) = (1, 1): the table's rule passes g through unchanged to both inputs.
            return new Tensor[] {g, g};
        }
        if (op == ElementwiseOp.MUL && g.shape.length == 0) {
            return scalarMulBackward(node, g);
        }
        TensorAlgebra algebra = TensorAlgebra.of(g.dtype());
        if (op == ElementwiseOp.SUB) {
            // d(a-b) = (1, -1): g itself, and -g only for a b that wants it (a target, say, does not)
            return new Tensor[] {g, node.needsGrad(1) ? algebra.neg(g) : null};
        }
        if (!SAVES_INPUTS[op.ordinal()]) {
            List<Tensor> grads = op.backward(algebra, g, Arrays.asList(null, null), null, NO_PARAMS);
            return new Tensor[] {grads.get(0), grads.get(1)};
        }
        Tensor y = SAVES_OUTPUT[op.ordinal()] ? node.saved(2) : null;
        if (g.shape.length == 0) {
            // A 0-d output means 0-d inputs: evaluate the same rule on bare numbers.
            ScalarAlgebra numbers = ScalarAlgebra.of(g.dtype());
            ScalarAlgebra.Value gv = number(g);
            List<ScalarAlgebra.Value> grads = op.backward(numbers, gv, List.of(number(node.saved(0)), number(node.saved(1))), number(y), NO_PARAMS);
            return new Tensor[] {
                node.needsGrad(0) ? tensorOf(grads.get(0), gv, g, numbers) : null,
                node.needsGrad(1) ? tensorOf(grads.get(1), gv, g, numbers) : null};
        }
        // both saved tensors are unpacked (and version-checked) first, as PyTorch's MulBackward0 does
        Tensor a = node.saved(0), b = node.saved(1);
        boolean need0 = node.needsGrad(0), need1 = node.needsGrad(1);
        if (op == ElementwiseOp.MUL) {
            // the table's rule (g * other for each input), for the inputs that want a gradient only
            return new Tensor[] {need0 ? algebra.mul(g, b) : null, need1 ? algebra.mul(g, a) : null};
        }
        if (op == ElementwiseOp.DIV && !need1) {
            // DIV's first gradient is g / b whatever the second is (ElementwiseOp.DIV.backward)
            return new Tensor[] {need0 ? algebra.div(g, b) : null, null};
        }
        List<Tensor> grads = op.backward(algebra, g, List.of(a, b), y, NO_PARAMS);
        return new Tensor[] {need0 ? grads.get(0) : null, need1 ? grads.get(1) : null};
    };

    private Pointwise() {
    }

    // ---- type promotion -------------------------------------------------------------------

    private static int category(DType d) {
        return d == DType.BOOL ? 0 : d.isFloatingPoint() ? 2 : 1;
    }

    /**
     * PyTorch's result type: dimensioned tensors outrank 0-d tensors, which outrank Python numbers;
     * a lower tier only matters when it is of a higher category (bool &lt; int &lt; float).
     */
    public static DType resultType(Tensor a, Tensor b) {
        if (a.dtype() == b.dtype() && !a.wrappedNumber && !b.wrappedNumber) {
            return a.dtype();
        }
        DType dim = null, zero = null, wrapped = null;
        for (Tensor t : new Tensor[] {a, b}) {
            if (t.wrappedNumber) {
                DType w = t.dtype() == DType.FLOAT64 ? DType.FLOAT32 : t.dtype();
                wrapped = wrapped == null ? w : DType.promote(wrapped, w);
            } else if (t.dim() == 0) {
                zero = zero == null ? t.dtype() : DType.promote(zero, t.dtype());
            } else {
                dim = dim == null ? t.dtype() : DType.promote(dim, t.dtype());
            }
        }
        DType result = dim;
        if (zero != null && (result == null || category(zero) > category(result))) {
            result = result == null ? zero : (category(zero) == 2 && category(result) < 2 ? zero : DType.promote(result, zero));
        }
        if (wrapped != null && (result == null || category(wrapped) > category(result))) {
            result = result == null ? wrapped : (category(wrapped) == 2 ? DType.FLOAT32 : wrapped);
        }
        return result;
    }

    // ---- kernels --------------------------------------------------------------------------

    /** {@code t}'s elements read as if broadcast to {@code target}, row-major. */
    static double[] broadcastValues(Tensor t, int[] target) {
        if (Arrays.equals(t.shape, target)) {
            return t.values();
        }
        int n = Shape.numel(target);
        double[] out = new double[n];
        if (t.numel() == 1) {
            Arrays.fill(out, t.getFlat(0));
            return out;
        }
        int[] strides = Shape.broadcastStrides(t.shape, t.strides, target);
        int rank = target.length;
        int[] index = new int[rank];
        int pos = t.offset;
        double[] data = t.storage.data;
        if (data == null) {
            // a one-element storage seen through a view (every position is 0)
            Arrays.fill(out, t.storage.scalar);
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = data[pos];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                pos += strides[d];
                if (index[d] < target[d]) {
                    break;
                }
                pos -= strides[d] * target[d];
                index[d] = 0;
            }
        }
        return out;
    }

    /**
     * PyTorch casts every operand to the computation's dtype first: {@code 0.001 * x} with x float32
     * multiplies by {@code 0.001f}, not by the double 0.001 (this decides the last bit).
     */
    private static double computeValue(double v, DType outType) {
        return outType == DType.FLOAT32 ? (float) v : v;
    }

    static Tensor map2(Tensor a, Tensor b, DType outType, DoubleBinaryOperator f) {
        if (a.shape.length == 0 && b.shape.length == 0) {
            // 0-d with 0-d: no broadcasting machinery (the scalar chains of the lessons live here).
            double r = outType.round(f.applyAsDouble(computeValue(a.scalarValue(), outType), computeValue(b.scalarValue(), outType)));
            return Tensor.wrapScalar(r, outType);
        }
        int[] shape = Shape.broadcast(a.shape, b.shape);
        int n = Shape.numel(shape);
        double[] out = new double[n];
        if (b.numel() == 1 && a.shape == shape) {
            double[] av = a.values();
            double bv = computeValue(b.getFlat(0), outType);
            for (int i = 0; i < n; i++) {
                out[i] = outType.round(f.applyAsDouble(computeValue(av[i], outType), bv));
            }
        } else {
            double[] av = broadcastValues(a, shape), bv = broadcastValues(b, shape);
            for (int i = 0; i < n; i++) {
                out[i] = outType.round(f.applyAsDouble(computeValue(av[i], outType), computeValue(bv[i], outType)));
            }
        }
        return Tensor.wrap(out, shape, outType);
    }

    // ---- recorded elementwise ops ---------------------------------------------------------

    public static Tensor unary(ElementwiseOp op, Tensor a) {
        return unary(op, a, NO_PARAMS, a.dtype().isFloatingPoint() || !op.producesFloat() ? a.dtype() : DType.FLOAT32);
    }

    static Tensor unary(ElementwiseOp op, Tensor a, double[] p, DType outType) {
        double[] out;
        if (a.shape.length == 0) {
            out = new double[] {unaryValue(op, a.scalarValue(), p, outType)};
        } else if (op == ElementwiseOp.RELU && outType == a.dtype() && outType.isFloatingPoint()) {
            out = ArrayKernels.relu(a.values(), a.numel());
        } else if (outType == DType.FLOAT32 && (op == ElementwiseOp.SIN || op == ElementwiseOp.COS)) {
            // vector by vector: a vector with a large lane is reduced the slow way throughout
            out = Float32Math.sinOrCos(a.values(), op == ElementwiseOp.COS);
        } else if (outType == DType.FLOAT32 && op == ElementwiseOp.SIGMOID) {
            double[] v = a.values();
            out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = Float32Math.sigmoid((float) v[i], i, v.length);
            }
        } else {
            double[] v = a.values();
            out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = unaryValue(op, v[i], p, outType);
            }
        }
        Tensor result = Tensor.wrap(out, a.shape, outType);
        if (Autograd.needed(a)) {
            FunctionNode.Spec spec = Autograd.elementwiseSpec(op, p, UNARY_RULE);
            if (SAVES_INPUTS[op.ordinal()]) {
                Autograd.recordElementwise(result, spec, 1, a, null, FunctionNode.SAVED_INPUT0);
            } else if (SAVES_OUTPUT[op.ordinal()]) {
                Autograd.recordElementwise(result, spec, 1, a, null, FunctionNode.SAVED_OUTPUT);
            } else {
                Autograd.recordElementwise(result, spec, 1, a, null, FunctionNode.SAVED_NONE);
            }
        }
        return result;
    }

    private static double unaryValue(ElementwiseOp op, double v, double[] p, DType outType) {
        return outType == DType.FLOAT32 ? (float) op.applyFloat32(v, 0, p) : outType.round(op.apply(v, 0, p));
    }

    public static Tensor binary(ElementwiseOp op, Tensor a, Tensor b) {
        DType outType = resultType(a, b);
        if (op == ElementwiseOp.DIV && !outType.isFloatingPoint()) {
            outType = DType.FLOAT32;
        }
        if (outType == DType.BOOL && (op == ElementwiseOp.SUB)) {
            throw TorchException.runtime("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
        }
        Tensor result;
        if (a.shape.length == 0 && b.shape.length == 0) {
            double x = computeValue(a.scalarValue(), outType), y = computeValue(b.scalarValue(), outType);
            double r = outType == DType.FLOAT32 ? op.applyFloat32(x, y, NO_PARAMS) : op.apply(x, y, NO_PARAMS);
            result = Tensor.wrapScalar(outType.round(r), outType);
        } else {
            result = ArrayKernels.binary(op, a, b, outType);
            if (result == null) {
                result = outType == DType.FLOAT32 ? map2(a, b, outType, (x, y) -> op.applyFloat32(x, y, NO_PARAMS))
                        : map2(a, b, outType, (x, y) -> op.apply(x, y, NO_PARAMS));
            }
        }
        if (Autograd.needed(a, b)) {
            FunctionNode.Spec spec = Autograd.elementwiseSpec(op, NO_PARAMS, BINARY_RULE);
            if (!SAVES_INPUTS[op.ordinal()]) {
                Autograd.recordElementwise(result, spec, 2, a, b, FunctionNode.SAVED_NONE);
            } else if (!SAVES_OUTPUT[op.ordinal()]) {
                Autograd.recordElementwise(result, spec, 2, a, b, FunctionNode.SAVED_INPUTS);
            } else {
                Autograd.record(result, spec, new Tensor[] {a, b}, new Tensor[] {a, b, result});
            }
        }
        return result;
    }

    /** {@code number - tensor} ({@code __rsub__}), recorded as RsubBackward1 like PyTorch. */
    public static Tensor rsub(Tensor a, Tensor number) {
        DType outType = resultType(a, number);
        double c = number.item();
        Tensor result = map2(a, number, outType, (x, y) -> y - x);
        if (Autograd.needed(a)) {
            Autograd.record(result, ElementwiseOp.RSUB.gradFnName(), new Tensor[] {a}, Autograd.NOTHING,
                    ElementwiseOp.RSUB, Map.of("other", c), (node, g) -> new Tensor[] {g.neg()});
        }
        return result;
    }

    /** {@code tensor ** number}. */
    public static Tensor powScalar(Tensor a, double exponent) {
        boolean integral = exponent == Math.rint(exponent);
        DType outType = a.dtype().isFloatingPoint() || integral ? a.dtype() : DType.FLOAT32;
        if (!outType.isFloatingPoint() && exponent < 0) {
            throw TorchException.runtime("Integers to negative integer powers are not allowed.");
        }
        return unary(ElementwiseOp.POW_SCALAR, a, new double[] {exponent}, outType);
    }

    /** {@code tensor ** tensor}. */
    public static Tensor pow(Tensor a, Tensor b) {
        if (b.wrappedNumber) {
            return powScalar(a, b.item());
        }
        return binary(ElementwiseOp.POW, a, b);
    }

    /** {@code torch.clamp(x, min, max)}; either bound may be null. */
    public static Tensor clamp(Tensor a, Double min, Double max) {
        if (min == null && max == null) {
            throw TorchException.runtime("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        double lo = min == null ? Double.NEGATIVE_INFINITY : min, hi = max == null ? Double.POSITIVE_INFINITY : max;
        boolean integral = (min == null || min == Math.rint(min)) && (max == null || max == Math.rint(max));
        DType outType = a.dtype().isFloatingPoint() || integral ? a.dtype() : DType.FLOAT32;
        return unary(ElementwiseOp.CLAMP, a, new double[] {lo, hi}, outType);
    }

    /** {@code .to(dtype)}, {@code .float()}, {@code .double()}, {@code .long()}, {@code .bool()}. */
    public static Tensor toDType(Tensor a, DType target) {
        if (a.dtype() == target) {
            return a;
        }
        double[] v = a.values();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = target.round(v[i]);
        }
        Tensor result = Tensor.wrap(out, a.shape, target);
        if (Autograd.needed(a) && target.isFloatingPoint()) {
            Autograd.record(result, "ToCopyBackward0", new Tensor[] {a}, Autograd.NOTHING, (node, g) -> new Tensor[] {g});
        }
        return result;
    }

    /** {@code a // b} on floats as ATen's div_floor: from fmod, so that {@code 7.5 // 2.5} is exactly 3. */
    static double floorDivideValue(double a, double b) {
        if (b == 0) {
            return a / b;
        }
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            div -= 1;
        }
        if (div == 0) {
            return Math.copySign(0, a / b);
        }
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1 : floor;
    }

    /** Python's {@code a % b} (the sign of the divisor), as {@code torch.remainder}. */
    static double remainderValue(double a, double b) {
        double mod = a % b;
        return mod != 0 && (b < 0) != (mod < 0) ? mod + b : mod;
    }

    private static void checkIntegerDivisor(Tensor b, DType outType) {
        if (!outType.isFloatingPoint()) {
            for (double v : b.values()) {
                if (v == 0) {
                    throw TorchException.runtime("ZeroDivisionError");
                }
            }
        }
    }

    /**
     * {@code a // b} ({@code torch.floor_divide}). PyTorch has no derivative for it: a result that
     * requires grad gets a {@code NotImplemented} node, whose backward fails with PyTorch's message.
     */
    public static Tensor floorDivide(Tensor a, Tensor b) {
        return floorDivide(a, b, "aten::floor_divide");
    }

    /** {@code a // b}; {@code op} names it in the error of its missing derivative. */
    static Tensor floorDivide(Tensor a, Tensor b, String op) {
        DType outType = resultType(a, b);
        checkIntegerDivisor(b, outType);
        Tensor result = map2(a, b, outType, outType.isFloatingPoint() ? Pointwise::floorDivideValue : (x, y) -> Math.floor(x / y));
        if (Autograd.needed(a, b)) {
            notImplemented(result, op, a, b);
        }
        return result;
    }

    /**
     * {@code a % b} ({@code torch.remainder}): with a Python number as divisor PyTorch records
     * {@code RemainderBackward0} (gradient to {@code a} only), with a tensor {@code RemainderBackward1}
     * ({@code -grad * (a // b)} to {@code b}); a number divided by a tensor has no derivative.
     */
    public static Tensor remainder(Tensor a, Tensor b) {
        DType outType = resultType(a, b);
        checkIntegerDivisor(b, outType);
        Tensor result = map2(a, b, outType, outType.isFloatingPoint() ? Pointwise::remainderValue
                : (x, y) -> x - Math.floor(x / y) * y);
        if (Autograd.needed(a, b)) {
            if (a.wrappedNumber) {
                notImplemented(result, "aten::remainder", a, b);
            } else if (b.wrappedNumber) {
                Autograd.record(result, "RemainderBackward0", new Tensor[] {a}, Autograd.NOTHING, (node, g) -> new Tensor[] {g});
            } else {
                Autograd.record(result, "RemainderBackward1", new Tensor[] {a, b}, new Tensor[] {a, b}, (node, g) -> new Tensor[] {g,
                    node.needsGrad(1) ? g.neg().mul(GradModeScope.withoutGrad(() -> floorDivide(node.saved(0), node.saved(1)))) : null});
            }
        }
        return result;
    }

    private static void notImplemented(Tensor result, String op, Tensor a, Tensor b) {
        Autograd.record(result, "NotImplemented", new Tensor[] {a, b}, Autograd.NOTHING, (node, g) -> {
            throw TorchException.runtime("derivative for " + op + " is not implemented");
        });
    }

    /** A comparison ({@code <}, {@code ==} ...): a bool tensor, never recorded. */
    public static Tensor compare(Tensor a, Tensor b, String op) {
        DoubleBinaryOperator f;
        switch (op) {
            case "<": f = (x, y) -> x < y ? 1 : 0; break;
            case "<=": f = (x, y) -> x <= y ? 1 : 0; break;
            case ">": f = (x, y) -> x > y ? 1 : 0; break;
            case ">=": f = (x, y) -> x >= y ? 1 : 0; break;
            case "==": f = (x, y) -> x == y ? 1 : 0; break;
            case "!=": f = (x, y) -> x != y ? 1 : 0; break;
            default: throw new IllegalArgumentException(op);
        }
        return map2(a, b, DType.BOOL, f);
    }

    /**
     * Python's {@code &}, {@code |} and {@code ^} ({@code op} is the operator) on bool or integer
     * tensors: bitwise, as PyTorch's bitwise_and/or/xor (never recorded).
     */
    public static Tensor logical(Tensor a, Tensor b, String op) {
        DoubleBinaryOperator f;
        String name;
        switch (op) {
            case "&": name = "and"; f = (x, y) -> (double) ((long) x & (long) y); break;
            case "|": name = "or"; f = (x, y) -> (double) ((long) x | (long) y); break;
            case "^": name = "xor"; f = (x, y) -> (double) ((long) x ^ (long) y); break;
            default: throw new IllegalArgumentException(op);
        }
        DType outType = resultType(a, b);
        if (outType.isFloatingPoint()) {
            throw TorchException.runtime("\"bitwise_" + name + "_cpu\" not implemented for '" + outType.scalarTypeName() + "'");
        }
        return map2(a, b, outType, f);
    }

    /** {@code torch.where(condition, a, b)}: each gradient flows to the side that was chosen. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        DType outType = resultType(a, b);
        int[] shape = Shape.broadcast(condition.shape, Shape.broadcast(a.shape, b.shape));
        double[] c = broadcastValues(condition, shape), av = broadcastValues(a, shape), bv = broadcastValues(b, shape);
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = outType.round(c[i] != 0 ? av[i] : bv[i]);
        }
        Tensor result = Tensor.wrap(out, shape, outType);
        if (Autograd.needed(a, b)) {
            Tensor mask = Tensor.wrap(c, shape, DType.FLOAT32);
            Tensor inverse = Tensor.wrap(Arrays.stream(c).map(x -> x != 0 ? 0 : 1).toArray(), shape, DType.FLOAT32);
            Autograd.record(result, "WhereBackward0", new Tensor[] {a, b}, Autograd.NOTHING,
                    (node, g) -> new Tensor[] {g.mul(mask), g.mul(inverse)});
        }
        return result;
    }
}
