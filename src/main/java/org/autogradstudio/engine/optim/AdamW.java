package org.autogradstudio.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;

/**
 * {@code torch.optim.AdamW}: Adam with decoupled weight decay (the weights shrink by
 * {@code lr * weight_decay} before the Adam step, instead of the decay entering the gradient),
 * following PyTorch 1.13's single-tensor steps in the parameter's dtype.
 */
public final class AdamW extends Optimizer {
    private final double beta1, beta2, eps, weightDecay;
    private final Map<Tensor, double[][]> moments = new IdentityHashMap<>();
    private final Map<Tensor, int[]> steps = new IdentityHashMap<>();

    public AdamW(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
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
    }

    @Override
    public void step() {
        for (Tensor p : params) {
            if (p.grad() == null) {
                continue;
            }
            TensorMath t = new TensorMath(p.dtype());
            double[] w = p.toArray(), g = p.grad().toArray();
            double[][] m = moments.computeIfAbsent(p, k -> new double[][] {new double[w.length], new double[w.length]});
            int step = ++steps.computeIfAbsent(p, k -> new int[1])[0];
            double bias1 = 1 - Math.pow(beta1, step);
            double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
            double stepSize = lr / bias1;
            for (int i = 0; i < w.length; i++) {
                w[i] = t.mul(w[i], 1 - lr * weightDecay);
                m[0][i] = t.add(t.mul(m[0][i], beta1), 1 - beta1, g[i]);
                m[1][i] = t.addcmul(t.mul(m[1][i], beta2), 1 - beta2, g[i], g[i]);
                double denom = t.plus(t.div(t.sqrt(m[1][i]), bias2Sqrt), eps);
                w[i] = t.addcdiv(w[i], -stepSize, m[0][i], denom);
            }
            ParamUpdate.write(p, w);
        }
    }
}
