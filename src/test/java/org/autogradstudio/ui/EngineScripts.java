package org.autogradstudio.ui;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.GraphValues;
import org.autogradstudio.engine.Pointwise;
import org.autogradstudio.engine.Tensor;

/** Graphs built with the engine's Java API (what the seed scripts compute), for view tests. */
public final class EngineScripts {
    private EngineScripts() {
    }

    /** Records as a session does for the studio: the nodes keep their inputs and outputs, to be drawn. */
    private static Map<String, Tensor> kept(java.util.function.Supplier<Map<String, Tensor>> graph) {
        boolean previous = GraphValues.setKept(true);
        try {
            return graph.get();
        } finally {
            GraphValues.setKept(previous);
        }
    }

    /** The logistic neuron of seed 06, forward only: x, y, w, b, z, y_pred, loss (by name). */
    public static Map<String, Tensor> logistic() {
        return kept(EngineScripts::logisticGraph);
    }

    private static Map<String, Tensor> logisticGraph() {
        Map<String, Tensor> v = new LinkedHashMap<>();
        Tensor x = Tensor.scalar(6.7, DType.FLOAT32);
        Tensor y = Tensor.scalar(0.0, DType.FLOAT32);
        Tensor w = Tensor.scalar(1.0, DType.FLOAT32).requiresGrad_(true);
        Tensor b = Tensor.scalar(0.0, DType.FLOAT32).requiresGrad_(true);
        Tensor z = w.mul(x).add(b);
        Tensor yPred = z.sigmoid();
        Tensor p = yPred.clamp(1e-8, 1 - 1e-8);
        Tensor one = Tensor.wrappedNumber(1, false);
        Tensor loss = y.mul(p.log()).add(Pointwise.rsub(y, one).mul(Pointwise.rsub(p, one).log())).neg();
        v.put("x", x);
        v.put("y", y);
        v.put("w", w);
        v.put("b", b);
        v.put("z", z);
        v.put("y_pred", yPred);
        v.put("loss", loss);
        return v;
    }

    /** A variable used twice: {@code y = x * x + x} so gradients meet at x (2x + 1). */
    public static Map<String, Tensor> reuse() {
        return kept(EngineScripts::reuseGraph);
    }

    private static Map<String, Tensor> reuseGraph() {
        Map<String, Tensor> v = new LinkedHashMap<>();
        Tensor x = Tensor.scalar(3.0, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x.mul(x).add(x);
        v.put("x", x);
        v.put("y", y);
        return v;
    }

    /** A matrix example: {@code loss = (W @ x).sigmoid().sum()} with W 2×3. */
    public static Map<String, Tensor> matrix() {
        return kept(EngineScripts::matrixGraph);
    }

    private static Map<String, Tensor> matrixGraph() {
        Map<String, Tensor> v = new LinkedHashMap<>();
        Tensor wm = Tensor.of(new double[] {0.1, -0.2, 0.3, 0.4, 0.5, -0.6}, new int[] {2, 3}, DType.FLOAT32).requiresGrad_(true);
        Tensor x = Tensor.of(new double[] {1, 2, 3}, new int[] {3, 1}, DType.FLOAT32);
        Tensor h = wm.matmul(x).sigmoid();
        Tensor loss = h.sum();
        v.put("W", wm);
        v.put("x", x);
        v.put("h", h);
        v.put("loss", loss);
        return v;
    }

    /** Name map by identity, as LessonSession.tensorNames() gives it. */
    public static Map<Tensor, String> names(Map<String, Tensor> vars) {
        Map<Tensor, String> m = new IdentityHashMap<>();
        vars.forEach((k, t) -> m.put(t, k));
        return m;
    }
}
