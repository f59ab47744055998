package org.autogradstudio.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;

/**
 * {@code torch.optim.Adagrad}: the step of each weight shrinks with the root of the sum of its
 * squared gradients so far, with PyTorch 1.13's learning-rate decay and L2 weight decay.
 */
public final class Adagrad extends Optimizer {
    private final double lrDecay, weightDecay, initialAccumulator, eps;
    private final Map<Tensor, double[]> sums = new IdentityHashMap<>();
    private final Map<Tensor, int[]> steps = new IdentityHashMap<>();

    public Adagrad(List<Tensor> params, double lr, double lrDecay, double weightDecay, double initialAccumulator, double eps) {
        super(params, lr);
        if (lrDecay < 0) {
            throw new TorchException("ValueError", "Invalid lr_decay value: " + lrDecay);
        }
        if (initialAccumulator < 0) {
            throw new TorchException("ValueError", "Invalid initial_accumulator_value value: " + initialAccumulator);
        }
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.initialAccumulator = initialAccumulator;
        this.eps = eps;
    }

    @Override
    void update(Tensor p, TensorMath t, double[] w, double[] g) {
        double[] sum = sums.computeIfAbsent(p, k -> {
            double[] s = new double[w.length];
            java.util.Arrays.fill(s, t.scalar(initialAccumulator));
            return s;
        });
        int step = ++steps.computeIfAbsent(p, k -> new int[1])[0];
        double clr = lr / (1 + (step - 1) * lrDecay);
        for (int i = 0; i < w.length; i++) {
            double gi = weightDecay != 0 ? t.add(g[i], weightDecay, w[i]) : g[i];
            sum[i] = t.addcmul(sum[i], 1, gi, gi);
            double std = t.plus(t.sqrt(sum[i]), eps);
            w[i] = t.addcdiv(w[i], -clr, gi, std);
        }
    }
}
