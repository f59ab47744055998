package org.autogradstudio.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array that can record the operations applied to it, as {@code torch.Tensor}.
 * Elements live in a shared {@link Storage} addressed by offset and strides, so views
 * ({@code t()}, {@code x[0]}, {@code detach()}, {@code .data}) write through to their base.
 * Operations are in {@link Pointwise}, {@link Reductions}, {@link ShapeOps}, {@link LinearAlgebra},
 * {@link Indexing} and {@link Losses}; the methods here are PyTorch's method names for them.
 */
public final class Tensor extends Storage {
    final Storage storage;
    final int offset;
    final int[] shape;
    final int[] strides;
    /** The dtype's ordinal (a byte, not a reference, and no element count: the 0-d tensor of a long chain is 56 bytes). */
    private final byte dtypeCode;
    private static final DType[] DTYPES = DType.values();

    /** Set on 0-d tensors that wrap a Python number: they take part weakly in type promotion. */
    boolean wrappedNumber;
    boolean requiresGrad;
    Node gradFn;
    /**
     * The {@link AutogradMeta} (grad, retain_grad, AccumulateGrad, view base), null until one of
     * them is set; or, until then, the {@link FunctionNode} that saved this tensor's value without
     * keeping the tensor (see {@link #savedBy()}). Sharing the field keeps a 0-d tensor at 56 bytes.
     */
    private Object meta;
    /** Which of {@link #savedBy()}'s saved tensors this is (FunctionNode.SLOT_* bits); RECORDED_OUTPUT too. */
    byte graphFlags;
    /** Set on the tensor its gradFn recorded as output (retain_grad() asks a lean node to keep it). */
    static final byte RECORDED_OUTPUT = 0x8;
    /** Set on the shared tensors a lean node leaves where it dropped an input (see FunctionNode.DROPPED). */
    static final byte DROPPED_MARK = 0x10;

    /** A view of {@code storage} (another tensor's memory). */
    Tensor(Storage storage, int offset, int[] shape, int[] strides, DType dtype) {
        super(null);
        this.storage = storage;
        this.offset = offset;
        this.shape = shape;
        this.strides = strides;
        this.dtypeCode = (byte) dtype.ordinal();
        Shape.numel(shape); // refuses a shape too large
    }

    /** A 0-d tensor owning its element, without an array (see {@link Storage}). */
    private Tensor(double value, DType dtype) {
        super(value);
        this.storage = this;
        this.offset = 0;
        this.shape = Shape.SCALAR;
        this.strides = Shape.SCALAR;
        this.dtypeCode = (byte) dtype.ordinal();
    }

    /** A tensor owning {@code data}: its own storage (see {@link Storage}). */
    private Tensor(double[] data, int[] shape, DType dtype) {
        super(data);
        this.storage = this;
        this.offset = 0;
        this.shape = shape;
        this.strides = Shape.contiguousStrides(shape);
        this.dtypeCode = (byte) dtype.ordinal();
        Shape.numel(shape); // refuses a shape too large
    }

    /** A new contiguous tensor owning {@code data} (already rounded to {@code dtype}). */
    static Tensor wrap(double[] data, int[] shape, DType dtype) {
        if (shape.length == 0 && data.length == 1) {
            return new Tensor(data[0], dtype);
        }
        return new Tensor(data, shape, dtype);
    }

    /** A new 0-d tensor owning {@code value} (already rounded to {@code dtype}). */
    static Tensor wrapScalar(double value, DType dtype) {
        return new Tensor(value, dtype);
    }

    /** A new tensor holding {@code data} (copied) rounded to {@code dtype}. */
    public static Tensor of(double[] data, int[] shape, DType dtype) {
        if (data.length != Shape.numel(shape)) {
            throw new IllegalArgumentException("data length " + data.length + " does not match shape " + Arrays.toString(shape));
        }
        double[] copy = new double[data.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = dtype.round(data[i]);
        }
        return wrap(copy, shape.clone(), dtype);
    }

    public static Tensor scalar(double value, DType dtype) {
        return new Tensor(dtype.round(value), dtype);
    }

    /** A 0-d tensor standing for a Python number in an operation ({@code x * 2}, {@code 1 - y}). */
    public static Tensor wrappedNumber(double value, boolean isFloat) {
        Tensor t = scalar(value, isFloat ? DType.FLOAT64 : DType.INT64);
        t.wrappedNumber = true;
        return t;
    }

    // ---- metadata -------------------------------------------------------------------------

    public int[] shape() {
        return shape.clone();
    }

    /** Element strides of each dim in the storage ({@code stride()}). */
    public int[] strides() {
        return strides.clone();
    }

    /** Where the first element sits in the storage ({@code storage_offset()}). */
    public int storageOffset() {
        return offset;
    }

    public int size(int dim) {
        return shape[Shape.wrapDim(dim, shape.length)];
    }

    public int dim() {
        return shape.length;
    }

    public int numel() {
        int[] s = shape;
        int n = 1;
        for (int d : s) {
            n *= d; // checked against overflow when the tensor was made
        }
        return n;
    }

    public DType dtype() {
        return DTYPES[dtypeCode];
    }

    public boolean isWrappedNumber() {
        return wrappedNumber;
    }

    /** The counter bumped by every in-place change to this tensor's storage. */
    public int version() {
        return storage.version;
    }

    /** Whether this tensor and {@code other} share memory (a view, detach() or .data of each other). */
    public boolean sharesStorageWith(Tensor other) {
        return storage == other.storage;
    }

    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** Contiguous, at offset 0 and covering the whole storage: kernels may read the array directly. */
    boolean isPlain() {
        return offset == 0 && storage.length() == numel() && isContiguous();
    }

    // ---- element access -------------------------------------------------------------------

    /**
     * The elements in row-major order. May be this tensor's own storage array when the layout
     * allows it: callers must not modify the result.
     */
    double[] values() {
        int numel = numel();
        double[] data = storage.data;
        if (data == null) {
            // one element, at position 0, whatever the view's shape and strides
            double[] out = new double[numel];
            java.util.Arrays.fill(out, storage.scalar);
            return out;
        }
        if (isPlain()) {
            return data;
        }
        double[] out = new double[numel];
        if (numel == 0) {
            return out;
        }
        int rank = shape.length;
        int[] index = new int[rank];
        int pos = offset;
        for (int i = 0; i < numel; i++) {
            out[i] = data[pos];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                pos += strides[d];
                if (index[d] < shape[d]) {
                    break;
                }
                pos -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
        return out;
    }

    /** A copy of the elements in row-major order. */
    public double[] toArray() {
        double[] v = values();
        return v == storage.data ? v.clone() : v;
    }

    /** The element of a 0-d tensor (no strides to follow). */
    double scalarValue() {
        return storage.get(offset);
    }

    /** The element at row-major position {@code i}. */
    public double getFlat(int i) {
        if (storage.data == null) {
            return storage.scalar;
        }
        if (isPlain()) {
            return storage.data[i];
        }
        int pos = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            pos += (i % shape[d]) * strides[d];
            i /= shape[d];
        }
        return storage.data[pos];
    }

    /** Overwrites every element (row-major {@code values}, rounded to this dtype) through the strides. */
    void writeValues(double[] values) {
        int numel = numel();
        DType type = dtype();
        double[] data = storage.data;
        if (data == null) {
            // every position of a one-element storage is 0: the last value written stays
            if (numel > 0) {
                storage.scalar = type.round(values[numel - 1]);
            }
        } else if (isPlain()) {
            for (int i = 0; i < numel; i++) {
                data[i] = type.round(values[i]);
            }
        } else {
            int rank = shape.length;
            int[] index = new int[rank];
            int pos = offset;
            for (int i = 0; i < numel; i++) {
                data[pos] = type.round(values[i]);
                for (int d = rank - 1; d >= 0; d--) {
                    index[d]++;
                    pos += strides[d];
                    if (index[d] < shape[d]) {
                        break;
                    }
                    pos -= strides[d] * shape[d];
                    index[d] = 0;
                }
            }
        }
        Storage owner = storage;
        owner.version++;
        FunctionNode saver = owner instanceof Tensor ? ((Tensor) owner).savedBy() : null;
        if (saver != null) {
            // the node that saved the old value only as a number must now check this tensor's version
            Tensor t = (Tensor) owner;
            t.setSavedBy(null);
            saver.savedTensorModified(t, t.graphFlags & FunctionNode.SLOTS);
            t.graphFlags &= ~FunctionNode.SLOTS;
        }
    }

    /** {@code item()}: the value of a one-element tensor. */
    public double item() {
        int numel = numel();
        if (numel != 1) {
            throw TorchException.runtime("a Tensor with " + numel + " elements cannot be converted to Scalar");
        }
        return getFlat(0);
    }

    /** {@code tolist()}: nested lists of Double/Long/Boolean, or the bare number for a 0-d tensor. */
    public Object toList() {
        double[] v = values();
        if (shape.length == 0) {
            return boxed(v[0]);
        }
        return nest(v, 0, 0);
    }

    private Object nest(double[] v, int dim, int start) {
        List<Object> out = new ArrayList<>(shape[dim]);
        int block = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            block *= shape[d];
        }
        for (int i = 0; i < shape[dim]; i++) {
            out.add(dim == shape.length - 1 ? boxed(v[start + i]) : nest(v, dim + 1, start + i * block));
        }
        return out;
    }

    private Object boxed(double x) {
        switch (dtype()) {
            case INT64: return (long) x;
            case BOOL: return x != 0;
            default: return x;
        }
    }

    public Tensor contiguousCopy() {
        return wrap(toArray(), shape, dtype());
    }

    /** {@code contiguous()}: this tensor when already contiguous, else a contiguous copy (recorded). */
    public Tensor contiguous() {
        return isContiguous() ? this : ShapeOps.cloneRecorded(this);
    }

    // ---- autograd state -------------------------------------------------------------------

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public boolean isLeaf() {
        return gradFn == null;
    }

    /** {@code grad_fn}: the backward function that produced this tensor, null for leaves. */
    public Node gradFn() {
        return gradFn;
    }

    /** {@code .grad}: accumulated gradient of a leaf (or of a non-leaf that retains grad). */
    public Tensor grad() {
        AutogradMeta m = metaOrNull();
        return m == null ? null : m.grad;
    }

    public void setGrad(Tensor g) {
        if (g != null && !Arrays.equals(g.shape, shape)) {
            throw TorchException.runtime("assigned grad has data of a different size");
        }
        if (g != null || metaOrNull() != null) {
            meta().grad = g;
        }
    }

    /** The grad without the size check, for the engine's accumulation. */
    void setGradUnchecked(Tensor g) {
        meta().grad = g;
    }

    public boolean retainsGrad() {
        AutogradMeta m = metaOrNull();
        return m != null && m.retainsGrad;
    }

    private AutogradMeta meta() {
        Object m = meta;
        if (m instanceof AutogradMeta) {
            return (AutogradMeta) m;
        }
        AutogradMeta made = new AutogradMeta();
        made.savedBy = (FunctionNode) m;
        meta = made;
        return made;
    }

    private AutogradMeta metaOrNull() {
        Object m = meta;
        return m instanceof AutogradMeta ? (AutogradMeta) m : null;
    }

    /**
     * The node that saved this tensor's value without keeping the tensor (see {@link GraphValues}),
     * or null: an in-place change hands it the tensor, so its backward can still refuse the stale value.
     */
    FunctionNode savedBy() {
        Object m = meta;
        return m instanceof FunctionNode ? (FunctionNode) m : m == null ? null : ((AutogradMeta) m).savedBy;
    }

    void setSavedBy(FunctionNode node) {
        Object m = meta;
        if (m instanceof AutogradMeta) {
            ((AutogradMeta) m).savedBy = node;
        } else {
            meta = node;
        }
    }

    /** For a view: the tensor whose storage it shares, or null. */
    Tensor viewBase() {
        AutogradMeta m = metaOrNull();
        return m == null ? null : m.viewBase;
    }

    void setViewBase(Tensor base) {
        if (base != null || metaOrNull() != null) {
            meta().viewBase = base;
        }
    }

    /** {@code base}'s base if it is a view itself, else {@code base}: what a new view of it views. */
    static Tensor baseOf(Tensor base) {
        Tensor b = base.viewBase();
        return b != null ? b : base;
    }

    /** {@code retain_grad()}: keep {@code .grad} on this non-leaf after backward. */
    public void retainGrad() {
        if (!requiresGrad) {
            throw TorchException.runtime("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (gradFn != null) {
            meta().retainsGrad = true;
            TensorHooks.retainCalled(this);
            if (gradFn instanceof FunctionNode && (graphFlags & RECORDED_OUTPUT) != 0) {
                ((FunctionNode) gradFn).keepOutput(this);
            }
        }
    }

    /** {@code requires_grad_(flag)}; only leaves may change it, as in PyTorch. */
    public Tensor requiresGrad_(boolean flag) {
        if (gradFn != null && !flag) {
            throw TorchException.runtime("you can only change requires_grad flags of leaf variables. If you want to use"
                    + " a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
        }
        if (flag && !dtype().isFloatingPoint()) {
            throw TorchException.runtime("only Tensors of floating point and complex dtype can require gradients");
        }
        requiresGrad = flag || gradFn != null;
        return this;
    }

    /**
     * {@code detach()}: the same memory, cut from the graph. Not a view autograd tracks (PyTorch's
     * {@code _is_view()} is False): changing it in place is allowed even when this is a leaf that
     * requires grad, which is how {@code p.data -= lr * p.grad} and {@code p.detach().zero_()} work.
     */
    public Tensor detach() {
        return new Tensor(storage, offset, shape, strides, dtype());
    }

    /** {@code detach_()}: this tensor leaves the graph in place (no grad_fn, no requires_grad); a view refuses. */
    public Tensor detach_() {
        if (viewBase() != null) {
            throw TorchException.runtime("Can't detach views in-place. Use detach() instead. If you are using"
                    + " DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients"
                    + " are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this"
                    + " error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.");
        }
        gradFn = null;
        requiresGrad = false;
        return this;
    }

    /**
     * The function at the end of the edge a gradient for this tensor travels along (input 0 of it):
     * its grad_fn, or its leaf's AccumulateGrad; null when it does not require grad.
     */
    Node gradientFunction() {
        if (gradFn != null) {
            return gradFn;
        }
        if (requiresGrad) {
            return gradAccumulator();
        }
        return null;
    }

    /** The AccumulateGrad node of a leaf that requires grad (one per leaf, as in PyTorch). */
    public AccumulateGrad gradAccumulator() {
        if (gradFn != null || !requiresGrad) {
            return null;
        }
        AutogradMeta m = meta();
        if (m.accumulator == null) {
            m.accumulator = new AccumulateGrad(this);
        }
        return m.accumulator;
    }

    /** {@code backward()} on a scalar. */
    public void backward() {
        backward(null, false);
    }

    /** {@code backward(gradient, retain_graph)}. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Engine.backward(new Tensor[] {this}, new Tensor[] {gradient}, retainGraph);
    }

    // ---- in-place helpers -----------------------------------------------------------------

    /** Refuses an in-place change that autograd could not follow, with PyTorch's message. */
    void checkInplace() {
        if (!GradMode.isEnabled()) {
            return;
        }
        Tensor viewBase = viewBase();
        if (requiresGrad && gradFn == null) {
            throw TorchException.runtime(viewBase != null && viewBase.requiresGrad
                    ? "a view of a leaf Variable that requires grad is being used in an in-place operation."
                    : "a leaf Variable that requires grad is being used in an in-place operation.");
        }
        if (viewBase != null && viewBase.requiresGrad && viewBase.gradFn == null) {
            throw TorchException.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** Adds {@code other} into this tensor without any autograd bookkeeping (gradient accumulation). */
    void addInPlaceUnchecked(Tensor other) {
        if (other.dtype() == dtype() && dtype().isFloatingPoint() && inplaceInto(ElementwiseOp.ADD, other)) {
            return;
        }
        int numel = numel();
        double[] a = values();
        double[] b = Pointwise.broadcastValues(other, shape);
        double[] out = new double[numel];
        for (int i = 0; i < numel; i++) {
            out[i] = a[i] + b[i];
        }
        writeValues(out);
    }

    /**
     * Makes this tensor hold {@code result}'s values; if {@code result} was recorded, this tensor
     * takes over its history (PyTorch rebases the grad_fn of a tensor modified in place).
     */
    Tensor assignFrom(Tensor result) {
        writeValues(Pointwise.broadcastValues(result, shape));
        if (result.gradFn != null && GradMode.isEnabled()) {
            gradFn = result.gradFn;
            requiresGrad = true;
            if (gradFn instanceof FunctionNode) {
                ((FunctionNode) gradFn).setOutput(this);
            }
        }
        return this;
    }

    /** A tensor object sharing this one's memory and history: the "before" input of an in-place op. */
    Tensor alias() {
        Tensor t = new Tensor(storage, offset, shape, strides, dtype());
        t.requiresGrad = requiresGrad;
        t.gradFn = gradFn;
        AutogradMeta m = metaOrNull();
        if (m != null && m.accumulator != null) {
            t.meta().accumulator = m.accumulator;
        }
        return t;
    }

    String legacyTypeName() {
        switch (dtype()) {
            case FLOAT64: return "torch.DoubleTensor";
            case INT64: return "torch.LongTensor";
            case BOOL: return "torch.BoolTensor";
            default: return "torch.FloatTensor";
        }
    }

    // ---- PyTorch methods --------------------------------------------------------------------

    public Tensor add(Tensor o) { return Pointwise.binary(ElementwiseOp.ADD, this, o); }
    public Tensor sub(Tensor o) { return Pointwise.binary(ElementwiseOp.SUB, this, o); }
    public Tensor mul(Tensor o) { return Pointwise.binary(ElementwiseOp.MUL, this, o); }
    public Tensor div(Tensor o) { return Pointwise.binary(ElementwiseOp.DIV, this, o); }
    public Tensor pow(Tensor o) { return Pointwise.pow(this, o); }
    public Tensor pow(double exponent) { return Pointwise.powScalar(this, exponent); }
    public Tensor add(double c) { return add(wrappedNumber(c, true)); }
    public Tensor mul(double c) { return mul(wrappedNumber(c, true)); }
    public Tensor neg() { return Pointwise.unary(ElementwiseOp.NEG, this); }
    public Tensor exp() { return Pointwise.unary(ElementwiseOp.EXP, this); }
    public Tensor log() { return Pointwise.unary(ElementwiseOp.LOG, this); }
    public Tensor sin() { return Pointwise.unary(ElementwiseOp.SIN, this); }
    public Tensor cos() { return Pointwise.unary(ElementwiseOp.COS, this); }
    public Tensor tan() { return Pointwise.unary(ElementwiseOp.TAN, this); }
    public Tensor tanh() { return Pointwise.unary(ElementwiseOp.TANH, this); }
    public Tensor sigmoid() { return Pointwise.unary(ElementwiseOp.SIGMOID, this); }
    public Tensor relu() { return Pointwise.unary(ElementwiseOp.RELU, this); }
    public Tensor abs() { return Pointwise.unary(ElementwiseOp.ABS, this); }
    public Tensor sqrt() { return Pointwise.unary(ElementwiseOp.SQRT, this); }
    public Tensor reciprocal() { return Pointwise.unary(ElementwiseOp.RECIPROCAL, this); }
    public Tensor clamp(Double min, Double max) { return Pointwise.clamp(this, min, max); }

    public Tensor sum() { return Reductions.sum(this); }
    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sum(this, dims, keepdim); }
    public Tensor mean() { return Reductions.mean(this); }
    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.mean(this, dims, keepdim); }

    public Tensor matmul(Tensor o) { return LinearAlgebra.matmul(this, o); }
    public Tensor t() { return ShapeOps.t(this); }
    public Tensor transpose(int d0, int d1) { return ShapeOps.transpose(this, d0, d1); }
    public Tensor reshape(int... newShape) { return ShapeOps.reshape(this, newShape); }
    public Tensor view(int... newShape) { return ShapeOps.view(this, newShape); }
    public Tensor squeeze() { return ShapeOps.squeeze(this, null); }
    public Tensor squeeze(int dim) { return ShapeOps.squeeze(this, dim); }
    public Tensor unsqueeze(int dim) { return ShapeOps.unsqueeze(this, dim); }

    /** Conversion to another dtype ({@code .float()}, {@code .double()}, {@code .to(dtype)}); recorded. */
    public Tensor toDType(DType target) { return Pointwise.toDType(this, target); }

    /**
     * An in-place elementwise op ({@code add_}, {@code -=} ...): refused on leaves that require grad
     * (outside no_grad); on a recorded tensor the op is recorded and this tensor takes over its history.
     */
    public Tensor inplace(ElementwiseOp op, Tensor other) {
        checkInplace();
        if (other != null && !(GradMode.isEnabled() && (requiresGrad || other.requiresGrad))
                && Pointwise.resultType(this, other) == dtype() && inplaceInto(op, other)) {
            // nothing to record: computed straight into this tensor's memory
            return this;
        }
        Tensor before = inplaceBefore(other);
        return finishInplace(other == null ? Pointwise.unary(op, before) : Pointwise.binary(op, before, other));
    }

    /** {@code x //= y} ({@code floor_divide_}): in place, with no derivative (as in PyTorch). */
    public Tensor floorDivide_(Tensor other) {
        checkInplace();
        return finishInplace(Pointwise.floorDivide(inplaceBefore(other), other, "aten::floor_divide_"));
    }

    /** {@code x %= y} ({@code remainder_}): in place, recorded as RemainderBackward0/1. */
    public Tensor remainder_(Tensor other) {
        checkInplace();
        return finishInplace(Pointwise.remainder(inplaceBefore(other), other));
    }

    /** The operand standing for this tensor's old value in an in-place op: an alias when it is recorded. */
    private Tensor inplaceBefore(Tensor other) {
        return GradMode.isEnabled() && (requiresGrad || (other != null && other.requiresGrad)) ? alias() : detach();
    }

    /** Checks an in-place op's out-of-place result against this tensor and takes it over. */
    private Tensor finishInplace(Tensor result) {
        if (!java.util.Arrays.equals(Shape.broadcast(shape, result.shape), shape)) {
            throw TorchException.runtime("output with shape " + Shape.toString(shape)
                    + " doesn't match the broadcast shape " + Shape.toString(result.shape));
        }
        if (!dtype().isFloatingPoint() && result.dtype().isFloatingPoint()) {
            throw TorchException.runtime("result type Float can't be cast to the desired output type " + LinearAlgebra.typeName(dtype()));
        }
        return assignFrom(result);
    }

    /** Overwrites the elements in place from row-major {@code values} (checked like any in-place op). */
    public Tensor copyFrom(double[] values) {
        int numel = numel();
        if (values.length != numel) {
            throw TorchException.runtime("copy: expected " + numel + " values, got " + values.length);
        }
        checkInplace();
        writeValues(values);
        return this;
    }

    /** {@code zero_()}. */
    public Tensor zero_() {
        checkInplace();
        if (requiresGrad && GradMode.isEnabled()) {
            // recorded, as PyTorch's ZeroBackward0: the zeros take over the history, passing no gradient back
            Tensor zeros = Creation.zeros(shape, dtype(), false);
            Autograd.record(zeros, "ZeroBackward0", new Tensor[] {alias()}, Autograd.NOTHING,
                    (node, g) -> new Tensor[] {Creation.zeros(g.shape, g.dtype(), false)});
            return assignFrom(zeros);
        }
        if (storage.data != null && isPlain()) {
            Arrays.fill(storage.data, 0.0);
            storage.version++;
        } else {
            writeValues(new double[numel()]);
        }
        return this;
    }

    /**
     * {@code this op= other} in this tensor's own array when both are plain arrays that
     * {@link ArrayKernels} reads (the same numbers as computing the result and writing it back,
     * since its dtype is this one's); false, with nothing done, otherwise.
     */
    private boolean inplaceInto(ElementwiseOp op, Tensor other) {
        DType type = dtype();
        double[] data = storage.data;
        if (!ArrayKernels.arithmetic(op) || !type.isFloatingPoint() || data == null || shape.length == 0 || !isPlain()) {
            return false;
        }
        boolean single = type == DType.FLOAT32;
        if (other.numel() == 1 && other.shape.length <= shape.length) {
            double c = other.getFlat(0);
            ArrayKernels.scalar(op, data, single ? (float) c : c, data, data.length, single);
        } else if (other.dtype() == type && other.storage != storage && other.isPlain()
                && (other.shape == shape || Arrays.equals(other.shape, shape))) {
            ArrayKernels.rows(op, data, other.storage.data, data, data.length, single);
        } else {
            return false;
        }
        storage.version++;
        return true;
    }

    @Override
    public String toString() {
        String gradFnName = gradFn != null ? gradFn.name() : null;
        return TensorFormatter.repr(shape, values(), dtype(), gradFnName, requiresGrad && gradFn == null);
    }
}
