package org.autogradstudio.script.torch;

import java.util.HashMap;
import java.util.Map;
import org.autogradstudio.engine.Classification;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.ElementwiseExtras;
import org.autogradstudio.engine.GroupReductions;
import org.autogradstudio.engine.ElementwiseOp;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.Index;
import org.autogradstudio.engine.LinearAlgebra;
import org.autogradstudio.engine.Pointwise;
import org.autogradstudio.engine.Reductions;
import org.autogradstudio.engine.Sorting;
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
    /**
     * The methods: each constant is a PyTorch signature, and {@link #create} holds its one line of
     * engine code. Loading the table creates no lambdas; a method's lambda is made on its first call.
     */
    interface Impl {
        Object call(TensorObject self, Object[] a);
    }

    enum M {
        // autograd
        BACKWARD("backward(gradient=None, retain_graph=None, create_graph=False, inputs=None)"),
        DETACH("detach()"),
        REQUIRES_GRAD_("requires_grad_(requires_grad=True)"),
        RETAIN_GRAD("retain_grad()"),
        REGISTER_HOOK("register_hook(hook)"),
        ITEM("item()"),
        TOLIST("tolist()"),
        NUMPY("numpy(*, force=False)"),
        UNIFORM_("uniform_(from=0, to=1)"),
        NORMAL_("normal_(mean=0, std=1)"),
        RANDOM_("random_(from=0, to=None, *, generator=None)"),
        ZERO_("zero_()"),
        FILL_("fill_(value)"),
        COPY_("copy_(src)"),
        CLONE("clone()"),
        CONTIGUOUS("contiguous()"),
        CPU("cpu()"),
        NEW_ZEROS("new_zeros(*size, dtype=None, requires_grad=False)"),
        NEW_ONES("new_ones(*size, dtype=None, requires_grad=False)"),
        NEW_FULL("new_full(size, fill_value, *, dtype=None, requires_grad=False)"),
        NEW_TENSOR("new_tensor(data, *, dtype=None, requires_grad=False)"),
        // arithmetic
        ADD("add(other, alpha=1)"),
        SUB("sub(other, alpha=1)"),
        MUL("mul(other)"),
        DIV("div(other)"),
        POW("pow(exponent)"),
        ADD_("add_(other, alpha=1)"),
        SUB_("sub_(other, alpha=1)"),
        MUL_("mul_(other)"),
        DIV_("div_(other)"),
        NEG("neg()"),
        EXP("exp()"),
        LOG("log()"),
        SIN("sin()"),
        COS("cos()"),
        TAN("tan()"),
        TANH("tanh()"),
        SIGMOID("sigmoid()"),
        RELU("relu()"),
        ABS("abs()"),
        SQRT("sqrt()"),
        RECIPROCAL("reciprocal()"),
        SQUARE("square()"),
        ROUND("round()"),
        FLOOR("floor()"),
        CEIL("ceil()"),
        TRUNC("trunc()"),
        SIGN("sign()"),
        FRAC("frac()"),
        LOG1P("log1p()"),
        EXPM1("expm1()"),
        ATAN("atan()"),
        ASIN("asin()"),
        ACOS("acos()"),
        SINH("sinh()"),
        COSH("cosh()"),
        ERF("erf()"),
        LEAKY_RELU("leaky_relu(negative_slope=0.01)"),
        MASKED_FILL("masked_fill(mask, value)"),
        TRIL("tril(diagonal=0)"),
        TRIU("triu(diagonal=0)"),
        NONZERO("nonzero(as_tuple=False)"),
        UNBIND("unbind(dim=0)"),
        DETACH_("detach_()"),
        CLAMP("clamp(min=None, max=None)"),
        CLAMP_("clamp_(min=None, max=None)"),
        CLAMP_MIN("clamp_min(min)"),
        CLAMP_MAX("clamp_max(max)"),
        ISFINITE("isfinite()"),
        ISNAN("isnan()"),
        ISINF("isinf()"),
        STRIDE("stride(dim=None)"),
        IS_CONTIGUOUS("is_contiguous()"),
        STORAGE_OFFSET("storage_offset()"),
        ELEMENT_SIZE("element_size()"),
        CLIP("clip(min=None, max=None)"),
        // reductions
        SUM("sum(dim=None, keepdim=False, dtype=None)"),
        MEAN("mean(dim=None, keepdim=False, dtype=None)"),
        MAX("max(dim=None, keepdim=False)"),
        MIN("min(dim=None, keepdim=False)"),
        NORM("norm(p='fro', dim=None, keepdim=False)"),
        PROD("prod(dim=None, keepdim=False, dtype=None)"),
        LOGSUMEXP("logsumexp(dim, keepdim=False)"),
        SORT("sort(dim=-1, descending=False)"),
        ARGSORT("argsort(dim=-1, descending=False)"),
        TOPK("topk(k, dim=-1, largest=True, sorted=True)"),
        MEDIAN("median(dim=None, keepdim=False)"),
        CHUNK("chunk(chunks, dim=0)"),
        SPLIT("split(split_size, dim=0)"),
        AMAX("amax(dim=(), keepdim=False)"),
        AMIN("amin(dim=(), keepdim=False)"),
        GATHER("gather(dim, index)"),
        INDEX_SELECT("index_select(dim, index)"),
        FLIP("flip(*dims)"),
        REPEAT("repeat(*sizes)"),
        NARROW("narrow(dim, start, length)"),
        CUMSUM("cumsum(dim, dtype=None)"),
        VAR("var(dim=None, unbiased=True, keepdim=False)"),
        STD("std(dim=None, unbiased=True, keepdim=False)"),
        SOFTMAX("softmax(dim)"),
        LOG_SOFTMAX("log_softmax(dim)"),
        ARGMAX("argmax(dim=None, keepdim=False)"),
        ARGMIN("argmin(dim=None, keepdim=False)"),
        ALL("all()"),
        ANY("any()"),
        // linear algebra
        MATMUL("matmul(other)"),
        MM("mm(mat2)"),
        MV("mv(vec)"),
        DOT("dot(other)"),
        // shape
        T("t()"),
        TRANSPOSE("transpose(dim0, dim1)"),
        PERMUTE("permute(*dims)"),
        RESHAPE("reshape(*shape)"),
        VIEW("view(*shape)"),
        EXPAND("expand(*sizes)"),
        FLATTEN("flatten(start_dim=0, end_dim=-1)"),
        SQUEEZE("squeeze(dim=None)"),
        UNSQUEEZE("unsqueeze(dim)"),
        SIZE("size(dim=None)"),
        DIM("dim()"),
        NDIMENSION("ndimension()"),
        NUMEL("numel()"),
        NELEMENT("nelement()"),
        // dtype
        FLOAT("float()"),
        DOUBLE("double()"),
        LONG("long()"),
        INT("int()"),
        BOOL("bool()"),
        TO("to(*args, dtype=None, device=None, non_blocking=False, copy=False)"),
        CUDA("cuda(device=None, non_blocking=False)"),
        TYPE("type(dtype=None)"),
        IS_FLOATING_POINT("is_floating_point()"),
        // comparisons as methods
        EQ("eq(other)", "=="),
        NE("ne(other)", "!="),
        LT("lt(other)", "<"),
        LE("le(other)", "<="),
        GT("gt(other)", ">"),
        GE("ge(other)", ">=");

        private final String text;
        /** The comparison operator of eq/ne/lt/le/gt/ge, else null. */
        final String symbol;
        final String pyName;
        /** Parsed on first use (immutable, so a racy first parse is harmless). */
        private Signature signature;
        /** Created on first use by {@link #create}; racy creation is harmless too. */
        private Impl impl;

        M(String text) {
            this(text, null);
        }

        M(String text, String symbol) {
            this.text = text;
            this.symbol = symbol;
            this.pyName = text.substring(0, text.indexOf('('));
        }

        Impl impl() {
            Impl i = impl;
            if (i == null) {
                i = create(this);
                impl = i;
            }
            return i;
        }

        Signature signature() {
            Signature s = signature;
            if (s == null) {
                s = Signature.parse(text);
                signature = s;
            }
            return s;
        }
    }

    private static final Map<String, M> METHODS = new HashMap<>();

    static {
        for (M m : M.values()) {
            METHODS.put(m.pyName, m);
        }
    }

    /** {@code nonzero(as_tuple=True)} and {@code torch.where(condition)}: a tuple of index tensors, one per dimension. */
    static Object nonzeroTuple(Tensor t) {
        Tensor[] per = org.autogradstudio.engine.Indexing.nonzeroPerDimension(t);
        Object[] items = new Object[per.length];
        for (int i = 0; i < per.length; i++) {
            items[i] = new TensorObject(per[i]);
        }
        return new PyTuple(items);
    }

    private static Object t(Tensor t) {
        return new TensorObject(t);
    }

    private static Tensor arg(Object o, String fn) {
        return Args.tensor(o, fn);
    }

    /**
     * The code of a method, created when a script first calls it: a lambda per method, but only
     * the methods a script uses spin a class, and each is its own small unit for the JIT.
     */
    private static Impl create(M m) {
        switch (m) {
            // autograd
            case BACKWARD: return (s, a) -> {
                TorchModule.refuseUnsupportedBackward("Tensor.backward", a[3]);
                Tensor gradient = Py.isNone(a[0]) ? null : Args.strictTensor(a[0], "backward", "gradient", 1);
                try {
                    TorchModule.backward(new Tensor[] {s.tensor()}, new Tensor[] {gradient}, a[1], a[2]);
                } catch (TorchException e) {
                    throw TorchFrames.backward(e, true);
                }
                return Py.NONE;
            };
            case DETACH: return (s, a) -> t(s.tensor().detach());
            case REQUIRES_GRAD_: return (s, a) -> {
                if (Py.isTrue(a[0]) && !s.tensor().dtype().isFloatingPoint()) {
                    throw Py.runtimeError("only Tensors of floating point dtype can require gradients");
                }
                s.tensor().requiresGrad_(Py.isTrue(a[0]));
                return s;
            };
            case RETAIN_GRAD: return (s, a) -> {
                s.tensor().retainGrad();
                return Py.NONE;
            };
            case REGISTER_HOOK: return (s, a) -> {
                Object hook = a[0];
                Runnable remove = org.autogradstudio.engine.TensorHooks.register(s.tensor(), g -> {
                    Object r = org.autogradstudio.script.runtime.Ops.call(hook, new Object[] {new TensorObject(g)}, Py.NO_KWARGS);
                    return Py.isNone(r) ? null : Args.strictTensor(r, "hook", "grad", 1);
                }, Py.str(org.autogradstudio.script.runtime.Ops.getAttr(hook, "__name__")));
                return new RemovableHandle(remove);
            };
            case ITEM: return (s, a) -> s.item();
            case TOLIST: return (s, a) -> Py.fromJava(s.tensor().toList());
            case NUMPY: return (s, a) -> {
                if (GradMode.isEnabled() && s.tensor().requiresGrad() && !Py.isTrue(a[0])) {
                    throw Py.runtimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
                }
                throw Py.runtimeError("Numpy is not available: Autograd Studio has no NumPy;"
                        + " use .tolist() or .item() for Python numbers");
            };
            case UNIFORM_: return (s, a) -> {
                org.autogradstudio.engine.Creation.uniform_(s.tensor(), Args.number(a[0]), Args.number(a[1]));
                return s;
            };
            case NORMAL_: return (s, a) -> {
                org.autogradstudio.engine.Creation.normal_(s.tensor(), Args.number(a[0]), Args.number(a[1]));
                return s;
            };
            case RANDOM_: return (s, a) -> {
                org.autogradstudio.engine.Creation.random_(s.tensor(), Py.toLong(a[0]), Py.isNone(a[1]) ? null : Py.toLong(a[1]),
                        GeneratorObject.of(a[2]));
                return s;
            };
            case ZERO_: return (s, a) -> {
                s.tensor().zero_();
                return s;
            };
            case FILL_: return (s, a) -> {
                org.autogradstudio.engine.Creation.fill_(s.tensor(), Args.number(a[0]));
                return s;
            };
            case COPY_: return (s, a) -> {
                Tensor src = arg(a[0], "copy_");
                Tensor expanded = ShapeOps.expand(src, s.tensor().shape());
                s.tensor().copyFrom(expanded.toArray());
                return s;
            };
            case CLONE: return (s, a) -> t(ShapeOps.cloneRecorded(s.tensor()));
            case CONTIGUOUS: return (s, a) -> t(s.tensor().contiguous());
            case CPU: return (s, a) -> s;
            case NEW_ZEROS:
            case NEW_ONES: {
                double value = m == M.NEW_ONES ? 1 : 0;
                return (s, a) -> t(newTensor(org.autogradstudio.engine.Creation.full(Args.shape(((PyTuple) a[0]).toArray()), value,
                        Args.dtype(a[1], s.tensor().dtype()), false), a[2]));
            }
            case NEW_FULL: return (s, a) -> t(newTensor(org.autogradstudio.engine.Creation.full(Args.shape(new Object[] {a[0]}),
                    Args.number(a[1]), Args.dtype(a[2], s.tensor().dtype()), false), a[3]));
            case NEW_TENSOR: return (s, a) -> t(newTensor(TensorLiteral.build(a[0], Args.dtype(a[1], s.tensor().dtype())), a[2]));

            // arithmetic
            case ADD: return (s, a) -> t(s.tensor().add(scaled(a[0], a[1], "add")));
            case SUB: return (s, a) -> t(s.tensor().sub(scaled(a[0], a[1], "sub")));
            case MUL: return (s, a) -> t(s.tensor().mul(arg(a[0], "mul")));
            case DIV: return (s, a) -> t(s.tensor().div(arg(a[0], "div")));
            case POW: return (s, a) -> a[0] instanceof TensorObject e ? t(Pointwise.pow(s.tensor(), e.tensor()))
                    : t(Pointwise.powScalar(s.tensor(), Args.number(a[0])));
            case ADD_: return (s, a) -> inplace(s, ElementwiseOp.ADD, scaled(a[0], a[1], "add_"));
            case SUB_: return (s, a) -> inplace(s, ElementwiseOp.SUB, scaled(a[0], a[1], "sub_"));
            case MUL_: return (s, a) -> inplace(s, ElementwiseOp.MUL, arg(a[0], "mul_"));
            case DIV_: return (s, a) -> inplace(s, ElementwiseOp.DIV, arg(a[0], "div_"));
            case NEG: return (s, a) -> t(s.tensor().neg());
            case EXP: return (s, a) -> t(s.tensor().exp());
            case LOG: return (s, a) -> t(s.tensor().log());
            case SIN: return (s, a) -> t(s.tensor().sin());
            case COS: return (s, a) -> t(s.tensor().cos());
            case TAN: return (s, a) -> t(s.tensor().tan());
            case TANH: return (s, a) -> t(s.tensor().tanh());
            case SIGMOID: return (s, a) -> t(s.tensor().sigmoid());
            case RELU: return (s, a) -> t(s.tensor().relu());
            case ABS: return (s, a) -> t(s.tensor().abs());
            case SQRT: return (s, a) -> t(s.tensor().sqrt());
            case RECIPROCAL: return (s, a) -> t(s.tensor().reciprocal());
            case SQUARE: return (s, a) -> t(Pointwise.powScalar(s.tensor(), 2));
            case ROUND: case FLOOR: case CEIL: case TRUNC: case SIGN: case FRAC: case LOG1P: case EXPM1: case ATAN:
            case ASIN: case ACOS: case SINH: case COSH: case ERF: {
                ElementwiseExtras.Fn fn = ElementwiseExtras.Fn.valueOf(m.name());
                return (s, a) -> t(ElementwiseExtras.apply(fn, s.tensor()));
            }
            case LEAKY_RELU: return (s, a) -> t(ElementwiseExtras.leakyRelu(s.tensor(), Args.number(a[0])));
            case UNBIND: return (s, a) -> unbind(s.tensor(), Args.integer(a[0]));
            case DETACH_: return (s, a) -> {
                try {
                    s.tensor().detach_();
                } catch (org.autogradstudio.engine.TorchException e) {
                    throw TorchModule.toPython(e);
                }
                return s;
            };
            case TRIL: return (s, a) -> t(org.autogradstudio.engine.Triangular.tril(s.tensor(), Args.integer(a[0])));
            case TRIU: return (s, a) -> t(org.autogradstudio.engine.Triangular.triu(s.tensor(), Args.integer(a[0])));
            case NONZERO: return (s, a) -> Py.isTrue(a[0]) ? nonzeroTuple(s.tensor())
                    : t(org.autogradstudio.engine.Indexing.nonzero(s.tensor()));
            case MASKED_FILL: return (s, a) -> t(ElementwiseExtras.maskedFill(s.tensor(),
                    Args.strictTensor(a[0], "masked_fill", "mask", 1), Args.number(a[1] instanceof TensorObject v ? v.item() : a[1])));
            case CLAMP_: return (s, a) -> {
                s.tensor().copyFrom(clamp(s.tensor().detach(), a[0], a[1]).toArray());
                return s;
            };
            case CLAMP_MIN: return (s, a) -> t(ElementwiseExtras.clampMin(s.tensor(), Args.number(a[0])));
            case CLAMP_MAX: return (s, a) -> t(ElementwiseExtras.clampMax(s.tensor(), Args.number(a[0])));
            case ISFINITE:
            case ISNAN:
            case ISINF: {
                java.util.function.DoublePredicate test = m == M.ISFINITE ? Double::isFinite : m == M.ISNAN ? Double::isNaN : Double::isInfinite;
                return (s, a) -> {
                    double[] v = s.tensor().toArray();
                    double[] out = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        out[i] = test.test(v[i]) ? 1 : 0;
                    }
                    return t(Tensor.of(out, s.tensor().shape(), DType.BOOL));
                };
            }
            case STRIDE: return (s, a) -> {
                int[] st = s.tensor().strides();
                if (!Py.isNone(a[0])) {
                    return (long) st[org.autogradstudio.engine.Shape.wrapDim(Args.integer(a[0]), Math.max(1, st.length))];
                }
                Object[] items = new Object[st.length];
                for (int i = 0; i < st.length; i++) {
                    items[i] = (long) st[i];
                }
                return new PyTuple(items);
            };
            case IS_CONTIGUOUS: return (s, a) -> s.tensor().isContiguous();
            case STORAGE_OFFSET: return (s, a) -> (long) s.tensor().storageOffset();
            case ELEMENT_SIZE: return (s, a) -> (long) (s.tensor().dtype() == DType.FLOAT64 || s.tensor().dtype() == DType.INT64 ? 8
                    : s.tensor().dtype() == DType.BOOL ? 1 : 4);
            case CLAMP:
            case CLIP:
                return (s, a) -> t(clamp(s.tensor(), a[0], a[1]));

            // reductions
            case SUM: return (s, a) -> t(cast(reduce(s.tensor(), a[0], a[1], true), a[2]));
            case MEAN: return (s, a) -> t(reduce(s.tensor(), a[0], a[1], false));
            case MAX: return (s, a) -> extreme(s.tensor(), a[0], a[1], true);
            case MIN: return (s, a) -> extreme(s.tensor(), a[0], a[1], false);
            case NORM: return (s, a) -> t(norm(s.tensor(), a[0], a[1], a[2]));
            case PROD: return (s, a) -> t(cast(GroupReductions.prod(s.tensor(), Py.isNone(a[0]) ? null : Args.integer(a[0]),
                    Py.isTrue(a[1])), a[2]));
            case SORT: return (s, a) -> sorted("sort", Sorting.sort(s.tensor(), Args.integer(a[0]), Py.isTrue(a[1])));
            case ARGSORT: return (s, a) -> t(Sorting.argsort(s.tensor(), Args.integer(a[0]), Py.isTrue(a[1])));
            case TOPK: return (s, a) -> sorted("topk", Sorting.topk(s.tensor(), Args.integer(a[0]), Args.integer(a[1]), Py.isTrue(a[2])));
            case MEDIAN: return (s, a) -> Py.isNone(a[0]) ? t(Sorting.median(s.tensor()))
                    : sorted("median", Sorting.median(s.tensor(), Args.integer(a[0]), Py.isTrue(a[1])));
            case CHUNK: return (s, a) -> {
                int chunks = Args.integer(a[0]);
                if (chunks <= 0) {
                    throw Py.runtimeError("chunk expects `chunks` to be greater than 0, got: " + chunks);
                }
                int dim = Args.integer(a[1]);
                int size = s.tensor().size(dim);
                return pieces(s.tensor(), dim, Math.max(1, (size + chunks - 1) / chunks), null, "SplitBackward0");
            };
            case SPLIT: return (s, a) -> {
                int dim = Args.integer(a[1]);
                if (Args.isSequence(a[0])) {
                    return pieces(s.tensor(), dim, 0, Args.shape(Args.sequence(a[0]).toArray()), "SplitWithSizesBackward0");
                }
                return pieces(s.tensor(), dim, Args.integer(a[0]), null, "SplitBackward0");
            };
            case LOGSUMEXP: return (s, a) -> t(GroupReductions.logsumexp(s.tensor(), Args.dims(a[0]), Py.isTrue(a[1])));
            case AMAX:
            case AMIN: {
                boolean max = m == M.AMAX;
                return (s, a) -> {
                    int[] dims = Args.dims(a[0]);
                    return t(GroupReductions.amax(s.tensor(), dims == null || dims.length == 0 ? null : dims, Py.isTrue(a[1]), max));
                };
            }
            case GATHER: return (s, a) -> t(org.autogradstudio.engine.Selections.gather(s.tensor(), Args.integer(a[0]),
                    Args.strictTensor(a[1], "gather", "index", 2)));
            case INDEX_SELECT: return (s, a) -> t(org.autogradstudio.engine.Selections.indexSelect(s.tensor(), Args.integer(a[0]),
                    Args.strictTensor(a[1], "index_select", "index", 2)));
            case FLIP: return (s, a) -> t(org.autogradstudio.engine.Selections.flip(s.tensor(), Args.shape(((PyTuple) a[0]).toArray())));
            case REPEAT: return (s, a) -> t(org.autogradstudio.engine.Selections.repeat(s.tensor(), Args.shape(((PyTuple) a[0]).toArray())));
            case NARROW: return (s, a) -> t(narrow(s.tensor(), Args.integer(a[0]), Py.toLong(a[1]), Py.toLong(a[2])));
            case CUMSUM: return (s, a) -> t(cast(GroupReductions.cumsum(s.tensor(), Args.integer(a[0])), a[1]));
            case VAR: return (s, a) -> t(moment(s.tensor(), a, false));
            case STD: return (s, a) -> t(moment(s.tensor(), a, true));
            case SOFTMAX: return (s, a) -> t(Classification.softmax(s.tensor(), Args.integer(a[0])));
            case LOG_SOFTMAX: return (s, a) -> t(Classification.logSoftmax(s.tensor(), Args.integer(a[0])));
            case ARGMAX: return (s, a) -> argExtreme(s.tensor(), a[0], true);
            case ARGMIN: return (s, a) -> argExtreme(s.tensor(), a[0], false);
            case ALL: return (s, a) -> t(Tensor.scalar(allOrAny(s.tensor(), true) ? 1 : 0, DType.BOOL));
            case ANY: return (s, a) -> t(Tensor.scalar(allOrAny(s.tensor(), false) ? 1 : 0, DType.BOOL));

            // linear algebra
            case MATMUL: return (s, a) -> t(s.tensor().matmul(Args.strictTensor(a[0], "matmul", "other", 1)));
            case MM: return (s, a) -> t(LinearAlgebra.mm(s.tensor(), Args.strictTensor(a[0], "mm", "mat2", 1)));
            case MV: return (s, a) -> t(LinearAlgebra.mv(s.tensor(), Args.strictTensor(a[0], "mv", "vec", 1)));
            case DOT: return (s, a) -> t(LinearAlgebra.dot(s.tensor(), Args.strictTensor(a[0], "dot", "tensor", 1)));

            // shape
            case T: return (s, a) -> t(s.tensor().t());
            case TRANSPOSE: return (s, a) -> t(s.tensor().transpose(Args.integer(a[0]), Args.integer(a[1])));
            case PERMUTE: return (s, a) -> t(ShapeOps.permute(s.tensor(), Args.shape(((PyTuple) a[0]).toArray())));
            case RESHAPE: return (s, a) -> t(s.tensor().reshape(Args.shape(((PyTuple) a[0]).toArray())));
            case VIEW: return (s, a) -> t(s.tensor().view(Args.shape(((PyTuple) a[0]).toArray())));
            case EXPAND: return (s, a) -> t(ShapeOps.expand(s.tensor(), Args.shape(((PyTuple) a[0]).toArray())));
            case FLATTEN: return (s, a) -> {
                Tensor x = flatten(s.tensor(), Args.integer(a[0]), Args.integer(a[1]));
                return x == s.tensor() ? s : t(x);
            };
            case SQUEEZE: return (s, a) -> t(Py.isNone(a[0]) ? s.tensor().squeeze() : s.tensor().squeeze(Args.integer(a[0])));
            case UNSQUEEZE: return (s, a) -> t(s.tensor().unsqueeze(Args.integer(a[0])));
            case SIZE: return (s, a) -> Py.isNone(a[0]) ? new SizeObject(s.tensor().shape())
                    : (Object) (long) s.tensor().size(Args.integer(a[0]));
            case DIM:
            case NDIMENSION:
                return (s, a) -> (long) s.tensor().dim();
            case NUMEL:
            case NELEMENT:
                return (s, a) -> (long) s.tensor().numel();

            // dtype
            case FLOAT: return (s, a) -> t(s.tensor().toDType(DType.FLOAT32));
            case DOUBLE: return (s, a) -> t(s.tensor().toDType(DType.FLOAT64));
            case LONG:
            case INT:
                return (s, a) -> t(s.tensor().toDType(DType.INT64));
            case BOOL: return (s, a) -> t(s.tensor().toDType(DType.BOOL));
            case TO: return (s, a) -> {
                // to(dtype), to(device), to(device, dtype), to(other), or the same by keyword
                DType target = Py.isNone(a[1]) ? null : Args.dtype(a[1], null);
                DeviceObject.requireCpu(a[2]);
                for (Object o : ((PyTuple) a[0]).toArray()) {
                    if (o instanceof DTypeObject d) {
                        target = d.dtype();
                    } else if (o instanceof TensorObject other) {
                        target = other.tensor().dtype();
                    } else {
                        DeviceObject.requireCpu(o);
                    }
                }
                return target == null || target == s.tensor().dtype() ? s : t(s.tensor().toDType(target));
            };
            case CUDA: return (s, a) -> {
                throw new org.autogradstudio.script.runtime.PyException("AssertionError", "Torch not compiled with CUDA enabled");
            };
            case TYPE: return (s, a) -> Py.isNone(a[0]) ? "torch." + typeString(s.tensor().dtype())
                    : t(s.tensor().toDType(Args.dtype(a[0], null)));
            case IS_FLOATING_POINT: return (s, a) -> s.tensor().dtype().isFloatingPoint();

            // comparisons as methods
            case EQ:
            case NE:
            case LT:
            case LE:
            case GT:
            case GE:
                return (s, a) -> t(Pointwise.compare(s.tensor(), arg(a[0], m.pyName), m.symbol));
            default:
                throw new AssertionError(m);
        }
    }

    private TensorMethods() {
    }

    static boolean has(String name) {
        return METHODS.containsKey(name);
    }

    /** The method names, for {@code dir(tensor)}. */
    static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(METHODS.keySet());
    }

    static Object call(TensorObject self, String name, Object[] args, Map<String, Object> kwargs) {
        M m = METHODS.get(name);
        if (m == null) {
            throw Py.noAttribute(self, name);
        }
        return call(self, m, args, kwargs);
    }

    /** The method of a name known to be one (the {@code torch.sin} functions resolve it once). */
    static M method(String name) {
        M m = METHODS.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no tensor method " + name);
        }
        return m;
    }

    static Object call(TensorObject self, M m, Object[] args, Map<String, Object> kwargs) {
        try {
            return m.impl().call(self, m.signature().bind(args, kwargs));
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

    private static Object sorted(String name, Sorting.Sorted r) {
        return new ReturnTypes(name, r.values(), r.indices());
    }

    /**
     * {@code split}/{@code chunk}: views along dim of {@code size} elements each (the last shorter)
     * or of the given {@code sizes}, each recorded under PyTorch's name for the split.
     */
    /** {@code unbind(dim)}: the slices along dim, that dimension removed, each recorded as PyTorch's UnbindBackward0. */
    private static PyTuple unbind(Tensor x, int dim) {
        if (x.dim() == 0) {
            throw Py.indexError("Dimension specified as " + dim + " but tensor has no dimensions");
        }
        int d = org.autogradstudio.engine.Shape.wrapDim(dim, x.dim());
        Object[] out = new Object[x.size(d)];
        for (int i = 0; i < out.length; i++) {
            out[i] = t(org.autogradstudio.engine.Indexing.get(x, Index.along(d, Index.at(i)), "UnbindBackward0"));
        }
        return new PyTuple(out);
    }

    private static PyTuple pieces(Tensor x, int dim, int size, int[] sizes, String name) {
        int d = org.autogradstudio.engine.Shape.wrapDim(dim, Math.max(1, x.dim()));
        int total = x.size(d);
        if (sizes == null) {
            if (size <= 0) {
                throw Py.runtimeError("split_size can only be 0 if dimension size is 0, but got dimension size of " + total);
            }
            int n = Math.max(1, (total + size - 1) / size);
            sizes = new int[n];
            for (int i = 0; i < n; i++) {
                sizes[i] = Math.min(size, total - i * size);
            }
        } else if (java.util.Arrays.stream(sizes).sum() != total) {
            throw Py.runtimeError("split_with_sizes expects split_sizes to sum exactly to " + total + " (input tensor's size at"
                    + " dimension " + d + "), but got split_sizes=" + java.util.Arrays.toString(sizes));
        }
        Object[] out = new Object[sizes.length];
        int start = 0;
        for (int i = 0; i < sizes.length; i++) {
            out[i] = t(org.autogradstudio.engine.Indexing.get(x, Index.along(d, Index.slice((long) start, (long) start + sizes[i], null)),
                    name));
            start += sizes[i];
        }
        return new PyTuple(out);
    }

    /** {@code narrow(dim, start, length)}: the view {@code x[:, ..., start:start + length]} (SliceBackward0). */
    private static Tensor narrow(Tensor x, int dim, long start, long length) {
        int d = org.autogradstudio.engine.Shape.wrapDim(dim, Math.max(1, x.dim()));
        int size = x.size(d);
        long begin = start < 0 ? start + size : start;
        if (begin < 0 || begin > size || length < 0 || begin + length > size) {
            throw Py.runtimeError("start (" + start + ") + length (" + length + ") exceeds dimension size (" + size + ").");
        }
        return org.autogradstudio.engine.Indexing.get(x, Index.along(d, Index.slice(begin, begin + length, null)));
    }

    /** A {@code new_*} tensor with its {@code requires_grad=}. */
    private static Tensor newTensor(Tensor t, Object requiresGrad) {
        return Py.isTrue(requiresGrad) ? TorchModule.requiringGrad(t) : t;
    }

    /** {@code flatten(start_dim, end_dim)}: a reshape merging those dims; the tensor itself when there is nothing to merge. */
    private static Tensor flatten(Tensor x, int startDim, int endDim) {
        int rank = x.dim();
        if (rank == 0) {
            return x.reshape(1);
        }
        int start = org.autogradstudio.engine.Shape.wrapDim(startDim, rank);
        int end = org.autogradstudio.engine.Shape.wrapDim(endDim, rank);
        if (start > end) {
            throw Py.runtimeError("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (start == end) {
            return x;
        }
        int[] shape = x.shape();
        int[] out = new int[rank - (end - start)];
        int merged = 1;
        for (int d = start; d <= end; d++) {
            merged *= shape[d];
        }
        for (int d = 0, j = 0; d < rank; d++) {
            if (d < start || d > end) {
                out[j++] = shape[d];
            } else if (d == start) {
                out[j++] = merged;
            }
        }
        return x.reshape(out);
    }

    /** {@code norm(p, dim, keepdim)}: p a number, inf, or 'fro' (2); over all elements when dim is None. */
    private static Tensor norm(Tensor x, Object p, Object dim, Object keepdim) {
        double order = p instanceof String name ? froOrder(name) : Args.number(p);
        return GroupReductions.norm(x, order, Args.dims(dim), Py.isTrue(keepdim));
    }

    private static double froOrder(String name) {
        if (!name.equals("fro")) {
            throw Py.runtimeError("linalg.vector_norm: Expected a numeric order, but got '" + name + "'");
        }
        return 2;
    }

    /** {@code var}/{@code std}(dim, unbiased, keepdim); {@code x.var(False)} passes unbiased alone, as PyTorch allows. */
    private static Tensor moment(Tensor x, Object[] a, boolean std) {
        Object dim = a[0], unbiased = a[1];
        if (dim instanceof Boolean b) {
            unbiased = b;
            dim = Py.NONE;
        }
        int[] dims = Args.dims(dim);
        double correction = Py.isTrue(unbiased) ? 1 : 0;
        return std ? GroupReductions.std(x, dims, correction, Py.isTrue(a[2])) : GroupReductions.var(x, dims, correction, Py.isTrue(a[2]));
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

    /** The legacy tensor type name: {@code FloatTensor}, {@code DoubleTensor} ... ({@code x.type()} adds {@code torch.}). */
    static String typeString(DType d) {
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
