package org.autogradstudio.engine.optim;

import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.Tensor;

/** In-place parameter arithmetic for optimizers, done with recording off as {@code torch.no_grad()} does. */
final class ParamUpdate {
    private ParamUpdate() {
    }

    static void zero(Tensor t) {
        // as PyTorch's zero_grad: a grad with a history (create_graph=True) leaves its graph first
        t.detach_();
        boolean previous = GradMode.set(false);
        try {
            t.zero_();
        } finally {
            GradMode.set(previous);
        }
    }

    /** Replaces the elements of {@code t} with {@code values} (rounded to its dtype). */
    static void write(Tensor t, double[] values) {
        boolean previous = GradMode.set(false);
        try {
            t.copyFrom(values);
        } finally {
            GradMode.set(previous);
        }
    }
}
