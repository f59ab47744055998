package org.autogradstudio.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/** Loss functions of {@code torch.nn.functional} with PyTorch's formulas, reductions and names. */
public final class Losses {
    private Losses() {
    }

    /**
     * A float32 gradient of element {@code i} of {@code n} given the incoming gradient {@code g},
     * a mean's division by n included, in its kernel's order of float steps; a kernel may treat its
     * last elements apart.
     */
    @FunctionalInterface
    private interface ElementGradient {
        double at(double x, double y, float g, int i, int n, boolean mean);
    }

    /**
     * Elementwise loss {@code f(input, target)}, reduced, with its derivatives w.r.t. the input
     * ({@code df}) and the target ({@code dfTarget}): a target that requires grad gets one too.
     */
    private static Tensor loss(String name, Tensor input, Tensor target, String reduction,
                               DoubleBinaryOperator f, DoubleBinaryOperator df, DoubleBinaryOperator dfTarget) {
        return loss(name, input, target, reduction, f, df, dfTarget, null, null);
    }

    /**
     * {@link #loss} with float32 forms of {@code f} and {@code df} (null: none) that round every
     * step to float in PyTorch's order, used when the loss is computed in float32; {@code df32}
     * then gives the input's whole gradient, the incoming one and a mean's division included.
     */
    private static Tensor loss(String name, Tensor input, Tensor target, String reduction,
                               DoubleBinaryOperator f, DoubleBinaryOperator df, DoubleBinaryOperator dfTarget,
                               DoubleBinaryOperator f32, ElementGradient df32) {
        if (!Arrays.equals(input.shape, target.shape)) {
            if (name.startsWith("BinaryCrossEntropyWithLogits")) {
                throw new TorchException("ValueError", "Target size (" + Shape.torchSize(target.shape)
                        + ") must be the same as input size (" + Shape.torchSize(input.shape) + ")");
            }
            if (name.startsWith("BinaryCrossEntropy")) {
                throw new TorchException("ValueError", "Using a target size (" + Shape.torchSize(target.shape)
                        + ") that is different to the input size (" + Shape.torchSize(input.shape) + ") is deprecated. Please ensure they have the same size.");
            }
        }
        int[] shape = Shape.broadcast(input.shape, target.shape);
        double[] x = Pointwise.broadcastValues(input, shape), y = Pointwise.broadcastValues(target, shape);
        DType type = DType.promote(input.dtype(), target.dtype());
        double[] per = new double[x.length];
        boolean single = type == DType.FLOAT32 && f32 != null;
        for (int i = 0; i < x.length; i++) {
            per[i] = single ? f32.applyAsDouble(x[i], y[i]) : type.round(f.applyAsDouble(x[i], y[i]));
        }
        Tensor result;
        int n = x.length;
        switch (reduction) {
            case "none": result = Tensor.wrap(per, shape, type); break;
            case "sum": result = Tensor.scalar(CascadeSum.sum(per, 0, 1, n, type), type); break;
            case "mean": result = Tensor.scalar(CascadeSum.sum(per, 0, 1, n, type) / n, type); break;
            default: throw new TorchException("ValueError", reduction + " is not a valid value for reduction");
        }
        if (Autograd.needed(input, target)) {
            Autograd.record(result, name, new Tensor[] {input, target}, new Tensor[] {input, target}, null,
                    Map.of("reduction", reduction), (node, g) -> {
                        double[] xs = Pointwise.broadcastValues(node.saved(0), shape), ys = Pointwise.broadcastValues(node.saved(1), shape);
                        double[] gv = g.values();
                        double[] out = new double[xs.length];
                        double[] outTarget = target.requiresGrad ? new double[xs.length] : null;
                        double scale = reduction.equals("mean") ? 1.0 / n : 1.0;
                        boolean mean = reduction.equals("mean"), each = reduction.equals("none");
                        for (int i = 0; i < xs.length; i++) {
                            double gi = each ? gv[i] : gv[0];
                            if (single && df32 != null) {
                                out[i] = (float) df32.at(xs[i], ys[i], (float) gi, i, xs.length, mean);
                            } else {
                                out[i] = gi * df.applyAsDouble(xs[i], ys[i]) * scale;
                            }
                            if (outTarget != null) {
                                outTarget[i] = gi * dfTarget.applyAsDouble(xs[i], ys[i]) * scale;
                            }
                        }
                        Tensor gradInput = Tensor.wrap(out, shape, single && df32 != null ? DType.FLOAT32 : DType.FLOAT64);
                        return new Tensor[] {gradInput, outTarget == null ? null : Tensor.wrap(outTarget, shape, DType.FLOAT64)};
                    });
        }
        return result;
    }

    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
        // ATen's kernel squares the difference it has already rounded to the dtype
        DType type = DType.promote(input.dtype(), target.dtype());
        return loss("MseLossBackward0", input, target, reduction, (x, y) -> {
            double d = type.round(x - y);
            return d * d;
        }, (x, y) -> 2 * (x - y), (x, y) -> -2 * (x - y), Losses::mseFloat, Losses::mseGradFloat);
    }

    /**
     * PyTorch 1.13 composes l1_loss from primitives, so its graph shows them: |input - target|
     * (AbsBackward0 over SubBackward0), then the reduction (MeanBackward0 or SumBackward0).
     */
    public static Tensor l1Loss(Tensor input, Tensor target, String reduction) {
        Tensor per = input.sub(target).abs();
        switch (reduction) {
            case "none": return per;
            case "sum": return per.sum();
            case "mean": return per.mean();
            default: throw new TorchException("ValueError", reduction + " is not a valid value for reduction");
        }
    }

    /** {@code binary_cross_entropy}: inputs are probabilities; logs are clamped at -100 as in PyTorch. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, String reduction) {
        double[] x = input.values();
        for (double v : x) {
            if (!(v >= 0 && v <= 1)) {
                throw TorchException.runtime("all elements of input should be between 0 and 1");
            }
        }
        return loss("BinaryCrossEntropyBackward0", input, target, reduction,
                (p, y) -> -(y * Math.max(Math.log(p), -100) + (1 - y) * Math.max(Math.log(1 - p), -100)),
                (p, y) -> (p - y) / Math.max((1 - p) * p, 1e-12),
                (p, y) -> Math.max(Math.log(1 - p), -100) - Math.max(Math.log(p), -100), Losses::bceFloat, Losses::bceGradFloat);
    }

    /** {@code binary_cross_entropy_with_logits}: the numerically stable form PyTorch uses. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, String reduction) {
        return loss("BinaryCrossEntropyWithLogitsBackward0", input, target, reduction, (x, y) -> {
            double maxVal = Math.max(-x, 0);
            return (1 - y) * x + maxVal + Math.log(Math.exp(-maxVal) + Math.exp(-x - maxVal));
        }, (x, y) -> 1 / (1 + Math.exp(-x)) - y, (x, y) -> -x, Losses::bceWithLogitsFloat, Losses::bceWithLogitsGradFloat);
    }

    /**
     * PyTorch's float kernel: {@code max = (-x).clamp_min(0)}, then
     * {@code (1 - y) * x + max + log(exp(-max) + exp(-x - max))}, every step rounded to float.
     */
    private static double bceWithLogitsFloat(double x, double y) {
        float xf = (float) x, yf = (float) y;
        float max = Math.max(-xf, 0f);
        // exp_ and log_ of float tensors: SLEEF's, as every float exp and log (Float32Math)
        float sum = Float32Math.exp(-max) + Float32Math.exp(-xf - max);
        return ((1 - yf) * xf + max) + Float32Math.log(sum);
    }

    /** {@code sigmoid(x) - y} in float, element i of n of the sigmoid kernel (see Float32Math#sigmoid(float, int, int)). */
    private static double bceWithLogitsGradFloat(double x, double y, float g, int i, int n, boolean mean) {
        float d = (Float32Math.sigmoid((float) x, i, n) - (float) y) * g;
        return mean ? d / (float) n : d;
    }

    /**
     * PyTorch's float kernel for binary_cross_entropy:
     * {@code (y - 1) * max(log(1 - p), -100) - y * max(log(p), -100)}, every step in float, with
     * the C library's logf.
     */
    private static double bceFloat(double p, double y) {
        float pf = (float) p, yf = (float) y;
        float log1m = Math.max(Float32Math.libcLog(1 - pf), -100f), log = Math.max(Float32Math.libcLog(pf), -100f);
        return (yf - 1) * log1m - yf * log;
    }

    /** Its backward kernel: {@code g * (p - y) / max((1 - p) * p, 1e-12)} in float. */
    private static double bceGradFloat(double p, double y, float g, int i, int n, boolean mean) {
        float pf = (float) p, yf = (float) y;
        float d = g * (pf - yf) / Math.max((1 - pf) * pf, 1e-12f);
        return mean ? d / (float) n : d;
    }

    /** mse_loss's float forward {@code (x - y)^2}, the difference rounded first. */
    private static double mseFloat(double x, double y) {
        float d = (float) x - (float) y;
        return d * d;
    }

    /** Its backward as ATen composes it: {@code (x - y) * (2 / n or 2) * g}, each step in float. */
    private static double mseGradFloat(double x, double y, float g, int i, int n, boolean mean) {
        return ((float) x - (float) y) * (mean ? (float) (2.0 / n) : 2f) * g;
    }
}
