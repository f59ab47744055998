package org.autogradstudio.engine;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise functions outside the {@link ElementwiseOp} table (which the derivation panel
 * renders symbolically): PyTorch's rounding functions and sign (zero gradient), frac, log1p,
 * expm1, atan, asin, acos, sinh, cosh, erf, leaky_relu and masked_fill. Each is its forward and
 * its local derivative; the graph shows PyTorch's grad_fn name and the chain rule treats them as
 * functions it knows by name only.
 */
public final class ElementwiseExtras {
    private ElementwiseExtras() {
    }

    /** The functions with one tensor argument, by PyTorch's name. */
    public enum Fn {
        /** Half to even, as torch.round (Math.rint). */
        ROUND("round", "RoundBackward0", Math::rint, x -> 0),
        FLOOR("floor", "FloorBackward0", Math::floor, x -> 0),
        CEIL("ceil", "CeilBackward0", Math::ceil, x -> 0),
        TRUNC("trunc", "TruncBackward0", x -> x < 0 ? Math.ceil(x) : Math.floor(x), x -> 0),
        SIGN("sign", "SignBackward0", Math::signum, x -> 0),
        FRAC("frac", "FracBackward0", x -> x - (x < 0 ? Math.ceil(x) : Math.floor(x)), x -> 1),
        LOG1P("log1p", "Log1PBackward0", Math::log1p, x -> 1 / (1 + x)),
        EXPM1("expm1", "Expm1Backward0", Math::expm1, Math::exp),
        ATAN("atan", "AtanBackward0", Math::atan, x -> 1 / (1 + x * x)),
        ASIN("asin", "AsinBackward0", Math::asin, x -> 1 / Math.sqrt(1 - x * x)),
        ACOS("acos", "AcosBackward0", Math::acos, x -> -1 / Math.sqrt(1 - x * x)),
        SINH("sinh", "SinhBackward0", Math::sinh, Math::cosh),
        COSH("cosh", "CoshBackward0", Math::cosh, Math::sinh),
        ERF("erf", "ErfBackward0", ElementwiseExtras::erf, x -> 2 / Math.sqrt(Math.PI) * Math.exp(-x * x));

        public final String pyName;
        final String gradFn;
        final DoubleUnaryOperator f;
        final DoubleUnaryOperator df;

        Fn(String pyName, String gradFn, DoubleUnaryOperator f, DoubleUnaryOperator df) {
            this.pyName = pyName;
            this.gradFn = gradFn;
            this.f = f;
            this.df = df;
        }
    }

    public static Tensor apply(Fn fn, Tensor x) {
        boolean integral = !x.dtype().isFloatingPoint();
        boolean keepsIntegers = fn == Fn.ROUND || fn == Fn.FLOOR || fn == Fn.CEIL || fn == Fn.TRUNC || fn == Fn.SIGN
                || fn == Fn.FRAC;
        // rounding an integer tensor keeps its dtype (and sign of a bool is itself); the rest promote to float32
        DType type = integral && keepsIntegers ? x.dtype() : integral ? DType.FLOAT32 : x.dtype();
        return map(x, type, fn.f, fn.gradFn, fn.df, Map.of());
    }

    /** {@code leaky_relu(x, negative_slope)}: x above 0, slope * x below. */
    public static Tensor leakyRelu(Tensor x, double slope) {
        return map(x, x.dtype(), v -> v > 0 ? v : v * slope, "LeakyReluBackward0", v -> v > 0 ? 1 : slope,
                Map.of("negative_slope", slope));
    }

    /** {@code gelu(x)}: x Φ(x) with the normal CDF from erf, or PyTorch's tanh approximation. */
    public static Tensor gelu(Tensor x, boolean tanh) {
        double k = Math.sqrt(2 / Math.PI);
        if (tanh) {
            return map(x, x.dtype(), v -> 0.5 * v * (1 + Math.tanh(k * (v + 0.044715 * v * v * v))), "GeluBackward0", v -> {
                double inner = k * (v + 0.044715 * v * v * v), th = Math.tanh(inner);
                return 0.5 * (1 + th) + 0.5 * v * (1 - th * th) * k * (1 + 3 * 0.044715 * v * v);
            }, Map.of("approximate", "tanh"));
        }
        return map(x, x.dtype(), v -> 0.5 * v * (1 + erf(v / Math.sqrt(2))), "GeluBackward0",
                v -> 0.5 * (1 + erf(v / Math.sqrt(2))) + v * Math.exp(-0.5 * v * v) / Math.sqrt(2 * Math.PI),
                Map.of("approximate", "none"));
    }

    /** {@code elu(x, alpha)}: x above 0, alpha (e^x - 1) below. */
    public static Tensor elu(Tensor x, double alpha) {
        return map(x, x.dtype(), v -> v > 0 ? v : alpha * Math.expm1(v), "EluBackward0", v -> v > 0 ? 1 : alpha * Math.exp(v),
                Map.of("alpha", alpha));
    }

    /** {@code softplus(x, beta, threshold)}: log(1 + e^(beta x)) / beta, and x itself where beta x passes the threshold. */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return map(x, x.dtype(), v -> v * beta > threshold ? v : Math.log1p(Math.exp(v * beta)) / beta, "SoftplusBackward0",
                v -> v * beta > threshold ? 1 : 1 / (1 + Math.exp(-v * beta)), Map.of("beta", beta, "threshold", threshold));
    }

    /** {@code silu(x)}: x σ(x). */
    public static Tensor silu(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return floatSilu(x);
        }
        return map(x, x.dtype(), v -> v / (1 + Math.exp(-v)), "SiluBackward0", v -> {
            double s = 1 / (1 + Math.exp(-v));
            return s * (1 + v * (1 - s));
        }, Map.of());
    }

    /**
     * float32 silu as ATen's kernel computes it: {@code x / (1 + exp(-x))} with SLEEF's exp for the
     * elements its vector loop takes, the C library's for the last n % 16; the backward
     * {@code g * s * (1 + x * (1 - s))} (s the same sigmoid), the last product and sum fused as compiled.
     */
    private static Tensor floatSilu(Tensor x) {
        double[] v = x.values();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            float xi = (float) v[i];
            out[i] = xi / (1f + Float32Math.kernelExp(-xi, i, v.length));
        }
        Tensor result = Tensor.wrap(out, x.shape.clone(), DType.FLOAT32);
        if (Autograd.needed(x)) {
            Autograd.record(result, "SiluBackward0", new Tensor[] {x}, new Tensor[] {x}, null, Map.of(), (node, g) -> {
                double[] in = node.saved(0).values(), gv = g.values();
                double[] grad = new double[in.length];
                for (int i = 0; i < in.length; i++) {
                    float xi = (float) in[i];
                    float sig = 1f / (1f + Float32Math.kernelExp(-xi, i, in.length));
                    grad[i] = (float) gv[i] * sig * Math.fma(xi, 1f - sig, 1f);
                }
                return new Tensor[] {Tensor.wrap(grad, x.shape, DType.FLOAT32)};
            });
        }
        return result;
    }

    /** {@code torch.clamp_min(x, m)} / {@code clamp_max}: their own nodes (clamp(min=...) records ClampBackward1). */
    public static Tensor clampMin(Tensor x, double min) {
        return map(x, x.dtype(), v -> Double.isNaN(v) ? v : Math.max(v, min), "ClampMinBackward0", v -> v >= min ? 1 : 0,
                Map.of("min", min));
    }

    public static Tensor clampMax(Tensor x, double max) {
        return map(x, x.dtype(), v -> Double.isNaN(v) ? v : Math.min(v, max), "ClampMaxBackward0", v -> v <= max ? 1 : 0,
                Map.of("max", max));
    }

    private static Tensor map(Tensor x, DType type, DoubleUnaryOperator f, String gradFn, DoubleUnaryOperator df,
            Map<String, Object> attributes) {
        double[] v = x.values();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = type.round(f.applyAsDouble(v[i]));
        }
        Tensor result = Tensor.wrap(out, x.shape.clone(), type);
        if (Autograd.needed(x)) {
            Autograd.record(result, gradFn, new Tensor[] {x}, new Tensor[] {x}, null, attributes, (node, g) -> {
                double[] in = node.saved(0).values(), gv = g.values();
                double[] grad = new double[in.length];
                for (int i = 0; i < in.length; i++) {
                    grad[i] = gv[i] * df.applyAsDouble(in[i]);
                }
                return new Tensor[] {Tensor.wrap(grad, x.shape, DType.FLOAT64)};
            });
        }
        return result;
    }

    /** {@code masked_fill(mask, value)}: value where the (broadcast) bool mask is True; no gradient flows there. */
    public static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        if (mask.dtype() != DType.BOOL) {
            throw TorchException.runtime("masked_fill_ only supports boolean masks, but got mask with dtype "
                    + mask.dtype().torchName().substring("torch.".length()));
        }
        double[] m = Pointwise.broadcastValues(mask, x.shape), v = x.values();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = m[i] != 0 ? x.dtype().round(value) : v[i];
        }
        Tensor result = Tensor.wrap(out, x.shape.clone(), x.dtype());
        if (Autograd.needed(x)) {
            // the filled positions and the value are not inputs of the node: the derivation panel reads them here
            int[] filled = java.util.stream.IntStream.range(0, m.length).filter(i -> m[i] != 0).toArray();
            Autograd.record(result, "MaskedFillBackward0", new Tensor[] {x}, Autograd.NOTHING, null,
                    Map.of("filled", filled, "value", value), (node, g) -> {
                double[] gv = g.values();
                double[] grad = new double[gv.length];
                for (int i = 0; i < gv.length; i++) {
                    grad[i] = m[i] != 0 ? 0 : gv[i];
                }
                return new Tensor[] {Tensor.wrap(grad, x.shape, DType.FLOAT64)};
            });
        }
        return result;
    }

    /**
     * The error function to double precision: its Taylor series near 0, the continued fraction of
     * erfc beyond (Java has no erf; the float32 results then round as PyTorch's do).
     */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        if (a < 2.5) {
            double term = a, sum = a, x2 = a * a;
            for (int n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
                term *= -x2 / n;
                sum += term / (2 * n + 1);
            }
            return Math.copySign(2 / Math.sqrt(Math.PI) * sum, x);
        }
        if (a > 6) {
            return Math.copySign(1, x);
        }
        // erfc(a) = exp(-a^2)/sqrt(pi) * 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + ...)))), evaluated from the bottom
        double fraction = a;
        for (int k = 60; k >= 1; k--) {
            fraction = a + (k / 2.0) / fraction;
        }
        double erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / fraction;
        return Math.copySign(1 - erfc, x);
    }
}
