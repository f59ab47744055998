package org.autogradstudio.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Tensor;

/** {@code torch.optim.SGD} with momentum, dampening, weight decay and Nesterov, as PyTorch 1.13 computes it. */
public final class SGD extends Optimizer {
    private final double momentum, dampening, weightDecay;
    private final boolean nesterov;
    private final Map<Tensor, double[]> buffers = new IdentityHashMap<>();

    public SGD(List<Tensor> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        super(params, lr);
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    void update(Tensor p, TensorMath m, double[] w, double[] g) {
        for (int i = 0; i < g.length; i++) {
            g[i] = weightDecay != 0 ? m.add(g[i], weightDecay, w[i]) : g[i];
        }
        if (momentum != 0) {
            double[] buf = buffers.get(p);
            if (buf == null) {
                buf = g.clone();
                buffers.put(p, buf);
            } else {
                for (int i = 0; i < buf.length; i++) {
                    buf[i] = m.add(m.mul(buf[i], momentum), 1 - dampening, g[i]);
                }
            }
            for (int i = 0; i < g.length; i++) {
                g[i] = nesterov ? m.add(g[i], momentum, buf[i]) : buf[i];
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = m.add(w[i], -lr, g[i]);
        }
    }
}
