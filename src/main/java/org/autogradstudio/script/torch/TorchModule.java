package org.autogradstudio.script.torch;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Creation;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.Pointwise;
import org.autogradstudio.engine.RandomSource;
import org.autogradstudio.engine.ShapeOps;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;
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
            "le", "gt", "ge", "clone");

    private TorchModule() {
    }

    static PyException toPython(TorchException e) {
        return new PyException(e.pythonType(), e.getMessage(), e);
    }

    static PyModule create() {
        PyModule m = new PyModule("torch");
        m.put("Tensor", TensorObject.TYPE);
        m.put("float32", DTypeObject.of(DType.FLOAT32)).put("float", DTypeObject.of(DType.FLOAT32));
        m.put("float64", DTypeObject.of(DType.FLOAT64)).put("double", DTypeObject.of(DType.FLOAT64));
        m.put("int64", DTypeObject.of(DType.INT64)).put("long", DTypeObject.of(DType.INT64));
        m.put("bool", DTypeObject.of(DType.BOOL));
        m.put("__version__", "1.13.0");
        for (String name : METHOD_FUNCTIONS) {
            m.put(name, new PyBuiltin(name, (args, kwargs) -> {
                if (args.length == 0) {
                    Object input = kwargs.get("input");
                    if (input == null) {
                        throw Py.typeError(name + "() missing 1 required positional arguments: \"input\"");
                    }
                    Map<String, Object> rest = new java.util.HashMap<>(kwargs);
                    rest.remove("input");
                    return self(input, name).callMethod(name, Py.NO_ARGS, rest);
                }
                return self(args[0], name).callMethod(name, Arrays.copyOfRange(args, 1, args.length), kwargs);
            }));
        }
        m.put("pow", PyBuiltin.of("pow(input, exponent)", a -> a[0] instanceof TensorObject x
                ? x.callMethod("pow", new Object[] {a[1]}, Py.NO_KWARGS)
                : new TensorObject(Pointwise.pow(Args.tensor(a[0], "pow"), Args.strictTensor(a[1], "pow", "exponent", 2)))));
        m.put("tensor", PyBuiltin.of("tensor(data, *, dtype=None, device=None, requires_grad=False)", a -> {
            Tensor t = a[0] instanceof TensorObject x
                    ? Tensor.of(x.tensor().toArray(), x.tensor().shape(), Args.dtype(a[1], x.tensor().dtype()))
                    : TensorLiteral.build(a[0], Py.isNone(a[1]) ? null : Args.dtype(a[1], null));
            return new TensorObject(Py.isTrue(a[3]) ? requiringGrad(t) : t);
        }));
        m.put("zeros", sized("zeros", (shape, dtype, rg) -> Creation.zeros(shape, dtype, rg)));
        m.put("ones", sized("ones", (shape, dtype, rg) -> Creation.ones(shape, dtype, rg)));
        m.put("empty", sized("empty", (shape, dtype, rg) -> Creation.zeros(shape, dtype, rg)));
        m.put("rand", sized("rand", (shape, dtype, rg) -> Creation.rand(shape, dtype, rg)));
        m.put("randn", sized("randn", (shape, dtype, rg) -> Creation.randn(shape, dtype, rg)));
        m.put("zeros_like", like("zeros_like", (x, dtype, rg) -> Creation.zeros(x.shape(), dtype, rg)));
        m.put("ones_like", like("ones_like", (x, dtype, rg) -> Creation.ones(x.shape(), dtype, rg)));
        m.put("rand_like", like("rand_like", (x, dtype, rg) -> Creation.rand(x.shape(), dtype, rg)));
        m.put("randn_like", like("randn_like", (x, dtype, rg) -> Creation.randn(x.shape(), dtype, rg)));
        m.put("full", PyBuiltin.of("full(size, fill_value, *, dtype=None, requires_grad=False)", a -> {
            DType inferred = a[1] instanceof Double ? DType.FLOAT32 : a[1] instanceof Boolean ? DType.BOOL : DType.INT64;
            return new TensorObject(Creation.full(Args.shape(new Object[] {a[0]}), Args.number(a[1]),
                    Args.dtype(a[2], inferred), Py.isTrue(a[3])));
        }));
        m.put("full_like", PyBuiltin.of("full_like(input, fill_value, *, dtype=None, requires_grad=False)", a -> {
            Tensor x = Args.strictTensor(a[0], "full_like", "input", 1);
            return new TensorObject(Creation.full(x.shape(), Args.number(a[1]), Args.dtype(a[2], x.dtype()), Py.isTrue(a[3])));
        }));
        m.put("eye", PyBuiltin.of("eye(n, m=None, *, dtype=None, requires_grad=False)", a -> new TensorObject(
                Creation.eye(Args.integer(a[0]), Py.isNone(a[1]) ? Args.integer(a[0]) : Args.integer(a[1]),
                        Args.dtype(a[2], DType.FLOAT32), Py.isTrue(a[3])))));
        m.put("arange", PyBuiltin.of("arange(start, end=None, step=1, *, dtype=None, requires_grad=False)", a -> {
            Object start = Py.isNone(a[1]) ? 0L : a[0];
            Object end = Py.isNone(a[1]) ? a[0] : a[1];
            boolean ints = !(start instanceof Double) && !(end instanceof Double) && !(a[2] instanceof Double);
            return new TensorObject(Creation.arange(Args.number(start), Args.number(end), Args.number(a[2]),
                    Args.dtype(a[3], ints ? DType.INT64 : DType.FLOAT32), Py.isTrue(a[4])));
        }));
        m.put("linspace", PyBuiltin.of("linspace(start, end, steps, *, dtype=None, requires_grad=False)", a -> new TensorObject(
                Creation.linspace(Args.number(a[0]), Args.number(a[1]), Args.integer(a[2]), Args.dtype(a[3], DType.FLOAT32),
                        Py.isTrue(a[4])))));
        m.put("randint", PyBuiltin.of("randint(low, high=None, size=None, *, dtype=None)", a -> {
            boolean oneBound = a[2] == null || Py.isNone(a[2]);
            long low = oneBound ? 0 : Py.toLong(a[0]);
            long high = oneBound ? Py.toLong(a[0]) : Py.toLong(a[1]);
            Object size = oneBound ? a[1] : a[2];
            return new TensorObject(Creation.randint(low, high, Args.shape(new Object[] {size})));
        }));
        m.put("manual_seed", PyBuiltin.of("manual_seed(seed)", a -> {
            RandomSource.manualSeed(Py.toLong(a[0]));
            return Py.NONE;
        }));
        m.put("no_grad", PyBuiltin.of("no_grad()", a -> new GradModeContext(false, "no_grad")));
        m.put("enable_grad", PyBuiltin.of("enable_grad()", a -> new GradModeContext(true, "enable_grad")));
        m.put("set_grad_enabled", PyBuiltin.of("set_grad_enabled(mode)", a -> {
            GradModeContext c = new GradModeContext(Py.isTrue(a[0]), "set_grad_enabled");
            c.enter();
            return c;
        }));
        m.put("is_grad_enabled", PyBuiltin.of("is_grad_enabled()", a -> GradMode.isEnabled()));
        m.put("is_tensor", PyBuiltin.of("is_tensor(obj)", a -> a[0] instanceof TensorObject));
        m.put("Size", PyBuiltin.of("Size(sizes=())", a -> new SizeObject(Args.shape(new Object[] {a[0]}))));
        m.put("cat", PyBuiltin.of("cat(tensors, dim=0)", a -> new TensorObject(ShapeOps.cat(tensors(a[0], "cat"), Args.integer(a[1])))));
        m.put("stack", PyBuiltin.of("stack(tensors, dim=0)", a -> new TensorObject(ShapeOps.stack(tensors(a[0], "stack"), Args.integer(a[1])))));
        m.put("where", PyBuiltin.of("where(condition, input, other)", a -> new TensorObject(Pointwise.where(
                Args.strictTensor(a[0], "where", "condition", 1), Args.tensor(a[1], "where"), Args.tensor(a[2], "where")))));
        m.put("maximum", PyBuiltin.of("maximum(input, other)", a -> new TensorObject(Pointwise.where(
                Pointwise.compare(Args.tensor(a[0], "maximum"), Args.tensor(a[1], "maximum"), ">="),
                Args.tensor(a[0], "maximum"), Args.tensor(a[1], "maximum")))));
        return m;
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

    interface SizedFactory {
        Tensor make(int[] shape, DType dtype, boolean requiresGrad);
    }

    interface LikeFactory {
        Tensor make(Tensor like, DType dtype, boolean requiresGrad);
    }

    private static PyBuiltin sized(String name, SizedFactory f) {
        return PyBuiltin.of(name + "(*size, dtype=None, device=None, requires_grad=False)",
                a -> new TensorObject(requiresGradIf(f.make(Args.shape(((PyTuple) a[0]).toArray()), Args.dtype(a[1], DType.FLOAT32),
                        false), a[3])));
    }

    private static PyBuiltin like(String name, LikeFactory f) {
        return PyBuiltin.of(name + "(input, *, dtype=None, device=None, requires_grad=False)", a -> {
            Tensor x = Args.strictTensor(a[0], name, "input", 1);
            return new TensorObject(requiresGradIf(f.make(x, Args.dtype(a[1], x.dtype()), false), a[3]));
        });
    }
}
