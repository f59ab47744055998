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

    static PyModule functional() {
        PyModule f = new PyModule("torch.nn.functional");
        f.put("mse_loss", lossFunction("mse_loss", Losses::mseLoss));
        f.put("l1_loss", lossFunction("l1_loss", Losses::l1Loss));
        f.put("binary_cross_entropy", lossFunction("binary_cross_entropy", Losses::binaryCrossEntropy));
        f.put("binary_cross_entropy_with_logits", lossFunction("binary_cross_entropy_with_logits",
                Losses::binaryCrossEntropyWithLogits));
        f.put("relu", PyBuiltin.of("relu(input)", a -> new TensorObject(Args.strictTensor(a[0], "relu", "input", 1).relu())));
        f.put("sigmoid", PyBuiltin.of("sigmoid(input)", a -> new TensorObject(Args.strictTensor(a[0], "sigmoid", "input", 1).sigmoid())));
        f.put("tanh", PyBuiltin.of("tanh(input)", a -> new TensorObject(Args.strictTensor(a[0], "tanh", "input", 1).tanh())));
        return f;
    }

    static PyModule nn(PyModule functional) {
        PyModule nn = new PyModule("torch.nn");
        nn.put("functional", functional);
        nn.put("MSELoss", lossType("MSELoss", Losses::mseLoss));
        nn.put("L1Loss", lossType("L1Loss", Losses::l1Loss));
        nn.put("BCELoss", lossType("BCELoss", Losses::binaryCrossEntropy));
        nn.put("BCEWithLogitsLoss", lossType("BCEWithLogitsLoss", Losses::binaryCrossEntropyWithLogits));
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
