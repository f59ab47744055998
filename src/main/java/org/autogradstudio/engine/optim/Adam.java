package org.autogradstudio.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;

/**
 * {@code torch.optim.Adam} (bias-corrected moments, optional L2 weight decay), following PyTorch
 * 1.13's steps; {@link AdamW} is the same with the decay decoupled from the gradient.
 */
public class Adam extends Optimizer {
    private final double beta1, beta2, eps, weightDecay;
    /** AdamW: the weights shrink by {@code lr * weight_decay} first, instead of the decay entering the gradient. */
    private final boolean decoupled;
    private final Map<Tensor, State> states = new IdentityHashMap<>();

    private static final class State {
        int step;
        double[] expAvg, expAvgSq;
    }

    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this(params, lr, beta1, beta2, eps, weightDecay, false);
    }

    Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(params, lr);
        if (beta1 < 0 || beta1 >= 1) {
            throw new TorchException("ValueError", "Invalid beta parameter at index 0: " + beta1);
        }
        if (beta2 < 0 || beta2 >= 1) {
            throw new TorchException("ValueError", "Invalid beta parameter at index 1: " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    final void update(Tensor p, TensorMath m, double[] w, double[] g) {
        State s = states.computeIfAbsent(p, k -> new State());
        if (s.expAvg == null) {
            s.expAvg = new double[w.length];
            s.expAvgSq = new double[w.length];
        }
        s.step++;
        double bias1 = 1 - Math.pow(beta1, s.step);
        double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, s.step));
        double stepSize = lr / bias1;
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            if (decoupled) {
                w[i] = m.mul(w[i], 1 - lr * weightDecay);
            } else if (weightDecay != 0) {
                gi = m.add(g[i], weightDecay, w[i]);
            }
            s.expAvg[i] = m.add(m.mul(s.expAvg[i], beta1), 1 - beta1, gi);
            s.expAvgSq[i] = m.addcmul(m.mul(s.expAvgSq[i], beta2), 1 - beta2, gi, gi);
            double denom = m.plus(m.div(m.sqrt(s.expAvgSq[i]), bias2Sqrt), eps);
            w[i] = m.addcdiv(w[i], -stepSize, s.expAvg[i], denom);
        }
    }
}
