package org.autogradstudio.engine;

import java.util.Arrays;
import java.util.Map;

/** Shape operations. Views (transpose, view, squeeze, unsqueeze, expand) share their base's storage. */
public final class ShapeOps {
    private ShapeOps() {
    }

    /** A tensor of {@code shape} holding {@code t} broadcast to it (a fresh contiguous copy). */
    static Tensor expandValues(Tensor t, int[] shape) {
        return Tensor.wrap(Pointwise.broadcastValues(t, shape), shape, t.dtype());
    }

    private static Tensor makeView(Tensor base, int offset, int[] shape, int[] strides) {
        Tensor v = new Tensor(base.storage, offset, shape, strides, base.dtype());
        v.setViewBase(Tensor.baseOf(base));
        return v;
    }

    private static Tensor recordView(Tensor base, Tensor view, String name, Map<String, Object> attrs, FunctionNode.Rule rule) {
        if (Autograd.needed(base)) {
            Autograd.record(view, name, new Tensor[] {base}, Autograd.NOTHING, null, attrs, rule);
        }
        return view;
    }

    public static Tensor transpose(Tensor a, int d0, int d1) {
        int r = a.dim();
        if (r == 0) {
            return makeView(a, a.offset, a.shape, a.strides);
        }
        int x = Shape.wrapDim(d0, r), y = Shape.wrapDim(d1, r);
        int[] shape = a.shape.clone(), strides = a.strides.clone();
        shape[x] = a.shape[y];
        shape[y] = a.shape[x];
        strides[x] = a.strides[y];
        strides[y] = a.strides[x];
        return recordView(a, makeView(a, a.offset, shape, strides), "TransposeBackward0", Map.of("dim0", x, "dim1", y),
                (node, g) -> new Tensor[] {transpose(g, x, y).contiguousCopy()});
    }

    public static Tensor t(Tensor a) {
        if (a.dim() > 2) {
            throw TorchException.runtime("t() expects a tensor with <= 2 dimensions, but self is " + a.dim() + "D");
        }
        if (a.dim() < 2) {
            return recordView(a, makeView(a, a.offset, a.shape, a.strides), "TBackward0", Map.of(), (node, g) -> new Tensor[] {g});
        }
        int[] shape = {a.shape[1], a.shape[0]}, strides = {a.strides[1], a.strides[0]};
        return recordView(a, makeView(a, a.offset, shape, strides), "TBackward0", Map.of(),
                (node, g) -> new Tensor[] {t(g).contiguousCopy()});
    }

    public static Tensor permute(Tensor a, int[] dims) {
        if (dims.length != a.dim()) {
            throw TorchException.runtime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = "
                    + a.dim() + " is not equal to len(dims) = " + dims.length);
        }
        int[] shape = new int[dims.length], strides = new int[dims.length], inverse = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int d = Shape.wrapDim(dims[i], a.dim());
            shape[i] = a.shape[d];
            strides[i] = a.strides[d];
            inverse[d] = i;
        }
        return recordView(a, makeView(a, a.offset, shape, strides), "PermuteBackward0", Map.of("dims", Arrays.toString(dims)),
                (node, g) -> new Tensor[] {permute(g, inverse).contiguousCopy()});
    }

    /** Resolves a single -1 in a requested shape, with PyTorch's error for impossible shapes. */
    static int[] inferShape(int[] requested, int numel) {
        int[] shape = requested.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (unknown >= 0) {
                    throw TorchException.runtime("only one dimension can be inferred");
                }
                unknown = i;
            } else if (shape[i] < 0) {
                throw TorchException.runtime("invalid shape dimension " + shape[i]);
            } else {
                known *= shape[i];
            }
        }
        if (unknown >= 0 && known != 0 && numel % known == 0) {
            shape[unknown] = (int) (numel / known);
        } else if (unknown >= 0 || known != numel) {
            throw TorchException.runtime("shape '" + Arrays.toString(requested) + "' is invalid for input of size " + numel);
        }
        return shape;
    }

    public static Tensor view(Tensor a, int[] requested) {
        int[] shape = inferShape(requested, a.numel());
        if (!a.isContiguous()) {
            throw TorchException.runtime("view size is not compatible with input tensor's size and stride (at least one"
                    + " dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        int[] inShape = a.shape;
        return recordView(a, makeView(a, a.offset, shape, Shape.contiguousStrides(shape)), "ViewBackward0",
                Map.of("size", Arrays.toString(shape)), (node, g) -> new Tensor[] {Tensor.wrap(g.values(), inShape, g.dtype())});
    }

    public static Tensor reshape(Tensor a, int[] requested) {
        if (a.isContiguous()) {
            int[] shape = inferShape(requested, a.numel());
            int[] inShape = a.shape;
            return recordView(a, makeView(a, a.offset, shape, Shape.contiguousStrides(shape)), "ReshapeAliasBackward0",
                    Map.of("size", Arrays.toString(shape)), (node, g) -> new Tensor[] {Tensor.wrap(g.values(), inShape, g.dtype())});
        }
        int[] shape = inferShape(requested, a.numel());
        int[] inShape = a.shape;
        Tensor out = Tensor.wrap(a.toArray(), shape, a.dtype());
        if (Autograd.needed(a)) {
            Autograd.record(out, "UnsafeViewBackward0", new Tensor[] {a}, Autograd.NOTHING,
                    (node, g) -> new Tensor[] {Tensor.wrap(g.values(), inShape, g.dtype())});
        }
        return out;
    }

    public static Tensor squeeze(Tensor a, Integer dim) {
        return squeezeNamed(a, dim, dim == null ? "SqueezeBackward0" : "SqueezeBackward1");
    }

    static Tensor squeezeNamed(Tensor a, Integer dim, String name) {
        int r = a.dim();
        boolean[] drop = new boolean[r];
        if (dim == null) {
            for (int i = 0; i < r; i++) {
                drop[i] = a.shape[i] == 1;
            }
        } else if (r > 0) {
            int d = Shape.wrapDim(dim, r);
            drop[d] = a.shape[d] == 1;
        }
        int k = 0;
        for (boolean b : drop) {
            k += b ? 0 : 1;
        }
        int[] shape = new int[k], strides = new int[k];
        for (int i = 0, j = 0; i < r; i++) {
            if (!drop[i]) {
                shape[j] = a.shape[i];
                strides[j++] = a.strides[i];
            }
        }
        int[] inShape = a.shape;
        return recordView(a, makeView(a, a.offset, shape, strides), name,
                dim == null ? Map.of() : Map.of("dim", dim),
                (node, g) -> new Tensor[] {Tensor.wrap(g.values(), inShape, g.dtype())});
    }

    public static Tensor unsqueeze(Tensor a, int dim) {
        int r = a.dim();
        int d = Shape.wrapDim(dim, r + 1);
        int[] shape = new int[r + 1], strides = new int[r + 1];
        for (int i = 0, j = 0; i <= r; i++) {
            if (i == d) {
                shape[i] = 1;
                strides[i] = i < r ? a.strides[j] * a.shape[j] : 1;
            } else {
                shape[i] = a.shape[j];
                strides[i] = a.strides[j++];
            }
        }
        int[] inShape = a.shape;
        return recordView(a, makeView(a, a.offset, shape, strides), "UnsqueezeBackward0", Map.of("dim", d),
                (node, g) -> new Tensor[] {Tensor.wrap(g.values(), inShape, g.dtype())});
    }

    public static Tensor expand(Tensor a, int[] requested) {
        int[] shape = requested.clone();
        int lead = shape.length - a.dim();
        if (lead < 0) {
            throw TorchException.runtime("expand(" + a.legacyTypeName() + "{" + Arrays.toString(a.shape) + "}, size="
                    + Arrays.toString(requested) + "): the number of sizes provided (" + requested.length
                    + ") must be greater or equal to the number of dimensions in the tensor (" + a.dim() + ")");
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1 && i >= lead) {
                shape[i] = a.shape[i - lead];
            }
        }
        Shape.broadcast(a.shape, shape);
        int[] strides = Shape.broadcastStrides(a.shape, a.strides, shape);
        int[] inShape = a.shape;
        return recordView(a, makeView(a, a.offset, shape, strides), "ExpandBackward0", Map.of("size", Arrays.toString(shape)),
                (node, g) -> new Tensor[] {Reductions.sumToShape(g, inShape)});
    }

    /** {@code clone()}: a recorded contiguous copy. */
    public static Tensor cloneRecorded(Tensor a) {
        Tensor out = a.contiguousCopy();
        if (Autograd.needed(a)) {
            Autograd.record(out, "CloneBackward0", new Tensor[] {a}, Autograd.NOTHING, (node, g) -> new Tensor[] {g});
        }
        return out;
    }

    /** {@code torch.hstack}: 1-D tensors joined end to end, others along their second dimension (zero-dimensional ones made 1-D). */
    public static Tensor hstack(Tensor[] parts) {
        Tensor[] ready = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ready[i] = parts[i].dim() == 0 ? reshape(parts[i], new int[] {1}) : parts[i];
        }
        return cat(ready, ready.length > 0 && ready[0].dim() == 1 ? 0 : 1);
    }

    /** {@code torch.vstack}: rows stacked, a 1-D tensor (or a number) becoming one row. */
    public static Tensor vstack(Tensor[] parts) {
        Tensor[] rows = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Tensor t = parts[i];
            rows[i] = t.dim() == 0 ? reshape(t, new int[] {1, 1}) : t.dim() == 1 ? unsqueeze(t, 0) : t;
        }
        return cat(rows, 0);
    }

    /** {@code torch.cat(tensors, dim)}. */
    public static Tensor cat(Tensor[] parts, int dim) {
        if (parts.length == 0) {
            throw TorchException.runtime("torch.cat(): expected a non-empty list of Tensors");
        }
        Tensor first = parts[0];
        int d = Shape.wrapDim(dim, first.dim());
        int[] shape = first.shape.clone();
        DType type = first.dtype();
        for (int p = 1; p < parts.length; p++) {
            Tensor t = parts[p];
            if (t.dim() != first.dim()) {
                throw TorchException.runtime("Tensors must have same number of dimensions: got " + first.dim() + " and " + t.dim());
            }
            for (int i = 0; i < shape.length; i++) {
                if (i != d && t.shape[i] != first.shape[i]) {
                    throw TorchException.runtime("Sizes of tensors must match except in dimension " + d + ". Expected size "
                            + first.shape[i] + " but got size " + t.shape[i] + " for tensor number " + p + " in the list.");
                }
            }
            shape[d] += t.shape[d];
            type = DType.promote(type, t.dtype());
        }
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++) {
            outer *= shape[i];
        }
        for (int i = d + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        double[] out = new double[Shape.numel(shape)];
        int[] starts = new int[parts.length];
        int col = 0;
        for (int p = 0; p < parts.length; p++) {
            starts[p] = col;
            double[] v = parts[p].values();
            int width = parts[p].shape[d] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(v, o * width, out, o * shape[d] * inner + col * inner, width);
            }
            col += parts[p].shape[d];
        }
        Tensor result = Tensor.wrap(out, shape, type);
        if (Autograd.needed(parts)) {
            int in = inner, o = outer, total = shape[d];
            Autograd.record(result, "CatBackward0", parts, Autograd.NOTHING, null, Map.of("dim", d), (node, g) -> {
                double[] gv = g.values();
                Tensor[] grads = new Tensor[parts.length];
                for (int p = 0; p < parts.length; p++) {
                    int width = node.inputShape(p)[d] * in;
                    double[] piece = new double[o * width];
                    for (int k = 0; k < o; k++) {
                        System.arraycopy(gv, k * total * in + starts[p] * in, piece, k * width, width);
                    }
                    grads[p] = Tensor.wrap(piece, node.inputShape(p), g.dtype());
                }
                return grads;
            });
        }
        return result;
    }

    /** {@code torch.stack(tensors, dim)}. */
    public static Tensor stack(Tensor[] parts, int dim) {
        if (parts.length == 0) {
            throw TorchException.runtime("stack expects a non-empty TensorList");
        }
        Tensor[] expanded = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Arrays.equals(parts[i].shape, parts[0].shape)) {
                throw TorchException.runtime("stack expects each tensor to be equal size, but got " + Arrays.toString(parts[0].shape)
                        + " at entry 0 and " + Arrays.toString(parts[i].shape) + " at entry " + i);
            }
            expanded[i] = unsqueeze(parts[i], Shape.wrapDim(dim, parts[0].dim() + 1));
        }
        Tensor result = GradModeScope.withoutGrad(() -> cat(expanded, dim));
        if (Autograd.needed(parts)) {
            int d = Shape.wrapDim(dim, parts[0].dim() + 1);
            Autograd.record(result, "StackBackward0", parts, Autograd.NOTHING, null, Map.of("dim", d), (node, g) -> {
                Tensor[] grads = new Tensor[parts.length];
                for (int p = 0; p < parts.length; p++) {
                    grads[p] = Indexing.select(g, d, p).contiguousCopy();
                }
                return grads;
            });
        }
        return result;
    }
}
