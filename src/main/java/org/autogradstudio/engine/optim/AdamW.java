package org.autogradstudio.engine.optim;

import java.util.List;
import org.autogradstudio.engine.Tensor;

/**
 * {@code torch.optim.AdamW}: Adam with decoupled weight decay (the weights shrink by
 * {@code lr * weight_decay} before the Adam step, instead of the decay entering the gradient),
 * following PyTorch 1.13's single-tensor steps in the parameter's dtype.
 */
public final class AdamW extends Adam {
    public AdamW(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params, lr, beta1, beta2, eps, weightDecay, true);
    }
}
