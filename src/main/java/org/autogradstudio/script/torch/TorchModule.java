package org.autogradstudio.script.torch;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Creation;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.GroupReductions;
import org.autogradstudio.engine.Pointwise;
import org.autogradstudio.engine.RandomSource;
import org.autogradstudio.engine.ShapeOps;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;
import org.autogradstudio.script.interp.Warnings;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyTuple;

/** The {@code torch} module: creation functions, dtypes, grad-mode switches and the functional ops. */
final class TorchModule {
    /** Functions that are the tensor method of their first argument: {@code torch.sin(x)} is {@code x.sin()}. */
    private static final List<String> METHOD_FUNCTIONS = List.of("sin", "cos", "tan", "exp", "log", "tanh", "sigmoid",
            "relu", "abs", "sqrt", "neg", "square", "reciprocal", "sum", "mean", "max", "min", "norm", "argmax",
            "argmin", "all", "any", "matmul", "mm", "mv", "dot", "t", "transpose", "reshape", "squeeze", "unsqueeze",
            "flatten", "permute", "clamp", "clip", "add", "sub", "mul", "div", "detach", "numel", "eq", "ne", "lt",
            "le", "gt", "ge", "clone", "var", "std", "softmax", "log_softmax", "round", "floor", "ceil", "trunc", "sign",
            "frac", "log1p", "expm1", "atan", "asin", "acos", "sinh", "cosh", "erf", "prod", "cumsum", "masked_fill", "logsumexp",
            "amax", "amin", "gather", "index_select", "flip", "narrow", "sort", "argsort", "topk", "median", "chunk", "split",
            "clamp_min", "clamp_max", "isfinite", "isnan", "isinf", "tril", "triu", "nonzero", "unbind");

    private TorchModule() {
    }

    static PyException toPython(TorchException e) {
        return new PyException(e.pythonType(), e.getMessage(), e);
    }

    static PyModule create() {
        PyModule m = TorchModules.module("torch", "__init__.py").withoutSuggestions();
        LegacyConstructors.register(m);
        m.put("float32", DTypeObject.of(DType.FLOAT32)).put("float", DTypeObject.of(DType.FLOAT32));
        m.put("float64", DTypeObject.of(DType.FLOAT64)).put("double", DTypeObject.of(DType.FLOAT64));
        m.put("int64", DTypeObject.of(DType.INT64)).put("long", DTypeObject.of(DType.INT64));
        m.put("bool", DTypeObject.of(DType.BOOL));
        m.put("__version__", "1.13.0");
        for (String name : METHOD_FUNCTIONS) {
            m.put(name, new PyBuiltin(name, METHOD_FUNCTION));
        }
        m.put("pow", PyBuiltin.bound("pow(input, exponent)", FUNCTIONS));
        m.put("tensor", PyBuiltin.bound("tensor(data, *, dtype=None, device=None, requires_grad=False)", FUNCTIONS));
        for (String name : new String[] {"zeros", "ones", "empty", "rand", "randn"}) {
            m.put(name, PyBuiltin.bound(name + "(*size, dtype=None, device=None, requires_grad=False)", FUNCTIONS));
        }
        for (String name : new String[] {"zeros_like", "ones_like", "rand_like", "randn_like"}) {
            m.put(name, PyBuiltin.bound(name + "(input, *, dtype=None, device=None, requires_grad=False)", FUNCTIONS));
        }
        m.put("full", PyBuiltin.bound("full(size, fill_value, *, dtype=None, device=None, requires_grad=False)", FUNCTIONS));
        m.put("full_like", PyBuiltin.bound("full_like(input, fill_value, *, dtype=None, device=None, requires_grad=False)", FUNCTIONS));
        m.put("eye", PyBuiltin.bound("eye(n, m=None, *, dtype=None, device=None, requires_grad=False)", FUNCTIONS));
        m.put("arange", PyBuiltin.bound("arange(start, end=None, step=1, *, dtype=None, device=None, requires_grad=False)", FUNCTIONS));
        m.put("linspace", PyBuiltin.bound("linspace(start, end, steps, *, dtype=None, device=None, requires_grad=False)", FUNCTIONS));
        m.put("randint", PyBuiltin.bound("randint(low, high=None, size=None, *, dtype=None, device=None)", FUNCTIONS));
        m.put("manual_seed", PyBuiltin.bound("manual_seed(seed)", FUNCTIONS));
        m.put("no_grad", PyBuiltin.bound("no_grad()", FUNCTIONS));
        m.put("enable_grad", PyBuiltin.bound("enable_grad()", FUNCTIONS));
        m.put("set_grad_enabled", PyBuiltin.bound("set_grad_enabled(mode)", FUNCTIONS));
        m.put("is_grad_enabled", PyBuiltin.bound("is_grad_enabled()", FUNCTIONS));
        // inference mode is no_grad here: tensors made in it simply record nothing
        m.put("inference_mode", PyBuiltin.of("inference_mode(mode=True)", a -> new GradModeContext(!Py.isTrue(a[0]), "inference_mode")));
        m.put("is_inference_mode_enabled", PyBuiltin.of("is_inference_mode_enabled()", a -> false));
        m.put("get_default_dtype", PyBuiltin.of("get_default_dtype()", a -> DTypeObject.of(DType.FLOAT32)));
        m.put("set_printoptions", PyBuiltin.of("set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,"
                + " profile=None, sci_mode=None)", a -> {
                    org.autogradstudio.engine.TensorFormatter.setOptions(intOrNull(a[0]), intOrNull(a[1]), intOrNull(a[2]),
                            intOrNull(a[3]), Py.isNone(a[4]) ? null : Py.str(a[4]), Py.isNone(a[5]) ? null : Py.isTrue(a[5]));
                    return Py.NONE;
                }));
        for (String io : new String[] {"save", "load"}) {
            m.put(io, PyBuiltin.of(io + "(*args, **kwargs)", a -> {
                throw Py.runtimeError("torch." + io + " is not available in Autograd Studio: scripts have no file access"
                        + " (keep a model's state in a variable with model.state_dict())");
            }));
        }
        m.put("is_tensor", PyBuiltin.bound("is_tensor(obj)", FUNCTIONS));
        m.put("Size", PyBuiltin.bound("Size(sizes=())", FUNCTIONS));
        m.put("cat", PyBuiltin.bound("cat(tensors, dim=0)", FUNCTIONS));
        m.put("stack", PyBuiltin.bound("stack(tensors, dim=0)", FUNCTIONS));
        m.put("where", PyBuiltin.bound("where(condition, input=None, other=None)", FUNCTIONS));
        m.put("hstack", PyBuiltin.bound("hstack(tensors)", FUNCTIONS));
        m.put("vstack", PyBuiltin.bound("vstack(tensors)", FUNCTIONS));
        m.put("maximum", PyBuiltin.bound("maximum(input, other)", FUNCTIONS));
        m.put("minimum", PyBuiltin.bound("minimum(input, other)", FUNCTIONS));
        m.put("outer", PyBuiltin.bound("outer(input, vec2)", FUNCTIONS));
        m.put("diag", PyBuiltin.bound("diag(input, diagonal=0)", FUNCTIONS));
        m.put("unique", PyBuiltin.bound("unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None)", FUNCTIONS));
        m.put("bmm", PyBuiltin.bound("bmm(input, mat2)", FUNCTIONS));
        m.put("randperm", PyBuiltin.bound("randperm(n, *, generator=None, dtype=None, device=None, requires_grad=False)", FUNCTIONS));
        m.put("Generator", PyBuiltin.of("Generator(device='cpu')", a -> {
            DeviceObject.requireCpu(a[0]);
            return new GeneratorObject(new org.autogradstudio.engine.Generator(67280421310721L));
        }));
        m.put("default_generator", GeneratorObject.DEFAULT);
        m.put("initial_seed", PyBuiltin.of("initial_seed()", a -> RandomSource.defaultGenerator().initialSeed()));
        m.put("normal", PyBuiltin.bound("normal(mean, std, size, *, dtype=None, device=None, requires_grad=False)", FUNCTIONS));
        m.put("isclose", PyBuiltin.bound("isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)", FUNCTIONS));
        m.put("allclose", PyBuiltin.bound("allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)", FUNCTIONS));
        m.put("addmm", PyBuiltin.bound("addmm(input, mat1, mat2)", FUNCTIONS));
        m.put("autograd", autograd());
        m.put("linalg", linalg());
        m.put("dropout", PyBuiltin.of("dropout(input, p, train)", a -> NnLayers.dropout(a[0], a[1], Py.isTrue(a[2]), "torch.dropout")));
        m.put("equal", PyBuiltin.of("equal(input, other)", a -> {
            Tensor x = Args.strictTensor(a[0], "equal", "input", 1), y = Args.strictTensor(a[1], "equal", "other", 2);
            if (!java.util.Arrays.equals(x.shape(), y.shape())) {
                return false;
            }
            double[] u = x.toArray(), v = y.toArray();
            for (int i = 0; i < u.length; i++) {
                if (!(u[i] == v[i])) { // numeric equality: NaN is unequal, -0.0 equals 0.0
                    return false;
                }
            }
            return true;
        }));
        m.put("device", PyBuiltin.of("device(type, index=None)", a -> DeviceObject.parse(a[0], a[1])));
        PyModule cuda = TorchModules.module("torch.cuda", "cuda/__init__.py");
        cuda.put("is_available", PyBuiltin.of("is_available()", a -> false));
        cuda.put("device_count", PyBuiltin.of("device_count()", a -> 0L));
        // seeding CUDA is lazy in PyTorch: harmless without a GPU
        cuda.put("manual_seed", PyBuiltin.of("manual_seed(seed)", a -> Py.NONE));
        cuda.put("manual_seed_all", PyBuiltin.of("manual_seed_all(seed)", a -> Py.NONE));
        m.put("cuda", cuda);
        return m;
    }

    /** {@code torch.autograd}: {@code grad} and {@code backward}. */
    private static PyModule autograd() {
        PyModule a = TorchModules.module("torch.autograd", "autograd/__init__.py");
        a.put("Function", AutogradFunction.type());
        a.put("grad", PyBuiltin.bound("grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,"
                + " only_inputs=True, allow_unused=False, is_grads_batched=False)", FUNCTIONS));
        a.put("backward", PyBuiltin.bound("backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False,"
                + " grad_variables=None, inputs=None)", FUNCTIONS));
        return a;
    }

    /** {@code torch.linalg}: the vector norms (and the Frobenius norm of a matrix, which is one). */
    private static PyModule linalg() {
        PyModule l = TorchModules.module("torch.linalg", "linalg/__init__.py");
        l.put("vector_norm", PyBuiltin.of("vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None)", a ->
                new TensorObject(GroupReductions.vectorNorm(Args.strictTensor(a[0], "linalg_vector_norm", "input", 1),
                        order(a[1]), Args.dims(a[2]), Py.isTrue(a[3])))));
        l.put("norm", PyBuiltin.of("norm(A, ord=None, dim=None, keepdim=False, *, out=None, dtype=None)", a -> {
            Tensor x = Args.strictTensor(a[0], "linalg_norm", "input", 1);
            boolean matrix = Py.isNone(a[2]) ? x.dim() == 2 : a[2] instanceof PyTuple t && t.size() == 2;
            if (matrix && !Py.isNone(a[1]) && !"fro".equals(a[1])) {
                throw Py.runtimeError("torch.linalg.norm with a matrix ord (" + Py.repr(a[1])
                        + ") is not supported in Autograd Studio: use ord=None or 'fro', or torch.linalg.vector_norm");
            }
            if (Py.isNone(a[2]) && x.dim() > 2 && !Py.isNone(a[1])) {
                throw Py.runtimeError("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got "
                        + x.dim() + "D.");
            }
            double ord = Py.isNone(a[1]) || "fro".equals(a[1]) ? 2 : order(a[1]);
            return new TensorObject(GroupReductions.vectorNorm(x, ord, Args.dims(a[2]), Py.isTrue(a[3])));
        }));
        return l;
    }

    /** A vector norm's order: a number, or inf / -inf. */
    private static double order(Object ord) {
        if (ord instanceof String s) {
            throw Py.runtimeError("linalg.vector_norm: Expected a numeric order, but got '" + s + "'");
        }
        return Args.number(ord);
    }

    /** A tensor or a sequence of tensors, as {@code autograd.grad} takes its outputs and inputs. */
    private static Tensor[] tensorOrTensors(Object o, String what) {
        if (o instanceof TensorObject t) {
            return new Tensor[] {t.tensor()};
        }
        if (!(o instanceof org.autogradstudio.script.runtime.PyObject p)) {
            throw Py.typeError(what + " must be a Tensor or a sequence of Tensors, not " + Py.typeName(o));
        }
        // any iterable: a list, a tuple, model.parameters()
        List<Object> items = new java.util.ArrayList<>();
        p.iter().forEachRemaining(items::add);
        Tensor[] out = new Tensor[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof TensorObject t)) {
                throw Py.typeError(what + " must be a Tensor or a sequence of Tensors, but element " + i + " is "
                        + Py.typeName(items.get(i)));
            }
            out[i] = t.tensor();
        }
        return out;
    }

    /** {@code grad_outputs}: None, a tensor, or one tensor (or None) per output. */
    private static Tensor[] gradOutputs(Object o, int count) {
        Tensor[] out = new Tensor[count];
        if (Py.isNone(o)) {
            return out;
        }
        List<Object> items = o instanceof TensorObject ? List.of(o) : Args.sequence(o);
        if (items.size() != count) {
            throw Py.runtimeError("grad requires one grad_output per output: got " + items.size() + " for " + count
                    + " outputs");
        }
        for (int i = 0; i < count; i++) {
            Object g = items.get(i);
            out[i] = Py.isNone(g) ? null : Args.strictTensor(g, "grad", "grad_outputs", 3);
        }
        return out;
    }

    /**
     * Refuses what a backward call cannot do here, rather than ignoring it and giving other
     * gradients than PyTorch's: {@code inputs=}.
     */
    static void refuseUnsupportedBackward(String call, Object inputs) {
        if (inputs != null && !Py.isNone(inputs)) {
            throw Py.runtimeError(call + "(inputs=...) is not supported in Autograd Studio:"
                    + " use torch.autograd.grad(outputs, inputs) for the gradients of some inputs only");
        }
    }

    /** PyTorch 1.13's warning (engine.cpp) on backward() with create_graph=True, which leaves grad and parameter in a cycle. */
    private static final String CREATE_GRAPH_CYCLE = "Using backward() with create_graph=True will create a reference cycle"
            + " between the parameter and its gradient which can cause a memory leak. We recommend using autograd.grad when"
            + " creating the graph to avoid this. If you have to use this function, make sure to reset the .grad fields of"
            + " your parameters to None after use to break the cycle and avoid the leak. (Triggered internally at "
            + " ./torch/csrc/autograd/engine.cpp:1059.)";

    /**
     * Runs backward as {@code torch.autograd.backward} does, with PyTorch's warning for
     * {@code create_graph=True} (raised at the same line of PyTorch's sources every time, so
     * Python's default filter shows it once).
     */
    static void backward(Tensor[] roots, Tensor[] grads, Object retainGraph, Object createGraph) {
        boolean create = Py.isTrue(createGraph);
        if (create) {
            Warnings.warnAt("UserWarning", CREATE_GRAPH_CYCLE, NnModules.TORCH_SOURCES + "autograd/__init__.py", 197,
                    "Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass");
        }
        org.autogradstudio.engine.Engine.backward(roots, grads, retainGraph(retainGraph, createGraph), create);
    }

    /** {@code retain_graph=None} means "as create_graph", as PyTorch has it. */
    static boolean retainGraph(Object retainGraph, Object createGraph) {
        return Py.isNone(retainGraph) ? Py.isTrue(createGraph) : Py.isTrue(retainGraph);
    }

    private static Object autogradGrad(Object[] a) {
        if (Py.isTrue(a[7])) {
            throw Py.runtimeError("torch.autograd.grad(is_grads_batched=True) is not supported in Autograd Studio");
        }
        Tensor[] outputs = tensorOrTensors(a[0], "outputs");
        Tensor[] inputs = tensorOrTensors(a[1], "inputs");
        Tensor[] grads = gradOutputs(a[2], outputs.length);
        Tensor[] result = org.autogradstudio.engine.Engine.grad(outputs, grads, inputs, retainGraph(a[3], a[4]),
                Py.isTrue(a[4]), Py.isTrue(a[6]));
        Object[] items = new Object[result.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = TensorObject.wrap(result[i]);
        }
        return new PyTuple(items);
    }

    private static Object autogradBackward(Object[] a) {
        refuseUnsupportedBackward("torch.autograd.backward", a[5]);
        Tensor[] tensors = tensorOrTensors(a[0], "tensors");
        Tensor[] grads = gradOutputs(a[1], tensors.length);
        try {
            backward(tensors, grads, a[2], a[3]);
        } catch (TorchException e) {
            throw TorchFrames.backward(e, false);
        }
        return Py.NONE;
    }

    /** {@code requires_grad=True} in a factory: PyTorch's factory wording starts with a capital. */
    static Tensor requiringGrad(Tensor t) {
        if (!t.dtype().isFloatingPoint()) {
            throw Py.runtimeError("Only Tensors of floating point and complex dtype can require gradients");
        }
        return t.requiresGrad_(true);
    }

    private static TensorObject self(Object o, String fn) {
        if (o instanceof TensorObject t) {
            return t;
        }
        throw Py.typeError(fn + "(): argument 'input' (position 1) must be Tensor, not " + Py.typeName(o));
    }

    private static Tensor[] tensors(Object seq, String fn) {
        List<Object> items = Args.sequence(seq);
        Tensor[] out = new Tensor[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof TensorObject t)) {
                throw Py.typeError("expected Tensor as element " + i + " in argument 0, but got " + Py.typeName(items.get(i)));
            }
            out[i] = t.tensor();
        }
        return out;
    }

    private static Tensor requiresGradIf(Tensor t, Object flag) {
        return Py.isTrue(flag) ? requiringGrad(t) : t;
    }

    /** {@code torch.sin(x, ...)} is {@code x.sin(...)}; {@code input} may also be passed by keyword. */
    private static Object methodFunction(String name, TensorMethods.M method, Object[] args,
            Map<String, Object> kwargs) {
        if (args.length == 0) {
            Object input = kwargs.get("input");
            if (input == null) {
                throw Py.typeError(name + "() missing 1 required positional arguments: \"input\"");
            }
            Map<String, Object> rest = new java.util.HashMap<>(kwargs);
            rest.remove("input");
            return TensorMethods.call(self(input, name), method, Py.NO_ARGS, rest);
        }
        Object[] rest = args.length == 1 ? Py.NO_ARGS : Arrays.copyOfRange(args, 1, args.length);
        return TensorMethods.call(self(args[0], name), method, rest, kwargs);
    }

    private static final PyBuiltin.Bodies METHOD_FUNCTION = name -> {
        TensorMethods.M method = TensorMethods.method(name);
        return (a, k) -> methodFunction(name, method, a, k);
    };

    /** The other functions, each one's lambda made on its first call; arguments come bound. */
    private static final PyBuiltin.Bodies FUNCTIONS = TorchModule::body;

    private static PyBuiltin.Body body(String name) {
        switch (name) {
            case "zeros":
            case "empty":
                return (a, k) -> sized(a, Creation.zeros(size(a), Args.dtype(a[1], DType.FLOAT32), false));
            case "ones": return (a, k) -> sized(a, Creation.ones(size(a), Args.dtype(a[1], DType.FLOAT32), false));
            case "rand": return (a, k) -> sized(a, Creation.rand(size(a), Args.dtype(a[1], DType.FLOAT32), false));
            case "randn": return (a, k) -> sized(a, Creation.randn(size(a), Args.dtype(a[1], DType.FLOAT32), false));
            case "zeros_like": return (a, k) -> {
                Tensor x = Args.strictTensor(a[0], name, "input", 1);
                return sized(a, Creation.zeros(x.shape(), Args.dtype(a[1], x.dtype()), false));
            };
            case "ones_like": return (a, k) -> {
                Tensor x = Args.strictTensor(a[0], name, "input", 1);
                return sized(a, Creation.ones(x.shape(), Args.dtype(a[1], x.dtype()), false));
            };
            case "rand_like": return (a, k) -> {
                Tensor x = Args.strictTensor(a[0], name, "input", 1);
                return sized(a, Creation.rand(x.shape(), Args.dtype(a[1], x.dtype()), false));
            };
            case "randn_like": return (a, k) -> {
                Tensor x = Args.strictTensor(a[0], name, "input", 1);
                return sized(a, Creation.randn(x.shape(), Args.dtype(a[1], x.dtype()), false));
            };
            case "pow": return (a, k) -> a[0] instanceof TensorObject x
                    ? x.callMethod("pow", new Object[] {a[1]}, Py.NO_KWARGS)
                    : new TensorObject(Pointwise.pow(Args.tensor(a[0], "pow"), Args.strictTensor(a[1], "pow", "exponent", 2)));
            case "tensor": return (a, k) -> {
                if (a[0] instanceof TensorObject) {
                    Warnings.warn("UserWarning", "To copy construct from a tensor, it is recommended to use sourceTensor.clone()"
                            + ".detach() or sourceTensor.clone().detach().requires_grad_(True), rather than torch.tensor(sourceTensor).");
                }
                Tensor t = a[0] instanceof TensorObject x
                        ? Tensor.of(x.tensor().toArray(), x.tensor().shape(), Args.dtype(a[1], x.tensor().dtype()))
                        : TensorLiteral.build(a[0], Py.isNone(a[1]) ? null : Args.dtype(a[1], null));
                DeviceObject.requireCpu(a[2]);
                return new TensorObject(Py.isTrue(a[3]) ? requiringGrad(t) : t);
            };
            case "full": return (a, k) -> {
                DType inferred = a[1] instanceof Double ? DType.FLOAT32 : a[1] instanceof Boolean ? DType.BOOL : DType.INT64;
                DeviceObject.requireCpu(a[3]);
                return new TensorObject(Creation.full(Args.shape(new Object[] {a[0]}), Args.number(a[1]),
                        Args.dtype(a[2], inferred), Py.isTrue(a[4])));
            };
            case "full_like": return (a, k) -> {
                Tensor x = Args.strictTensor(a[0], "full_like", "input", 1);
                DeviceObject.requireCpu(a[3]);
                return new TensorObject(Creation.full(x.shape(), Args.number(a[1]), Args.dtype(a[2], x.dtype()), Py.isTrue(a[4])));
            };
            case "eye": return (a, k) -> {
                DeviceObject.requireCpu(a[3]);
                return new TensorObject(Creation.eye(Args.integer(a[0]), Py.isNone(a[1]) ? Args.integer(a[0]) : Args.integer(a[1]),
                        Args.dtype(a[2], DType.FLOAT32), Py.isTrue(a[4])));
            };
            case "arange": return (a, k) -> {
                Object start = Py.isNone(a[1]) ? 0L : a[0];
                Object end = Py.isNone(a[1]) ? a[0] : a[1];
                boolean ints = !(start instanceof Double) && !(end instanceof Double) && !(a[2] instanceof Double);
                DeviceObject.requireCpu(a[4]);
                return new TensorObject(Creation.arange(Args.number(start), Args.number(end), Args.number(a[2]),
                        Args.dtype(a[3], ints ? DType.INT64 : DType.FLOAT32), Py.isTrue(a[5])));
            };
            case "linspace": return (a, k) -> {
                DeviceObject.requireCpu(a[4]);
                return new TensorObject(Creation.linspace(Args.number(a[0]), Args.number(a[1]), Args.integer(a[2]),
                        Args.dtype(a[3], DType.FLOAT32), Py.isTrue(a[5])));
            };
            case "randint": return (a, k) -> {
                boolean oneBound = a[2] == null || Py.isNone(a[2]);
                long low = oneBound ? 0 : Py.toLong(a[0]);
                long high = oneBound ? Py.toLong(a[0]) : Py.toLong(a[1]);
                Object size = oneBound ? a[1] : a[2];
                DeviceObject.requireCpu(a[4]);
                return new TensorObject(Creation.randint(low, high, Args.shape(new Object[] {size})));
            };
            case "manual_seed": return (a, k) -> {
                RandomSource.manualSeed(Py.toLong(a[0]));
                return GeneratorObject.DEFAULT;
            };
            case "no_grad": return (a, k) -> new GradModeContext(false, "no_grad");
            case "enable_grad": return (a, k) -> new GradModeContext(true, "enable_grad");
            case "set_grad_enabled": return (a, k) -> {
                GradModeContext c = new GradModeContext(Py.isTrue(a[0]), "set_grad_enabled");
                c.enter();
                return c;
            };
            case "is_grad_enabled": return (a, k) -> GradMode.isEnabled();
            case "is_tensor": return (a, k) -> a[0] instanceof TensorObject;
            case "Size": return (a, k) -> new SizeObject(Args.shape(new Object[] {a[0]}));
            case "cat": return (a, k) -> new TensorObject(ShapeOps.cat(tensors(a[0], "cat"), Args.integer(a[1])));
            case "stack": return (a, k) -> new TensorObject(ShapeOps.stack(tensors(a[0], "stack"), Args.integer(a[1])));
            case "hstack": return (a, k) -> new TensorObject(ShapeOps.hstack(tensors(a[0], "hstack")));
            case "vstack": return (a, k) -> new TensorObject(ShapeOps.vstack(tensors(a[0], "vstack")));
            case "where": return (a, k) -> Py.isNone(a[1]) && Py.isNone(a[2])
                    ? TensorMethods.nonzeroTuple(Args.strictTensor(a[0], "where", "condition", 1))
                    : new TensorObject(Pointwise.where(
                    Args.strictTensor(a[0], "where", "condition", 1), Args.tensor(a[1], "where"), Args.tensor(a[2], "where")));
            case "maximum": return (a, k) -> call(() -> new TensorObject(org.autogradstudio.engine.PairwiseOps.maximum(
                    Args.strictTensor(a[0], name, "input", 1), Args.strictTensor(a[1], name, "other", 2))));
            case "minimum": return (a, k) -> call(() -> new TensorObject(org.autogradstudio.engine.PairwiseOps.minimum(
                    Args.strictTensor(a[0], name, "input", 1), Args.strictTensor(a[1], name, "other", 2))));
            case "randperm": return (a, k) -> {
                DeviceObject.requireCpu(a[3]);
                int[] p = GeneratorObject.of(a[1]).randperm(Args.integer(a[0]));
                double[] v = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    v[i] = p[i];
                }
                return sized(new Object[] {null, null, null, a[4]}, Tensor.of(v, new int[] {p.length}, Args.dtype(a[2], DType.INT64)));
            };
            case "unique": return (a, k) -> unique(Args.strictTensor(a[0], "unique", "input", 1), Py.isTrue(a[2]), Py.isTrue(a[3]), a[4]);
            case "bmm": return (a, k) -> call(() -> new TensorObject(org.autogradstudio.engine.BatchMatmul.bmm(
                    Args.strictTensor(a[0], "bmm", "input", 1), Args.strictTensor(a[1], "bmm", "mat2", 2))));
            case "diag": return (a, k) -> call(() -> {
                if (Args.integer(a[1]) != 0) {
                    throw Py.runtimeError("diag(diagonal != 0) is not supported in Autograd Studio");
                }
                return new TensorObject(org.autogradstudio.engine.Selections.diag(Args.strictTensor(a[0], "diag", "input", 1)));
            });
            case "outer": return (a, k) -> call(() -> {
                Tensor v = Args.strictTensor(a[0], name, "input", 1), w = Args.strictTensor(a[1], name, "vec2", 2);
                if (v.dim() != 1 || w.dim() != 1) {
                    throw Py.runtimeError("outer: Expected 1-D argument self, but got " + v.dim() + "-D");
                }
                return new TensorObject(v.reshape(-1, 1).mul(w));
            });
            case "normal": return (a, k) -> call(() -> new TensorObject(requiresGradIf(Creation.normal_(
                    Creation.zeros(Args.shape(new Object[] {a[2]}), deviceChecked(Args.dtype(a[3], DType.FLOAT32), a[4]), false),
                    Args.number(a[0]), Args.number(a[1])), a[5])));
            case "isclose": return (a, k) -> call(() -> new TensorObject(org.autogradstudio.engine.PairwiseOps.isclose(
                    Args.strictTensor(a[0], name, "input", 1), Args.strictTensor(a[1], name, "other", 2),
                    Args.number(a[2]), Args.number(a[3]), Py.isTrue(a[4]))));
            case "allclose": return (a, k) -> call(() -> org.autogradstudio.engine.PairwiseOps.allclose(
                    Args.strictTensor(a[0], name, "input", 1), Args.strictTensor(a[1], name, "other", 2),
                    Args.number(a[2]), Args.number(a[3]), Py.isTrue(a[4])));
            case "addmm": return (a, k) -> new TensorObject(org.autogradstudio.engine.LinearAlgebra.addmm(
                    Args.strictTensor(a[0], "addmm", "input", 1), Args.strictTensor(a[1], "addmm", "mat1", 2),
                    Args.strictTensor(a[2], "addmm", "mat2", 3)));
            case "grad": return (a, k) -> call(() -> autogradGrad(a));
            case "backward": return (a, k) -> call(() -> autogradBackward(a));
            default:
                throw new IllegalStateException("no torch function " + name);
        }
    }

    /** {@code torch.unique}: the sorted distinct values, and on request each element's place among them and their counts. */
    private static Object unique(Tensor x, boolean inverse, boolean counts, Object dim) {
        if (!Py.isNone(dim)) {
            throw Py.runtimeError("torch.unique(dim=...) is not supported in Autograd Studio");
        }
        double[] v = x.toArray();
        double[] distinct = java.util.Arrays.stream(v).sorted().distinct().toArray();
        Object values = new TensorObject(Tensor.of(distinct, new int[] {distinct.length}, x.dtype()));
        if (!inverse && !counts) {
            return values;
        }
        double[] where = new double[v.length];
        double[] count = new double[distinct.length];
        for (int i = 0; i < v.length; i++) {
            int at = java.util.Arrays.binarySearch(distinct, v[i]);
            where[i] = at;
            count[at]++;
        }
        List<Object> out = new java.util.ArrayList<>(List.of(values));
        if (inverse) {
            out.add(new TensorObject(Tensor.of(where, x.shape(), DType.INT64)));
        }
        if (counts) {
            out.add(new TensorObject(Tensor.of(count, new int[] {count.length}, DType.INT64)));
        }
        return new PyTuple(out.toArray());
    }

    /** Runs {@code body} with the engine's errors as Python's. */
    private static Object call(java.util.function.Supplier<Object> body) {
        try {
            return body.get();
        } catch (TorchException e) {
            throw toPython(e);
        }
    }

    /** The {@code *size} of a factory: {@code zeros(2, 3)} or {@code zeros((2, 3))}. */
    private static int[] size(Object[] a) {
        return Args.shape(((PyTuple) a[0]).toArray());
    }

    private static Integer intOrNull(Object o) {
        return Py.isNone(o) ? null : Args.integer(o);
    }

    /** {@code dtype}, once the {@code device=} argument has been checked. */
    private static DType deviceChecked(DType dtype, Object device) {
        DeviceObject.requireCpu(device);
        return dtype;
    }

    /** A factory's result with its {@code device=} (a[2]) checked and {@code requires_grad=} (a[3]) applied. */
    private static Object sized(Object[] a, Tensor t) {
        DeviceObject.requireCpu(a[2]);
        return new TensorObject(requiresGradIf(t, a[3]));
    }
}
