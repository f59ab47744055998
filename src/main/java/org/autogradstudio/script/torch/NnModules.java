package org.autogradstudio.script.torch;

import java.util.Map;
import org.autogradstudio.engine.Classification;
import org.autogradstudio.engine.ElementwiseExtras;
import org.autogradstudio.engine.Losses;
import org.autogradstudio.engine.Shape;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;
import org.autogradstudio.script.interp.Warnings;
import org.autogradstudio.script.runtime.HostType;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyType;
import org.autogradstudio.script.runtime.Signature;

/** {@code torch.nn.functional} (losses and activations) and the loss modules of {@code torch.nn}. */
final class NnModules {
    private NnModules() {
    }

    /** How a loss is reduced and, for the class-index losses, weighted and which target it ignores. */
    record LossOptions(String reduction, Tensor weight, long ignoreIndex) {
    }

    /** The engine's losses, each with the parameters of its functional form after (input, target). */
    enum Loss {
        MSE("mse_loss", "MSELoss", "", 536, "return F.mse_loss(input, target, reduction=self.reduction)"),
        L1("l1_loss", "L1Loss", "", 101, "return F.l1_loss(input, target, reduction=self.reduction)"),
        BCE("binary_cross_entropy", "BCELoss", "", 619,
                "return F.binary_cross_entropy(input, target, weight=self.weight, reduction=self.reduction)"),
        BCE_WITH_LOGITS("binary_cross_entropy_with_logits", "BCEWithLogitsLoss", "", 720,
                "return F.binary_cross_entropy_with_logits(input, target,"),
        NLL("nll_loss", "NLLLoss", "ignore_index=-100, ", 216,
                "return F.nll_loss(input, target, weight=self.weight, ignore_index=self.ignore_index, reduction=self.reduction)"),
        CROSS_ENTROPY("cross_entropy", "CrossEntropyLoss", "ignore_index=-100, ", 1174,
                "return F.cross_entropy(input, target, weight=self.weight,");

        final String function;
        final String module;
        /** {@code ignore_index=-100, } for the class-index losses, else empty. */
        private final String classParameters;
        /** The line of the module's forward in PyTorch's loss.py, and its statement there (calling the functional form). */
        final int forwardLine;
        final String forwardSource;

        Loss(String function, String module, String classParameters, int forwardLine, String forwardSource) {
            this.function = function;
            this.module = module;
            this.classParameters = classParameters;
            this.forwardLine = forwardLine;
            this.forwardSource = forwardSource;
        }

        /** The loss module's forward frame in PyTorch's loss.py (a statement without its closing parenthesis goes on to the next line). */
        PyException forwardFrame(PyException e) {
            return TorchFrames.lossForward(e, forwardLine, forwardSource, !forwardSource.endsWith(")"));
        }

        /** The parameters after (input, target) or of the module's constructor, as PyTorch 1.13 declares them. */
        String parameters() {
            return "weight=None, size_average=None, " + classParameters + "reduce=None, reduction='mean'"
                    + (this == CROSS_ENTROPY ? ", label_smoothing=0.0" : "");
        }

        /** The options among bound {@link #parameters()} (weight first). */
        LossOptions options(Object[] a, int first) {
            boolean classIndex = !classParameters.isEmpty();
            int reduction = first + (classIndex ? 4 : 3);
            if (this == CROSS_ENTROPY && Args.number(a[reduction + 1]) != 0) {
                throw Py.runtimeError("cross_entropy(label_smoothing=...) is not supported in Autograd Studio");
            }
            if (!classIndex && !Py.isNone(a[first])) {
                throw Py.runtimeError(function + "(weight=...) is not supported in Autograd Studio");
            }
            Tensor weight = Py.isNone(a[first]) ? null : Args.strictTensor(a[first], function, "weight", 3);
            return new LossOptions(TensorMethods.reduction(a[reduction]), weight,
                    classIndex ? Py.toLong(a[first + 2]) : Classification.IGNORE_INDEX);
        }

        Tensor apply(Tensor input, Tensor target, LossOptions o) {
            switch (this) {
                case MSE: return Losses.mseLoss(input, target, o.reduction());
                case L1: return Losses.l1Loss(input, target, o.reduction());
                case BCE: return Losses.binaryCrossEntropy(input, target, o.reduction());
                case BCE_WITH_LOGITS: return Losses.binaryCrossEntropyWithLogits(input, target, o.reduction());
                case NLL: return Classification.nllLoss(input, target, o.weight(), o.ignoreIndex(), o.reduction());
                default: return Classification.crossEntropy(input, target, o.weight(), o.ignoreIndex(), o.reduction());
            }
        }
    }

    /** relu, sigmoid and tanh of torch.nn.functional; arguments come bound. */
    private static Object activation(String name, Object[] a, Map<String, Object> unused) {
        Tensor x = Args.strictTensor(a[0], name, "input", 1);
        switch (name) {
            case "relu": return new TensorObject(x.relu());
            case "sigmoid":
                warnDeprecated("sigmoid", 1967);
                return new TensorObject(x.sigmoid());
            case "softmax":
            case "log_softmax": {
                if (!Py.isNone(a[3])) {
                    x = x.toDType(Args.dtype(a[3], x.dtype()));
                }
                int dim = Py.isNone(a[1]) ? implicitSoftmaxDim(name, x.dim()) : Args.integer(a[1]);
                try {
                    return new TensorObject(name.equals("softmax") ? Classification.softmax(x, dim) : Classification.logSoftmax(x, dim));
                } catch (TorchException e) {
                    throw TorchModule.toPython(e);
                }
            }
            default:
                warnDeprecated("tanh", 1956);
                return new TensorObject(x.tanh());
        }
    }

    /** F.sigmoid and F.tanh: PyTorch's deprecation warning, which points at its own warnings.warn call. */
    private static void warnDeprecated(String name, int line) {
        String message = "nn.functional." + name + " is deprecated. Use torch." + name + " instead.";
        Warnings.warnAt("UserWarning", message, TORCH_SOURCES + "nn/functional.py", line, "warnings.warn(\"" + message + "\")");
    }

    /** The dim PyTorch picks (with a deprecation warning) when softmax is given none. */
    static int implicitSoftmaxDim(String name, int rank) {
        Warnings.warn("UserWarning", "Implicit dimension choice for " + name
                + " has been deprecated. Change the call to include dim=X as an argument.");
        return rank == 0 || rank == 1 || rank == 3 ? 0 : 1;
    }

    private static final PyBuiltin.Bodies ACTIVATION = name -> (a, k) -> activation(name, a, k);

    static PyModule functional() {
        PyModule f = TorchModules.module("torch.nn.functional", "nn/functional.py");
        for (Loss loss : Loss.values()) {
            f.put(loss.function, lossFunction(loss));
        }
        f.put("leaky_relu", PyBuiltin.of("leaky_relu(input, negative_slope=0.01, inplace=False)", a -> {
            if (Py.isTrue(a[2])) {
                throw Py.runtimeError("leaky_relu(inplace=True) is not supported in Autograd Studio");
            }
            return new TensorObject(org.autogradstudio.engine.ElementwiseExtras.leakyRelu(
                    Args.strictTensor(a[0], "leaky_relu", "input", 1), Args.number(a[1])));
        }));
        f.put("gelu", PyBuiltin.of("gelu(input, approximate='none')", a -> new TensorObject(
                ElementwiseExtras.gelu(Args.strictTensor(a[0], "gelu", "input", 1), Py.str(a[1]).equals("tanh")))));
        f.put("elu", PyBuiltin.of("elu(input, alpha=1.0, inplace=False)", a -> new TensorObject(
                ElementwiseExtras.elu(Args.strictTensor(a[0], "elu", "input", 1), Args.number(a[1])))));
        f.put("softplus", PyBuiltin.of("softplus(input, beta=1, threshold=20)", a -> new TensorObject(
                ElementwiseExtras.softplus(Args.strictTensor(a[0], "softplus", "input", 1), Args.number(a[1]), Args.number(a[2])))));
        f.put("silu", PyBuiltin.of("silu(input, inplace=False)", a -> new TensorObject(
                ElementwiseExtras.silu(Args.strictTensor(a[0], "silu", "input", 1)))));
        f.put("one_hot", PyBuiltin.of("one_hot(tensor, num_classes=-1)", a -> {
            try {
                return new TensorObject(org.autogradstudio.engine.Classification.oneHot(Args.strictTensor(a[0], "one_hot", "tensor", 1),
                        Args.integer(a[1])));
            } catch (TorchException e) {
                throw TorchModule.toPython(e);
            }
        }));
        f.put("softmax", PyBuiltin.bound("softmax(input, dim=None, _stacklevel=3, dtype=None)", ACTIVATION));
        f.put("log_softmax", PyBuiltin.bound("log_softmax(input, dim=None, _stacklevel=3, dtype=None)", ACTIVATION));
        f.put("relu", PyBuiltin.bound("relu(input)", ACTIVATION));
        f.put("normalize", PyBuiltin.of("normalize(input, p=2.0, dim=1, eps=1e-12, out=None)", a -> {
            // PyTorch's F.normalize: input / input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
            Tensor x = Args.strictTensor(a[0], "normalize", "input", 1);
            try {
                Tensor norm = org.autogradstudio.engine.GroupReductions.norm(x, Args.number(a[1]), new int[] {Args.integer(a[2])}, true);
                Tensor denom = org.autogradstudio.engine.ShapeOps.expand(ElementwiseExtras.clampMin(norm, Args.number(a[3])), x.shape());
                return new TensorObject(x.div(denom));
            } catch (TorchException e) {
                throw TorchModule.toPython(e);
            }
        }));
        f.put("dropout", PyBuiltin.of("dropout(input, p=0.5, training=True, inplace=False)",
                a -> NnLayers.dropout(a[0], a[1], Py.isTrue(a[2]), "F.dropout")));
        f.put("sigmoid", PyBuiltin.bound("sigmoid(input)", ACTIVATION));
        f.put("tanh", PyBuiltin.bound("tanh(input)", ACTIVATION));
        f.put("linear", PyBuiltin.of("linear(input, weight, bias=None)", a -> NnLayers.linear(a[0], a[1], a[2])));
        return f;
    }

    static PyModule nn(PyModule functional) {
        PyModule nn = TorchModules.module("torch.nn", "nn/__init__.py");
        nn.put("functional", functional);
        for (Loss loss : Loss.values()) {
            nn.put(loss.module, lossType(loss));
        }
        NnLayers.install(nn);
        nn.put("utils", NnUtils.create());
        return nn;
    }

    private static PyBuiltin lossFunction(Loss loss) {
        return PyBuiltin.of(loss.function + "(input, target, " + loss.parameters() + ")",
                a -> apply(loss, a[0], a[1], loss.options(a, 2), false));
    }

    private static Object apply(Loss loss, Object input, Object target, LossOptions options, boolean fromModule) {
        Tensor x = Args.strictTensor(input, loss.function, "input", 1);
        Tensor y = Args.strictTensor(target, loss.function, "target", 2);
        if ((loss == Loss.MSE || loss == Loss.L1) && !java.util.Arrays.equals(x.shape(), y.shape())) {
            warnTargetSize(loss, x, y, fromModule);
        }
        try {
            return new TensorObject(loss.apply(x, y, options));
        } catch (TorchException e) {
            PyException p = TorchModule.toPython(e);
            if ((loss == Loss.MSE || loss == Loss.L1) && e.getMessage().startsWith("The size of tensor a")) {
                TorchFrames.broadcastLoss(p, loss.function, loss == Loss.MSE ? 3291 : 3260);
            } else if (loss == Loss.BCE) {
                p.addTraceback(TorchFrames.frame("nn/functional.py", 3095, "binary_cross_entropy",
                        "return torch._C._nn.binary_cross_entropy(input, target, weight, reduction_enum)",
                        "torch._C._nn.binary_cross_entropy(input, target, weight, reduction_enum)", false));
            } else if (loss == Loss.CROSS_ENTROPY) {
                p.addTraceback(TorchFrames.frame("nn/functional.py", 3026, "cross_entropy", "return torch._C._nn.cross_entropy_loss("
                        + "input, target, weight, _Reduction.get_enum(reduction), ignore_index, label_smoothing)",
                        "torch._C._nn.cross_entropy_loss(input, target, weight, _Reduction.get_enum(reduction), ignore_index, label_smoothing)",
                        false));
            }
            throw p;
        }
    }

    /**
     * mse_loss's and l1_loss's warning about a target that only broadcasts to the input (a [n, 1]
     * prediction against [n] targets, the classic silent bug). The functional form points at the
     * script's line; the module's points into PyTorch's loss.py, whose forward made the call.
     */
    private static void warnTargetSize(Loss loss, Tensor x, Tensor y, boolean fromModule) {
        String message = "Using a target size (" + Shape.torchSize(y.shape()) + ") that is different to the input size ("
                + Shape.torchSize(x.shape()) + "). This will likely lead to incorrect results due to broadcasting. "
                + "Please ensure they have the same size.";
        if (fromModule) {
            Warnings.warnAt("UserWarning", message, TORCH_SOURCES + "nn/modules/loss.py", loss.forwardLine, loss.forwardSource);
        } else {
            Warnings.warn("UserWarning", message);
        }
    }

    /** Where PyTorch 1.13's Python sources were on the machine its reference outputs come from. */
    static final String TORCH_SOURCES = "/usr/lib/python3/dist-packages/torch/";

    private static HostType lossType(Loss loss) {
        String name = loss.module;
        Signature ctor = Signature.parse(name + "(" + loss.parameters() + ")");
        HostType[] type = new HostType[1];
        type[0] = new HostType(name, o -> o instanceof LossModule l && l.loss == loss, new PyBuiltin(name, (args, kwargs) -> {
            Object[] a = ctor.bind(args, kwargs);
            return new LossModule(loss, loss.options(a, 0), type[0]);
        })).inModule("torch.nn.modules.loss");
        return type[0];
    }

    /** {@code nn.MSELoss()} and friends: callable objects that remember their reduction. */
    static final class LossModule implements PyObject {
        private final Loss loss;
        /** {@code MSELoss.forward(input, target)}: its name is in the TypeError of a wrong call. */
        private final Signature call;
        private final LossOptions options;
        private final PyType type;

        LossModule(Loss loss, LossOptions options, PyType type) {
            this.loss = loss;
            this.call = Signature.parse(loss.module + ".forward(input, target)");
            this.options = options;
            this.type = type;
        }

        /** A loss holds only its options, which cannot change: a deep copy may be the loss itself. */
        @Override
        public Object deepCopy(java.util.function.UnaryOperator<Object> copyMember) {
            return this;
        }

        @Override
        public String typeName() {
            return loss.module;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public Object call(Object[] args, Map<String, Object> kwargs) {
            Object[] a = call.bind(args, kwargs);
            try {
                return apply(loss, a[0], a[1], options, true);
            } catch (PyException e) {
                throw TorchFrames.callImpl(loss.forwardFrame(e));
            }
        }

        @Override
        public Object getAttr(String attr) {
            if (attr.equals("reduction")) {
                return options.reduction();
            }
            if (attr.equals("ignore_index") && loss.classParameters.length() > 0) {
                return options.ignoreIndex();
            }
            if (attr.equals("weight")) {
                return options.weight() == null ? Py.NONE : new TensorObject(options.weight());
            }
            if (attr.equals("forward")) {
                return new PyBuiltin("forward", this::call);
            }
            return null;
        }

        @Override
        public String repr() {
            return loss.module + "()";
        }
    }
}
