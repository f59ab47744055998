package org.autogradstudio.script.torch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.ElementwiseOp;
import org.autogradstudio.engine.Index;
import org.autogradstudio.engine.Indexing;
import org.autogradstudio.engine.Pointwise;
import org.autogradstudio.engine.ShapeOps;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.script.PyFormat;
import org.autogradstudio.script.interp.Warnings;
import org.autogradstudio.script.runtime.BinaryOp;
import org.autogradstudio.script.runtime.CompareOp;
import org.autogradstudio.script.runtime.HostType;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyTuple;
import org.autogradstudio.script.runtime.PyType;
import org.autogradstudio.script.runtime.Slice;
import org.autogradstudio.script.runtime.UnaryOp;

/**
 * A {@code torch.Tensor} as scripts see it: attributes ({@code grad}, {@code grad_fn}, {@code is_leaf},
 * {@code requires_grad} ...), operators with Python's protocol, indexing, and the methods in
 * {@link TensorMethods}. The wrapper is thin: all semantics live in the engine's {@link Tensor}.
 */
public final class TensorObject implements PyObject {
    static final HostType TYPE = new HostType("Tensor", o -> o instanceof TensorObject,
            LegacyConstructors.tensorConstructor()).inModule("torch");
    /** {@code torch.nn.Parameter}: a tensor a module registers; what any op on it gives is a plain Tensor. */
    static final HostType PARAMETER_TYPE = new HostType("Parameter", o -> o instanceof TensorObject t && t.parameter,
            PyBuiltin.of("Parameter(data=None, requires_grad=True)", a -> parameter(a[0], a[1])), TYPE)
            .inModule("torch.nn.parameter");

    private final Tensor tensor;
    /** Whether this is an {@code nn.Parameter} (its repr says so; modules register it). */
    private final boolean parameter;

    TensorObject(Tensor tensor) {
        this(tensor, false);
    }

    TensorObject(Tensor tensor, boolean parameter) {
        this.tensor = tensor;
        this.parameter = parameter;
    }

    boolean isParameter() {
        return parameter;
    }

    /** {@code nn.Parameter(data, requires_grad)}: a new leaf sharing {@code data}'s memory. */
    private static Object parameter(Object data, Object requiresGrad) {
        Tensor d = Py.isNone(data) ? org.autogradstudio.engine.Creation.zeros(new int[] {0}, DType.FLOAT32, false)
                : Args.strictTensor(data, "Parameter", "data", 1).detach();
        try {
            d.requiresGrad_(Py.isTrue(requiresGrad));
        } catch (org.autogradstudio.engine.TorchException e) {
            throw TorchModule.toPython(e);
        }
        return new TensorObject(d, true);
    }

    /**
     * PyTorch's {@code Tensor.__deepcopy__}: a leaf with a copy of the values, the same
     * requires_grad and a copy of its grad; Parameters stay Parameters. Results of operations refuse.
     */
    @Override
    public Object deepCopy(java.util.function.UnaryOperator<Object> copyMember) {
        if (!tensor.isLeaf()) {
            throw Py.runtimeError("Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment");
        }
        Tensor copy = Tensor.of(tensor.toArray(), tensor.shape(), tensor.dtype());
        if (tensor.requiresGrad()) {
            copy.requiresGrad_(true);
        }
        if (tensor.grad() != null) {
            copy.setGrad(((TensorObject) copyMember.apply(new TensorObject(tensor.grad()))).tensor());
        }
        return new TensorObject(copy, parameter);
    }

    /** The engine tensor behind this script value. */
    public Tensor tensor() {
        return tensor;
    }

    static Object wrap(Tensor t) {
        return t == null ? Py.NONE : new TensorObject(t);
    }

    @Override
    public String typeName() {
        return parameter ? "Parameter" : "Tensor";
    }

    @Override
    public PyType type() {
        return parameter ? PARAMETER_TYPE : TYPE;
    }

    // ---- attributes ---------------------------------------------------------------------------

    @Override
    public Object getAttr(String name) {
        switch (name) {
            case "grad": {
                Tensor g = tensor.grad();
                if (g == null && !tensor.isLeaf() && !tensor.retainsGrad()) {
                    Warnings.warn("UserWarning", NON_LEAF_GRAD);
                }
                return wrap(g);
            }
            case "grad_fn": return GradFnObject.of(tensor.gradFn());
            case "is_leaf": return tensor.isLeaf();
            case "requires_grad": return tensor.requiresGrad();
            case "data": return new TensorObject(tensor.detach());
            case "shape": return new SizeObject(tensor.shape());
            case "dtype": return DTypeObject.of(tensor.dtype());
            case "ndim": return (long) tensor.dim();
            case "T": return new TensorObject(reverseDims(tensor));
            case "retains_grad": return tensor.retainsGrad();
            case "device": return DeviceObject.CPU;
            case "is_cuda": return false;
            default:
                return TensorMethods.has(name) ? new PyBuiltin(name, (a, k) -> callMethod(name, a, k)) : null;
        }
    }

    /** {@code x.T}: PyTorch records it as a permute (PermuteBackward0) whatever the rank. */
    static Tensor reverseDims(Tensor t) {
        if (t.dim() < 2) {
            return t;
        }
        int[] dims = new int[t.dim()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = dims.length - 1 - i;
        }
        return ShapeOps.permute(t, dims);
    }

    @Override
    public void setAttr(String name, Object value) {
        switch (name) {
            case "requires_grad":
                tensor.requiresGrad_(Py.isTrue(value));  // engine's wording is the attribute's
                return;
            case "grad":
                if (Py.isNone(value)) {
                    tensor.setGrad(null);
                } else if (value instanceof TensorObject g) {
                    tensor.setGrad(g.tensor);
                } else {
                    throw Py.typeError("assigned grad expected to be a Tensor or None but got grad of type "
                            + Py.typeName(value));
                }
                return;
            case "data":
                if (!(value instanceof TensorObject v)) {
                    throw Py.typeError("Variable data has to be a tensor, but got " + Py.typeName(value));
                }
                TensorMethods.copyWithoutRecording(tensor, v.tensor);
                return;
            default:
                throw Py.noAttribute(this, name);
        }
    }

    /** PyTorch 1.13's warning (TensorBody.h) on reading the grad of a non-leaf that does not retain it. */
    static final String NON_LEAF_GRAD = "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
            + "attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for "
            + "a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make "
            + "sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations. "
            + "(Triggered internally at  ./build/aten/src/ATen/core/TensorBody.h:480.)";

    /** The attributes {@link #getAttr} answers, then the methods. */
    private static final java.util.List<String> ATTRIBUTES = java.util.List.of("grad", "grad_fn", "is_leaf",
            "requires_grad", "data", "shape", "dtype", "ndim", "T", "retains_grad", "device", "is_cuda");

    @Override
    public java.util.Collection<String> dirNames() {
        java.util.List<String> names = new java.util.ArrayList<>(ATTRIBUTES);
        names.addAll(TensorMethods.names());
        return names;
    }

    @Override
    public Object callMethod(String name, Object[] args, Map<String, Object> kwargs) {
        return TensorMethods.call(this, name, args, kwargs);
    }

    // ---- operators ----------------------------------------------------------------------------

    @Override
    public Object binaryOp(BinaryOp op, Object other) {
        Tensor o = Args.tensorOrNull(other);
        if (o == null) {
            return Py.NOT_IMPLEMENTED;
        }
        switch (op) {
            case ADD: return new TensorObject(tensor.add(o));
            case SUB: return new TensorObject(tensor.sub(o));
            case MUL: return new TensorObject(tensor.mul(o));
            case TRUEDIV: return new TensorObject(tensor.div(o));
            case FLOORDIV: return new TensorObject(Pointwise.floorDivide(tensor, o));
            case MOD: return new TensorObject(Pointwise.remainder(tensor, o));
            case POW:
                return new TensorObject(other instanceof TensorObject ? Pointwise.pow(tensor, o)
                        : Pointwise.powScalar(tensor, o.item()));
            case MATMUL:
                return other instanceof TensorObject ? new TensorObject(tensor.matmul(o)) : Py.NOT_IMPLEMENTED;
            case AND: return new TensorObject(Pointwise.logical(tensor, o, "&"));
            case OR: return new TensorObject(Pointwise.logical(tensor, o, "|"));
            case XOR: return new TensorObject(Pointwise.logical(tensor, o, "^"));
            default: return Py.NOT_IMPLEMENTED;
        }
    }

    @Override
    public Object reflectedBinaryOp(BinaryOp op, Object other) {
        Tensor o = Args.tensorOrNull(other);
        if (o == null) {
            return Py.NOT_IMPLEMENTED;
        }
        switch (op) {
            case ADD: return new TensorObject(tensor.add(o));
            case MUL: return new TensorObject(tensor.mul(o));
            case SUB: return new TensorObject(Pointwise.rsub(tensor, o));
            // PyTorch's __rtruediv__ is self.reciprocal() * other
            case TRUEDIV: return new TensorObject(tensor.reciprocal().mul(o));
            case POW: return new TensorObject(Pointwise.pow(o, tensor));
            case FLOORDIV: return new TensorObject(Pointwise.floorDivide(o, tensor));
            case MOD: return new TensorObject(Pointwise.remainder(o, tensor));
            case AND: return new TensorObject(Pointwise.logical(o, tensor, "&"));
            case OR: return new TensorObject(Pointwise.logical(o, tensor, "|"));
            case XOR: return new TensorObject(Pointwise.logical(o, tensor, "^"));
            default: return Py.NOT_IMPLEMENTED;
        }
    }

    @Override
    public Object inPlaceOp(BinaryOp op, Object other) {
        Tensor o = Args.tensorOrNull(other);
        if (o == null) {
            return Py.NOT_IMPLEMENTED;
        }
        switch (op) {
            case ADD: tensor.inplace(ElementwiseOp.ADD, o); return this;
            case SUB: tensor.inplace(ElementwiseOp.SUB, o); return this;
            case MUL: tensor.inplace(ElementwiseOp.MUL, o); return this;
            case TRUEDIV: tensor.inplace(ElementwiseOp.DIV, o); return this;
            case FLOORDIV: tensor.floorDivide_(o); return this;
            case MOD: tensor.remainder_(o); return this;
            default: return Py.NOT_IMPLEMENTED;
        }
    }

    @Override
    public Object unaryOp(UnaryOp op) {
        switch (op) {
            case NEG: return new TensorObject(tensor.neg());
            case POS: return this;
            case ABS: return new TensorObject(tensor.abs());
            case INVERT:
                if (tensor.dtype() != DType.BOOL) {
                    return Py.NOT_IMPLEMENTED;
                }
                return new TensorObject(Pointwise.compare(tensor, Tensor.scalar(0, DType.BOOL), "=="));
            default: return Py.NOT_IMPLEMENTED;
        }
    }

    @Override
    public Object compare(CompareOp op, Object other) {
        Tensor o = Args.tensorOrNull(other);
        if (o == null) {
            return Py.NOT_IMPLEMENTED;
        }
        return new TensorObject(Pointwise.compare(tensor, o, op.symbol));
    }

    // ---- indexing -----------------------------------------------------------------------------

    @Override
    public Object getItem(Object key) {
        return new TensorObject(Indexing.get(tensor, indices(key)));
    }

    @Override
    public void setItem(Object key, Object value) {
        Tensor v = Args.tensorOrNull(value);
        if (v == null) {
            throw Py.typeError("can't assign a " + Py.typeName(value) + " to a torch.FloatTensor");
        }
        Indexing.set(tensor, indices(key), v);
    }

    static List<Index> indices(Object key) {
        List<Index> out = new ArrayList<>();
        if (key instanceof PyTuple t) {
            for (Object item : t.items()) {
                out.add(index(item));
            }
        } else {
            out.add(index(key));
        }
        return out;
    }

    private static Index index(Object item) {
        if (item instanceof Long l) {
            return Index.at(l);
        }
        if (item instanceof Boolean b) {
            return Index.tensor(Tensor.scalar(b ? 1 : 0, DType.BOOL));
        }
        if (item instanceof Slice s) {
            return Index.slice(s.startOrNull(), s.stopOrNull(), s.stepOrNull());
        }
        if (Py.isNone(item)) {
            return Index.NONE;
        }
        if (item == Py.ELLIPSIS) {
            return Index.ELLIPSIS;
        }
        if (item instanceof TensorObject t) {
            if (t.tensor.dim() == 0 && t.tensor.dtype() == DType.INT64) {
                return Index.at((long) t.tensor.item());
            }
            return Index.tensor(t.tensor);
        }
        if (item instanceof PyList l) {
            return Index.tensor(TensorLiteral.build(l, null));
        }
        if (item instanceof org.autogradstudio.script.runtime.PyRange r) {
            // x[range(n), y]: a range indexes as the list of its values
            org.autogradstudio.script.runtime.PyList values = new org.autogradstudio.script.runtime.PyList();
            r.iter().forEachRemaining(values::append);
            return Index.tensor(values.size() == 0 ? Tensor.of(new double[0], new int[] {0}, DType.INT64)
                    : TensorLiteral.build(values, null));
        }
        throw Py.indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
                + "valid indices (got " + Py.typeName(item) + ")");
    }

    // ---- protocol -----------------------------------------------------------------------------

    @Override
    public int len() {
        if (tensor.dim() == 0) {
            throw Py.typeError("len() of a 0-d tensor");
        }
        return tensor.size(0);
    }

    @Override
    public Iterator<Object> iter() {
        if (tensor.dim() == 0) {
            throw Py.typeError("iteration over a 0-d tensor");
        }
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < tensor.size(0);
            }

            @Override
            public Object next() {
                return new TensorObject(Indexing.select(tensor, 0, i++));
            }
        };
    }

    @Override
    public boolean isTrue() {
        if (tensor.numel() != 1) {
            throw Py.runtimeError("Boolean value of Tensor with more than one value is ambiguous");
        }
        return tensor.item() != 0;
    }

    @Override
    public double toDouble() {
        return scalarValue();
    }

    @Override
    public Object toInt() {
        return (long) scalarValue();
    }

    @Override
    public Object index() {
        if (tensor.numel() != 1 || tensor.dtype().isFloatingPoint()) {
            throw Py.typeError("only integer tensors of a single element can be converted to an index");
        }
        return (long) tensor.item();
    }

    private double scalarValue() {
        if (tensor.numel() != 1) {
            throw Py.valueError("only one element tensors can be converted to Python scalars");
        }
        return tensor.item();
    }

    /** {@code item()}: a Python float, int or bool by dtype. */
    Object item() {
        double v = scalarValue();
        switch (tensor.dtype()) {
            case INT64: return (long) v;
            case BOOL: return v != 0;
            default: return v;
        }
    }

    @Override
    public String repr() {
        return parameter ? "Parameter containing:\n" + tensor : tensor.toString();
    }

    /** PyTorch formats a 0-d tensor as its Python number: {@code f"{loss}"} is {@code 6.701176166534424}. */
    @Override
    public String format(String spec) {
        if (tensor.dim() != 0) {
            if (spec.isEmpty()) {
                return repr();
            }
            throw Py.typeError("unsupported format string passed to Tensor.__format__");
        }
        Object v = item();
        if (v instanceof Double d) {
            return spec.isEmpty() ? PyFormat.repr(d) : PyFormat.formatFloat(d, spec);
        }
        if (spec.isEmpty()) {
            return Py.str(v);
        }
        if (v instanceof Boolean b) {
            return PyFormat.formatInt(b ? 1L : 0L, spec);
        }
        return PyFormat.formatInt((Long) v, spec);
    }

    @Override
    public boolean isHashable() {
        return true;
    }
}
