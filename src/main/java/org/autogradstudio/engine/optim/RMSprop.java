package org.autogradstudio.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;

/**
 * {@code torch.optim.RMSprop}: each step divides the gradient by the root of a running average of
 * its squares (optionally centred by the running mean, with momentum and L2 weight decay), as
 * PyTorch 1.13's single-tensor steps do, in the parameter's dtype.
 */
public final class RMSprop extends Optimizer {
    private final double alpha, eps, weightDecay, momentum;
    private final boolean centered;
    /** Per parameter: square average, gradient average (centred), momentum buffer. */
    private final Map<Tensor, double[][]> state = new IdentityHashMap<>();

    public RMSprop(List<Tensor> params, double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        super(params, lr);
        if (eps < 0) {
            throw new TorchException("ValueError", "Invalid epsilon value: " + eps);
        }
        if (momentum < 0) {
            throw new TorchException("ValueError", "Invalid momentum value: " + momentum);
        }
        if (alpha < 0) {
            throw new TorchException("ValueError", "Invalid alpha value: " + alpha);
        }
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
    }

    @Override
    void update(Tensor p, TensorMath t, double[] w, double[] g) {
        double[][] s = state.computeIfAbsent(p, k -> new double[][] {new double[w.length], new double[w.length], new double[w.length]});
        for (int i = 0; i < w.length; i++) {
            double gi = weightDecay != 0 ? t.add(g[i], weightDecay, w[i]) : g[i];
            s[0][i] = t.addcmul(t.mul(s[0][i], alpha), 1 - alpha, gi, gi);
            double avg;
            if (centered) {
                s[1][i] = t.add(t.mul(s[1][i], alpha), 1 - alpha, gi);
                avg = t.plus(t.sqrt(t.addcmul(s[0][i], -1, s[1][i], s[1][i])), eps);
            } else {
                avg = t.plus(t.sqrt(s[0][i]), eps);
            }
            if (momentum > 0) {
                s[2][i] = t.addcdiv(t.mul(s[2][i], momentum), 1, gi, avg);
                w[i] = t.add(w[i], -lr, s[2][i]);
            } else {
                w[i] = t.addcdiv(w[i], -lr, gi, avg);
            }
        }
    }
}
