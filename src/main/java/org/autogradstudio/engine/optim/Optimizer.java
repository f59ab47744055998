package org.autogradstudio.engine.optim;

import java.util.List;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;

/** {@code torch.optim.Optimizer}: parameters, {@code zero_grad()} and {@code step()}. */
public abstract class Optimizer {
    protected final List<Tensor> params;
    protected double lr;

    protected Optimizer(List<Tensor> params, double lr) {
        if (params.isEmpty()) {
            throw new TorchException("ValueError", "optimizer got an empty parameter list");
        }
        if (lr < 0) {
            throw new TorchException("ValueError", "Invalid learning rate: " + lr);
        }
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    public List<Tensor> params() {
        return params;
    }

    public double lr() {
        return lr;
    }

    public void setLr(double lr) {
        this.lr = lr;
    }

    /** PyTorch 1.13's default: gradients are zeroed in place (set_to_none=False). */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : params) {
            if (p.grad() != null) {
                if (setToNone) {
                    p.setGrad(null);
                } else {
                    ParamUpdate.zero(p.grad());
                }
            }
        }
    }

    /** One update of every parameter that has a gradient (those without one are left as they are). */
    public final void step() {
        for (Tensor p : params) {
            if (p.grad() == null) {
                continue;
            }
            double[] w = p.toArray();
            update(p, new TensorMath(p.dtype()), w, p.grad().toArray());
            ParamUpdate.write(p, w);
        }
    }

    /**
     * The optimizer's rule for one parameter: {@code w} (its values, updated in place) from
     * {@code g} (a copy of its gradient, free to overwrite), in the parameter's dtype arithmetic.
     */
    abstract void update(Tensor p, TensorMath m, double[] w, double[] g);
}
