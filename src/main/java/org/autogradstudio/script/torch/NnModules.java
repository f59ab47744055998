package org.autogradstudio.script.torch;

import java.util.Map;
import org.autogradstudio.engine.Losses;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;
import org.autogradstudio.script.runtime.HostType;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyType;
import org.autogradstudio.script.runtime.Signature;

/** {@code torch.nn.functional} (losses and activations) and the loss modules of {@code torch.nn}. */
final class NnModules {
    private NnModules() {
    }

    /** A loss function of (input, target, reduction). */
    interface LossFn {
        Tensor apply(Tensor input, Tensor target, String reduction);
    }

    /** The engine's losses (constants rather than method references: no class spun for each). */
    enum Loss implements LossFn {
        MSE, L1, BCE, BCE_WITH_LOGITS;

        @Override
        public Tensor apply(Tensor input, Tensor target, String reduction) {
            switch (this) {
                case MSE: return Losses.mseLoss(input, target, reduction);
                case L1: return Losses.l1Loss(input, target, reduction);
                case BCE: return Losses.binaryCrossEntropy(input, target, reduction);
                default: return Losses.binaryCrossEntropyWithLogits(input, target, reduction);
            }
        }
    }

    /** relu, sigmoid and tanh of torch.nn.functional; arguments come bound. */
    private static Object activation(String name, Object[] a, Map<String, Object> unused) {
        Tensor x = Args.strictTensor(a[0], name, "input", 1);
        switch (name) {
            case "relu": return new TensorObject(x.relu());
            case "sigmoid": return new TensorObject(x.sigmoid());
            default: return new TensorObject(x.tanh());
        }
    }

    private static final PyBuiltin.Bodies ACTIVATION = name -> (a, k) -> activation(name, a, k);

    static PyModule functional() {
        PyModule f = new PyModule("torch.nn.functional");
        f.put("mse_loss", lossFunction("mse_loss", Loss.MSE));
        f.put("l1_loss", lossFunction("l1_loss", Loss.L1));
        f.put("binary_cross_entropy", lossFunction("binary_cross_entropy", Loss.BCE));
        f.put("binary_cross_entropy_with_logits", lossFunction("binary_cross_entropy_with_logits",
                Loss.BCE_WITH_LOGITS));
        f.put("relu", PyBuiltin.bound("relu(input)", ACTIVATION));
        f.put("sigmoid", PyBuiltin.bound("sigmoid(input)", ACTIVATION));
        f.put("tanh", PyBuiltin.bound("tanh(input)", ACTIVATION));
        f.put("linear", PyBuiltin.of("linear(input, weight, bias=None)", a -> NnLayers.linear(a[0], a[1], a[2])));
        return f;
    }

    static PyModule nn(PyModule functional) {
        PyModule nn = new PyModule("torch.nn");
        nn.put("functional", functional);
        nn.put("MSELoss", lossType("MSELoss", Loss.MSE));
        nn.put("L1Loss", lossType("L1Loss", Loss.L1));
        nn.put("BCELoss", lossType("BCELoss", Loss.BCE));
        nn.put("BCEWithLogitsLoss", lossType("BCEWithLogitsLoss", Loss.BCE_WITH_LOGITS));
        NnLayers.install(nn);
        return nn;
    }

    private static PyBuiltin lossFunction(String name, LossFn fn) {
        return PyBuiltin.of(name + "(input, target, weight=None, size_average=None, reduce=None, reduction='mean')",
                a -> apply(name, fn, a[0], a[1], a[5]));
    }

    private static Object apply(String name, LossFn fn, Object input, Object target, Object reduction) {
        Tensor x = Args.strictTensor(input, name, "input", 1);
        Tensor y = Args.strictTensor(target, name, "target", 2);
        try {
            return new TensorObject(fn.apply(x, y, TensorMethods.reduction(reduction)));
        } catch (TorchException e) {
            throw TorchModule.toPython(e);
        }
    }

    private static HostType lossType(String name, LossFn fn) {
        Signature ctor = Signature.parse(name + "(weight=None, size_average=None, reduce=None, reduction='mean')");
        HostType[] type = new HostType[1];
        type[0] = new HostType(name, o -> o instanceof LossModule l && l.name.equals(name), new PyBuiltin(name, (args, kwargs) -> {
            Object[] a = ctor.bind(args, kwargs);
            return new LossModule(name, fn, TensorMethods.reduction(a[3]), type[0]);
        }));
        return type[0];
    }

    /** {@code nn.MSELoss()} and friends: callable objects that remember their reduction. */
    static final class LossModule implements PyObject {
        private static final Signature CALL = Signature.parse("forward(input, target)");
        private final String name;
        private final LossFn fn;
        private final String reduction;
        private final PyType type;

        LossModule(String name, LossFn fn, String reduction, PyType type) {
            this.name = name;
            this.fn = fn;
            this.reduction = reduction;
            this.type = type;
        }

        @Override
        public String typeName() {
            return name;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public Object call(Object[] args, Map<String, Object> kwargs) {
            Object[] a = CALL.bind(args, kwargs);
            return apply(name, fn, a[0], a[1], reduction);
        }

        @Override
        public Object getAttr(String attr) {
            if (attr.equals("reduction")) {
                return reduction;
            }
            if (attr.equals("forward")) {
                return new PyBuiltin("forward", this::call);
            }
            return null;
        }

        @Override
        public String repr() {
            return name + "()";
        }
    }
}
