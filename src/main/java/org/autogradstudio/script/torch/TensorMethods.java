package org.autogradstudio.script.torch;

import java.util.HashMap;
import java.util.Map;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.ElementwiseOp;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.LinearAlgebra;
import org.autogradstudio.engine.Pointwise;
import org.autogradstudio.engine.Reductions;
import org.autogradstudio.engine.ShapeOps;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyTuple;
import org.autogradstudio.script.runtime.Signature;

/**
 * The {@code torch.Tensor} methods, each a PyTorch signature plus one line that calls the engine.
 * The {@code torch} module reuses the table: {@code torch.sin(x)} is {@code x.sin()}.
 */
final class TensorMethods {
    interface Impl {
        Object call(TensorObject self, Object[] a);
    }

    private record Method(Signature signature, Impl impl) {
    }

    private static final Map<String, Method> METHODS = new HashMap<>();

    private static void def(String signature, Impl impl) {
        Signature sig = Signature.parse(signature);
        METHODS.put(sig.name(), new Method(sig, impl));
    }

    private static Object t(Tensor t) {
        return new TensorObject(t);
    }

    private static Tensor arg(Object o, String fn) {
        return Args.tensor(o, fn);
    }

    static {
        // autograd
        def("backward(gradient=None, retain_graph=None, create_graph=False, inputs=None)", (s, a) -> {
            Tensor gradient = Py.isNone(a[0]) ? null : Args.strictTensor(a[0], "backward", "gradient", 1);
            s.tensor().backward(gradient, Py.isTrue(a[1]));
            return Py.NONE;
        });
        def("detach()", (s, a) -> t(s.tensor().detach()));
        def("requires_grad_(requires_grad=True)", (s, a) -> {
            if (Py.isTrue(a[0]) && !s.tensor().dtype().isFloatingPoint()) {
                throw Py.runtimeError("only Tensors of floating point dtype can require gradients");
            }
            s.tensor().requiresGrad_(Py.isTrue(a[0]));
            return s;
        });
        def("retain_grad()", (s, a) -> {
            s.tensor().retainGrad();
            return Py.NONE;
        });
        def("item()", (s, a) -> s.item());
        def("tolist()", (s, a) -> Py.fromJava(s.tensor().toList()));
        def("zero_()", (s, a) -> {
            s.tensor().zero_();
            return s;
        });
        def("fill_(value)", (s, a) -> {
            double[] v = new double[s.tensor().numel()];
            java.util.Arrays.fill(v, Args.number(a[0]));
            s.tensor().copyFrom(v);
            return s;
        });
        def("copy_(src)", (s, a) -> {
            Tensor src = arg(a[0], "copy_");
            Tensor expanded = ShapeOps.expand(src, s.tensor().shape());
            s.tensor().copyFrom(expanded.toArray());
            return s;
        });
        def("clone()", (s, a) -> t(ShapeOps.cloneRecorded(s.tensor())));
        def("contiguous()", (s, a) -> t(s.tensor().contiguous()));

        // arithmetic
        def("add(other, alpha=1)", (s, a) -> t(s.tensor().add(scaled(a[0], a[1], "add"))));
        def("sub(other, alpha=1)", (s, a) -> t(s.tensor().sub(scaled(a[0], a[1], "sub"))));
        def("mul(other)", (s, a) -> t(s.tensor().mul(arg(a[0], "mul"))));
        def("div(other)", (s, a) -> t(s.tensor().div(arg(a[0], "div"))));
        def("pow(exponent)", (s, a) -> a[0] instanceof TensorObject e ? t(Pointwise.pow(s.tensor(), e.tensor()))
                : t(Pointwise.powScalar(s.tensor(), Args.number(a[0]))));
        def("add_(other, alpha=1)", (s, a) -> inplace(s, ElementwiseOp.ADD, scaled(a[0], a[1], "add_")));
        def("sub_(other, alpha=1)", (s, a) -> inplace(s, ElementwiseOp.SUB, scaled(a[0], a[1], "sub_")));
        def("mul_(other)", (s, a) -> inplace(s, ElementwiseOp.MUL, arg(a[0], "mul_")));
        def("div_(other)", (s, a) -> inplace(s, ElementwiseOp.DIV, arg(a[0], "div_")));
        def("neg()", (s, a) -> t(s.tensor().neg()));
        def("exp()", (s, a) -> t(s.tensor().exp()));
        def("log()", (s, a) -> t(s.tensor().log()));
        def("sin()", (s, a) -> t(s.tensor().sin()));
        def("cos()", (s, a) -> t(s.tensor().cos()));
        def("tan()", (s, a) -> t(s.tensor().tan()));
        def("tanh()", (s, a) -> t(s.tensor().tanh()));
        def("sigmoid()", (s, a) -> t(s.tensor().sigmoid()));
        def("relu()", (s, a) -> t(s.tensor().relu()));
        def("abs()", (s, a) -> t(s.tensor().abs()));
        def("sqrt()", (s, a) -> t(s.tensor().sqrt()));
        def("reciprocal()", (s, a) -> t(s.tensor().reciprocal()));
        def("square()", (s, a) -> t(Pointwise.powScalar(s.tensor(), 2)));
        def("clamp(min=None, max=None)", (s, a) -> t(clamp(s.tensor(), a[0], a[1])));
        def("clip(min=None, max=None)", (s, a) -> t(clamp(s.tensor(), a[0], a[1])));

        // reductions
        def("sum(dim=None, keepdim=False, dtype=None)", (s, a) -> t(cast(reduce(s.tensor(), a[0], a[1], true), a[2])));
        def("mean(dim=None, keepdim=False, dtype=None)", (s, a) -> t(reduce(s.tensor(), a[0], a[1], false)));
        def("max(dim=None, keepdim=False)", (s, a) -> extreme(s.tensor(), a[0], a[1], true));
        def("min(dim=None, keepdim=False)", (s, a) -> extreme(s.tensor(), a[0], a[1], false));
        def("norm(p=2, dim=None, keepdim=False)", (s, a) -> t(Reductions.norm(s.tensor(), Args.number(a[0]))));
        def("argmax(dim=None, keepdim=False)", (s, a) -> argExtreme(s.tensor(), a[0], true));
        def("argmin(dim=None, keepdim=False)", (s, a) -> argExtreme(s.tensor(), a[0], false));
        def("all()", (s, a) -> t(Tensor.scalar(allOrAny(s.tensor(), true) ? 1 : 0, DType.BOOL)));
        def("any()", (s, a) -> t(Tensor.scalar(allOrAny(s.tensor(), false) ? 1 : 0, DType.BOOL)));

        // linear algebra
        def("matmul(other)", (s, a) -> t(s.tensor().matmul(Args.strictTensor(a[0], "matmul", "other", 1))));
        def("mm(mat2)", (s, a) -> t(LinearAlgebra.mm(s.tensor(), Args.strictTensor(a[0], "mm", "mat2", 1))));
        def("mv(vec)", (s, a) -> t(LinearAlgebra.mv(s.tensor(), Args.strictTensor(a[0], "mv", "vec", 1))));
        def("dot(other)", (s, a) -> t(LinearAlgebra.dot(s.tensor(), Args.strictTensor(a[0], "dot", "tensor", 1))));

        // shape
        def("t()", (s, a) -> t(s.tensor().t()));
        def("transpose(dim0, dim1)", (s, a) -> t(s.tensor().transpose(Args.integer(a[0]), Args.integer(a[1]))));
        def("permute(*dims)", (s, a) -> t(ShapeOps.permute(s.tensor(), Args.shape(((PyTuple) a[0]).toArray()))));
        def("reshape(*shape)", (s, a) -> t(s.tensor().reshape(Args.shape(((PyTuple) a[0]).toArray()))));
        def("view(*shape)", (s, a) -> t(s.tensor().view(Args.shape(((PyTuple) a[0]).toArray()))));
        def("expand(*sizes)", (s, a) -> t(ShapeOps.expand(s.tensor(), Args.shape(((PyTuple) a[0]).toArray()))));
        def("flatten()", (s, a) -> t(ShapeOps.flatten(s.tensor())));
        def("squeeze(dim=None)", (s, a) -> t(Py.isNone(a[0]) ? s.tensor().squeeze() : s.tensor().squeeze(Args.integer(a[0]))));
        def("unsqueeze(dim)", (s, a) -> t(s.tensor().unsqueeze(Args.integer(a[0]))));
        def("size(dim=None)", (s, a) -> Py.isNone(a[0]) ? new SizeObject(s.tensor().shape())
                : (Object) (long) s.tensor().size(Args.integer(a[0])));
        def("dim()", (s, a) -> (long) s.tensor().dim());
        def("ndimension()", (s, a) -> (long) s.tensor().dim());
        def("numel()", (s, a) -> (long) s.tensor().numel());
        def("nelement()", (s, a) -> (long) s.tensor().numel());

        // dtype
        def("float()", (s, a) -> t(s.tensor().toDType(DType.FLOAT32)));
        def("double()", (s, a) -> t(s.tensor().toDType(DType.FLOAT64)));
        def("long()", (s, a) -> t(s.tensor().toDType(DType.INT64)));
        def("int()", (s, a) -> t(s.tensor().toDType(DType.INT64)));
        def("bool()", (s, a) -> t(s.tensor().toDType(DType.BOOL)));
        def("to(dtype=None)", (s, a) -> Py.isNone(a[0]) || !(a[0] instanceof DTypeObject) ? s
                : t(s.tensor().toDType(Args.dtype(a[0], null))));
        def("type(dtype=None)", (s, a) -> Py.isNone(a[0]) ? "torch." + typeString(s.tensor().dtype())
                : t(s.tensor().toDType(Args.dtype(a[0], null))));
        def("is_floating_point()", (s, a) -> s.tensor().dtype().isFloatingPoint());

        // comparisons as methods
        for (String[] c : new String[][] {{"eq", "=="}, {"ne", "!="}, {"lt", "<"}, {"le", "<="}, {"gt", ">"}, {"ge", ">="}}) {
            def(c[0] + "(other)", (s, a) -> t(Pointwise.compare(s.tensor(), arg(a[0], c[0]), c[1])));
        }
    }

    private TensorMethods() {
    }

    static boolean has(String name) {
        return METHODS.containsKey(name);
    }

    static Object call(TensorObject self, String name, Object[] args, Map<String, Object> kwargs) {
        Method m = METHODS.get(name);
        if (m == null) {
            throw Py.attributeError("'Tensor' object has no attribute '" + name + "'");
        }
        try {
            return m.impl.call(self, m.signature.bind(args, kwargs));
        } catch (TorchException e) {
            throw TorchModule.toPython(e);
        }
    }

    private static Object inplace(TensorObject s, ElementwiseOp op, Tensor other) {
        s.tensor().inplace(op, other);
        return s;
    }

    private static Tensor scaled(Object other, Object alpha, String fn) {
        Tensor o = arg(other, fn);
        return alpha instanceof Long l && l == 1 ? o : o.mul(Args.tensor(alpha, fn));
    }

    static Tensor clamp(Tensor x, Object min, Object max) {
        if (Py.isNone(min) && Py.isNone(max)) {
            throw Py.runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        return x.clamp(Args.optionalNumber(min), Args.optionalNumber(max));
    }

    private static Tensor cast(Tensor t, Object dtype) {
        return Py.isNone(dtype) ? t : t.toDType(Args.dtype(dtype, t.dtype()));
    }

    private static Tensor reduce(Tensor x, Object dim, Object keepdim, boolean sum) {
        int[] dims = Args.dims(dim);
        if (dims == null) {
            return sum ? x.sum() : x.mean();
        }
        return sum ? x.sum(dims, Py.isTrue(keepdim)) : x.mean(dims, Py.isTrue(keepdim));
    }

    private static Object extreme(Tensor x, Object dim, Object keepdim, boolean max) {
        if (Py.isNone(dim)) {
            return t(Reductions.extreme(x, max));
        }
        Tensor[] r = Reductions.extreme(x, Args.integer(dim), Py.isTrue(keepdim), max);
        return new ReturnTypes(max ? "max" : "min", r[0], r[1]);
    }

    private static Object argExtreme(Tensor x, Object dim, boolean max) {
        if (Py.isNone(dim)) {
            double[] v = x.toArray();
            int best = 0;
            for (int i = 1; i < v.length; i++) {
                if (max ? v[i] > v[best] : v[i] < v[best]) {
                    best = i;
                }
            }
            return t(Tensor.scalar(best, DType.INT64));
        }
        boolean previous = GradMode.set(false);
        try {
            return t(Reductions.extreme(x, Args.integer(dim), false, max)[1]);
        } finally {
            GradMode.set(previous);
        }
    }

    private static boolean allOrAny(Tensor x, boolean all) {
        for (double v : x.toArray()) {
            if (all && v == 0) {
                return false;
            }
            if (!all && v != 0) {
                return true;
            }
        }
        return all;
    }

    private static String typeString(DType d) {
        switch (d) {
            case FLOAT64: return "DoubleTensor";
            case INT64: return "LongTensor";
            case BOOL: return "BoolTensor";
            default: return "FloatTensor";
        }
    }

    /** {@code x.data = y}: replaces the values without recording (shapes must agree here). */
    static void copyWithoutRecording(Tensor target, Tensor source) {
        boolean previous = GradMode.set(false);
        try {
            if (!java.util.Arrays.equals(target.shape(), source.shape())) {
                throw Py.runtimeError("x.data = y needs y of the same shape here: " + java.util.Arrays.toString(source.shape()));
            }
            target.copyFrom(source.toArray());
        } finally {
            GradMode.set(previous);
        }
    }

    /** A loss's {@code reduction} argument, checked as PyTorch does. */
    static String reduction(Object o) {
        String r = Py.isNone(o) ? "mean" : Py.str(o);
        if (!r.equals("mean") && !r.equals("sum") && !r.equals("none")) {
            throw Py.valueError(r + " is not a valid value for reduction");
        }
        return r;
    }
}
