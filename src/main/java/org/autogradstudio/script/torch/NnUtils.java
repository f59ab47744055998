package org.autogradstudio.script.torch;

import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.Reductions;
import org.autogradstudio.engine.ShapeOps;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyModule;

/**
 * {@code torch.nn.utils}: gradient clipping as PyTorch 1.13 computes it, in float32 like its
 * tensors: the norm of the per-parameter gradient norms, then every gradient multiplied in place
 * by {@code min(1, max_norm / (norm + 1e-6))} (also when that is 1).
 */
final class NnUtils {
    private NnUtils() {
    }

    static PyModule create() {
        PyModule m = TorchModules.module("torch.nn.utils", "nn/utils/__init__.py");
        m.put("clip_grad_norm_", PyBuiltin.of("clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False)",
                a -> clipGradNorm(grads(a[0]), Args.number(a[1]), Args.number(a[2]), Py.isTrue(a[3]))));
        m.put("clip_grad_value_", PyBuiltin.of("clip_grad_value_(parameters, clip_value)", a -> {
            double c = Args.number(a[1]);
            noGrad(() -> grads(a[0]).forEach(g -> g.copyFrom(g.clamp(-c, c).toArray())));
            return Py.NONE;
        }));
        m.put("parameters_to_vector", PyBuiltin.of("parameters_to_vector(parameters)", a -> {
            List<Tensor> flat = new ArrayList<>();
            Ops.iter(a[0]).forEachRemaining(p -> flat.add(Args.strictTensor(p, "parameters_to_vector", "parameters", 1).reshape(-1)));
            return new TensorObject(ShapeOps.cat(flat.toArray(new Tensor[0]), 0));
        }));
        return m;
    }

    /** The gradients of the parameters (a tensor or an iterable of them) that have one. */
    private static List<Tensor> grads(Object parameters) {
        List<Tensor> out = new ArrayList<>();
        if (parameters instanceof TensorObject t) {
            if (t.tensor().grad() != null) {
                out.add(t.tensor().grad());
            }
            return out;
        }
        Ops.iter(parameters).forEachRemaining(p -> {
            Tensor g = Args.strictTensor(p, "clip_grad_norm_", "parameters", 1).grad();
            if (g != null) {
                out.add(g);
            }
        });
        return out;
    }

    private static Object clipGradNorm(List<Tensor> grads, double maxNorm, double normType, boolean errorIfNonfinite) {
        if (grads.isEmpty()) {
            return new TensorObject(Tensor.scalar(0, org.autogradstudio.engine.DType.FLOAT32));
        }
        Tensor[] total = new Tensor[1];
        noGrad(() -> {
            Tensor[] norms = new Tensor[grads.size()];
            for (int i = 0; i < norms.length; i++) {
                Tensor g = grads.get(i).detach();
                norms[i] = Double.isInfinite(normType) ? Reductions.extreme(g.abs(), true) : Reductions.norm(g, normType);
            }
            Tensor stacked = ShapeOps.stack(norms, 0);
            total[0] = Double.isInfinite(normType) ? Reductions.extreme(stacked, true) : Reductions.norm(stacked, normType);
            if (errorIfNonfinite && !Double.isFinite(total[0].item())) {
                throw Py.runtimeError("The total norm of order " + Py.repr(normType) + " for gradients from `parameters` is"
                        + " non-finite, so it cannot be clipped. To disable this error and scale the gradients by the"
                        + " non-finite norm anyway, set `error_if_nonfinite=False`");
            }
            // max_norm / (total + 1e-6), clamped at 1, as float32 tensor arithmetic
            Tensor coef = total[0].add(Tensor.wrappedNumber(1e-6, true)).reciprocal().mul(Tensor.wrappedNumber(maxNorm, true));
            Tensor clamped = coef.clamp(null, 1.0);
            for (Tensor g : grads) {
                g.inplace(org.autogradstudio.engine.ElementwiseOp.MUL, clamped);
            }
        });
        return new TensorObject(total[0]);
    }

    private static void noGrad(Runnable body) {
        boolean previous = GradMode.set(false);
        try {
            body.run();
        } finally {
            GradMode.set(previous);
        }
    }
}
