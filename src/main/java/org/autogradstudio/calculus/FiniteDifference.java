package org.autogradstudio.calculus;

import java.util.LinkedHashMap;
import java.util.Map;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;

/**
 * A central-difference estimate of d root / d leaf[element]: the recorded forward pass is replayed
 * in double with that one element moved by +h and by -h, and {@code (f(x+h) - f(x-h)) / 2h}
 * is set beside the engine's {@code .grad} with their absolute and relative difference. For a
 * root with several elements the estimate is of {@code sum(root * gradient)}, the quantity
 * {@code backward(gradient)} differentiates (gradient defaults to ones).
 */
public final class FiniteDifference {
    public static final double DEFAULT_H = 1e-5;

    /**
     * One check. {@code agrees} is null when the leaf has no {@code .grad} to compare with; the
     * tolerance is {@code atol + rtol |grad|}, loose enough for float32 gradients, tight for float64.
     */
    public record Result(int[] element, double h, double estimate, double plus, double minus, Double autograd,
                         double absoluteDifference, double relativeDifference, double tolerance, Boolean agrees) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("element", Json.ints(element));
            m.put("h", h);
            m.put("estimate", Json.number(estimate));
            m.put("f_plus", Json.number(plus));
            m.put("f_minus", Json.number(minus));
            m.put("autograd", Json.number(autograd));
            m.put("abs_diff", autograd == null ? null : Json.number(absoluteDifference));
            m.put("rel_diff", autograd == null ? null : Json.number(relativeDifference));
            m.put("tolerance", tolerance);
            m.put("agrees", agrees);
            return m;
        }
    }

    private FiniteDifference() {
    }

    /** With the default step h = 1e-5. */
    public static Result check(Tensor leaf, Tensor root, int... index) {
        return check(leaf, root, DEFAULT_H, null, index);
    }

    public static Result check(Tensor leaf, Tensor root, double h, int... index) {
        return check(leaf, root, h, null, index);
    }

    /** With {@code gradient} the seed of a non-scalar root (null: ones). */
    public static Result check(Tensor leaf, Tensor root, double h, Tensor gradient, int... index) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("h must be positive, got " + h);
        }
        int flat = ChainRule.flatIndex(index, leaf.shape());
        double[] f = evaluate(leaf, root, flat, h, gradient);
        double estimate = (f[0] - f[1]) / (2 * h);
        Double autograd = leaf.grad() == null ? null : leaf.grad().toArray()[flat];
        boolean single = leaf.dtype() == DType.FLOAT64 && root.dtype() == DType.FLOAT64;
        double atol = single ? 1e-6 : 1e-4, rtol = single ? 1e-5 : 1e-3;
        double abs = autograd == null ? Double.NaN : Math.abs(estimate - autograd);
        double tol = autograd == null ? atol : atol + rtol * Math.abs(autograd);
        return new Result(Values.unravel(flat, leaf.shape()), h, estimate, f[0], f[1], autograd, abs,
                autograd == null ? Double.NaN : relative(estimate, autograd), tol, autograd == null ? null : abs <= tol);
    }

    /** Just the estimate. */
    public static double estimate(Tensor leaf, Tensor root, double h, int... index) {
        int flat = ChainRule.flatIndex(index, leaf.shape());
        double[] f = evaluate(leaf, root, flat, h, null);
        return (f[0] - f[1]) / (2 * h);
    }

    /** The root (weighted by the seed) recomputed in double with leaf[flat] moved by +h and -h. */
    private static double[] evaluate(Tensor leaf, Tensor root, int flat, double h, Tensor gradient) {
        if (root.gradFn() == null) {
            throw new IllegalArgumentException("the root does not have a grad_fn: autograd recorded nothing for it");
        }
        RecordedGraph graph = new RecordedGraph(root);
        Node source = leaf.isLeaf() ? leaf.gradAccumulator() : leaf.gradFn();
        if (source == null || !graph.contains(source)) {
            return new double[] {0, 0};
        }
        Replay replay = new Replay(graph);
        Values base = Values.of(leaf);
        Values seed = gradient == null ? Values.full(root.shape(), 1) : Values.of(gradient);
        double[] plus = base.data().clone(), minus = base.data().clone();
        plus[flat] += h;
        minus[flat] -= h;
        double fp = replay.run(source, new Values(base.shape(), plus)).times(seed).sum();
        double fm = replay.run(source, new Values(base.shape(), minus)).times(seed).sum();
        return new double[] {fp, fm};
    }

    /** |a - b| / max(|a|, |b|), 0 when both are 0. */
    public static double relative(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }
}
