package org.autogradstudio.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Subscripts: {@code x[...]} and {@code x[...] = v}. Basic indexing (integers, slices, None,
 * ellipsis) gives a view sharing storage, so {@code a[0][1] = 5} changes {@code a}; a tensor index
 * gathers a copy. Both are described by the row-major positions they select, which also drive
 * the backward pass (scatter-add) and assignment.
 */
public final class Indexing {
    private Indexing() {
    }

    /** The index applied without recording: a view for basic indexing, a gathered copy otherwise. */
    private static Tensor apply(Tensor t, List<Index> items) {
        List<Index> expanded = expandEllipsis(t, items);
        Tensor cur = t;
        int dim = 0;
        int offset = t.offset;
        List<Integer> shape = new ArrayList<>(), strides = new ArrayList<>();
        int src = 0;
        // advanced indices: the view dims they index, and one int64 index tensor per such dim
        List<Integer> advancedDims = new ArrayList<>();
        List<Tensor> advancedIndices = new ArrayList<>();
        for (Index item : expanded) {
            if (item instanceof Index.NewAxis) {
                shape.add(1);
                strides.add(0);
            } else if (item instanceof Index.At) {
                int size = t.shape[src];
                long i = ((Index.At) item).index();
                if (i < -size || i >= size) {
                    throw new TorchException("IndexError", "index " + i + " is out of bounds for dimension " + src + " with size " + size);
                }
                offset += (int) (i < 0 ? i + size : i) * t.strides[src];
                src++;
            } else if (item instanceof Index.Slice) {
                Index.Slice s = (Index.Slice) item;
                int size = t.shape[src];
                long step = s.step() == null ? 1 : s.step();
                if (step <= 0) {
                    throw new TorchException("ValueError", "step must be greater than zero");
                }
                long start = clampIndex(s.start() == null ? 0 : s.start(), size);
                long stop = clampIndex(s.stop() == null ? size : s.stop(), size);
                int len = (int) Math.max(0, (stop - start + step - 1) / step);
                offset += (int) start * t.strides[src];
                shape.add(len);
                strides.add((int) step * t.strides[src]);
                src++;
            } else if (item instanceof Index.ByTensor) {
                Tensor idx = ((Index.ByTensor) item).tensor();
                int covered = idx.dtype() == DType.BOOL ? Math.max(idx.dim(), 1) : 1;
                int[] coveredShape = new int[covered];
                for (int k = 0; k < covered; k++) {
                    coveredShape[k] = t.shape[src];
                    advancedDims.add(shape.size());
                    shape.add(t.shape[src]);
                    strides.add(t.strides[src]);
                    src++;
                }
                advancedIndices.addAll(idx.dtype() == DType.BOOL ? maskCoordinates(idx, coveredShape, src - covered)
                        : List.of(checkedIndex(idx)));
            }
        }
        for (; src < t.dim(); src++) {
            shape.add(t.shape[src]);
            strides.add(t.strides[src]);
        }
        Tensor view = new Tensor(t.storage, offset, toArray(shape), toArray(strides), t.dtype());
        view.setViewBase(Tensor.baseOf(t));
        if (advancedDims.isEmpty()) {
            return view;
        }
        return gather(view, toArray(advancedDims), advancedIndices);
    }

    private static Tensor checkedIndex(Tensor idx) {
        if (idx.dtype() != DType.INT64) {
            throw new TorchException("IndexError", "tensors used as indices must be long, int, byte or bool tensors");
        }
        return idx;
    }

    /** A bool mask over {@code dims.length} dims as one int64 index tensor per dim: the coordinates of its True entries. */
    private static List<Tensor> maskCoordinates(Tensor mask, int[] dims, int firstDim) {
        int[] maskShape = mask.dim() == 0 ? new int[] {1} : mask.shape;
        for (int d = 0; d < mask.dim(); d++) {
            if (mask.shape[d] != dims[d]) {
                throw new TorchException("IndexError", "The shape of the mask " + Shape.toString(mask.shape) + " at index " + d
                        + " does not match the shape of the indexed tensor " + Shape.toString(dims) + " at index " + (firstDim + d));
            }
        }
        double[] m = mask.values();
        int count = 0;
        for (double x : m) {
            count += x != 0 ? 1 : 0;
        }
        double[][] coords = new double[maskShape.length][count];
        int[] strides = Shape.contiguousStrides(maskShape);
        for (int i = 0, w = 0; i < m.length; i++) {
            if (m[i] != 0) {
                for (int d = 0; d < maskShape.length; d++) {
                    coords[d][w] = (i / strides[d]) % maskShape[d];
                }
                w++;
            }
        }
        List<Tensor> out = new ArrayList<>();
        for (double[] c : coords) {
            out.add(Tensor.wrap(c, new int[] {count}, DType.INT64));
        }
        return out;
    }

    /**
     * NumPy's advanced indexing on a view: the index tensors broadcast together to a shape B; where
     * the indexed dims are adjacent, B replaces them in place, otherwise B comes first, followed by
     * the other dims in order.
     */
    private static Tensor gather(Tensor view, int[] dims, List<Tensor> indices) {
        int[] b = Shape.SCALAR;
        for (Tensor idx : indices) {
            try {
                b = Shape.broadcast(b, idx.shape);
            } catch (TorchException e) {
                StringBuilder shapes = new StringBuilder();
                for (Tensor i : indices) {
                    shapes.append(shapes.length() > 0 ? ", " : "").append(Shape.toString(i.shape));
                }
                throw new TorchException("IndexError", "shape mismatch: indexing tensors could not be broadcast together with shapes "
                        + shapes);
            }
        }
        double[][] idx = new double[dims.length][];
        for (int k = 0; k < dims.length; k++) {
            idx[k] = Pointwise.broadcastValues(indices.get(k), b);
            int size = view.shape[dims[k]];
            for (int j = 0; j < idx[k].length; j++) {
                long i = (long) idx[k][j];
                if (i < -size || i >= size) {
                    throw new TorchException("IndexError", "index " + i + " is out of bounds for dimension " + dims[k] + " with size " + size);
                }
                idx[k][j] = i < 0 ? i + size : i;
            }
        }
        boolean adjacent = dims[dims.length - 1] - dims[0] == dims.length - 1;
        int rank = view.dim();
        boolean[] advanced = new boolean[rank];
        for (int d : dims) {
            advanced[d] = true;
        }
        // the output's dims: B at the first indexed dim (adjacent) or in front, the view's other dims in order
        List<Integer> outShape = new ArrayList<>();
        List<Integer> basicDims = new ArrayList<>();
        int bAt = adjacent ? dims[0] : 0;
        for (int d = 0; d < rank; d++) {
            if (!advanced[d]) {
                basicDims.add(d);
            }
        }
        int basicBefore = 0;
        for (int d : basicDims) {
            basicBefore += d < bAt ? 1 : 0;
        }
        for (int i = 0; i < basicBefore; i++) {
            outShape.add(view.shape[basicDims.get(i)]);
        }
        for (int s : b) {
            outShape.add(s);
        }
        for (int i = basicBefore; i < basicDims.size(); i++) {
            outShape.add(view.shape[basicDims.get(i)]);
        }
        int[] out = toArray(outShape);
        double[] v = view.values();
        int[] viewStrides = Shape.contiguousStrides(view.shape);
        int[] outStrides = Shape.contiguousStrides(out);
        int bSize = Shape.numel(b);
        int[] bStrides = Shape.contiguousStrides(b);
        double[] result = new double[Shape.numel(out)];
        for (int o = 0; o < result.length; o++) {
            // split the output position into the basic dims' coordinates and B's flat position
            int flatB = 0, src = 0, rest = o;
            for (int d = 0; d < out.length; d++) {
                int coord = rest / outStrides[d];
                rest %= outStrides[d];
                int bDim = d - basicBefore;
                if (bDim >= 0 && bDim < b.length) {
                    flatB += coord * bStrides[bDim];
                } else {
                    int basic = basicDims.get(bDim < 0 ? d : d - b.length);
                    src += coord * viewStrides[basic];
                }
            }
            for (int k = 0; k < dims.length; k++) {
                src += (int) idx[k][bSize == 0 ? 0 : flatB] * viewStrides[dims[k]];
            }
            result[o] = v[src];
        }
        return Tensor.wrap(result, out, view.dtype());
    }

    private static long clampIndex(long i, int size) {
        if (i < 0) {
            i += size;
        }
        return Math.max(0, Math.min(size, i));
    }

    private static List<Index> expandEllipsis(Tensor t, List<Index> items) {
        int consumed = 0;
        int ellipses = 0;
        for (Index item : items) {
            if (item instanceof Index.At || item instanceof Index.Slice) {
                consumed++;
            } else if (item instanceof Index.ByTensor) {
                Tensor idx = ((Index.ByTensor) item).tensor();
                consumed += idx.dtype() == DType.BOOL ? Math.max(idx.dim(), 1) : 1;
            } else if (item instanceof Index.Rest) {
                ellipses++;
            }
        }
        if (ellipses > 1) {
            throw new TorchException("IndexError", "an index can only have a single ellipsis ('...')");
        }
        if (consumed > t.dim()) {
            throw new TorchException("IndexError", "too many indices for tensor of dimension " + t.dim());
        }
        List<Index> out = new ArrayList<>();
        for (Index item : items) {
            if (item instanceof Index.Rest) {
                for (int i = 0; i < t.dim() - consumed; i++) {
                    out.add(Index.slice(null, null, null));
                }
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    private static boolean isBasic(List<Index> items) {
        return items.stream().noneMatch(i -> i instanceof Index.ByTensor);
    }

    /** Row-major positions in {@code t} that {@code items} select, in the order of the result. */
    private static int[] positions(Tensor t, List<Index> items) {
        double[] flat = new double[t.numel()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = i;
        }
        Tensor numbered = Tensor.wrap(flat, t.shape, DType.INT64);
        double[] picked = apply(numbered, items).values();
        int[] pos = new int[picked.length];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = (int) picked[i];
        }
        return pos;
    }

    /** PyTorch names the node after the last indexing step: select, slice (even a full one), unsqueeze. */
    private static String nameOf(List<Index> items) {
        if (!isBasic(items)) {
            return "IndexBackward0";
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            Index item = items.get(i);
            if (item instanceof Index.At) {
                return "SelectBackward0";
            }
            if (item instanceof Index.Slice) {
                return "SliceBackward0";
            }
            if (item instanceof Index.NewAxis) {
                return "UnsqueezeBackward0";
            }
        }
        return "AliasBackward0";
    }

    /** {@code t[items]}. */
    public static Tensor get(Tensor t, List<Index> items) {
        return get(t, items, null);
    }

    /** {@code t[items]} recorded under {@code name} (null: PyTorch's name for the subscript), as split and chunk name their views. */
    public static Tensor get(Tensor t, List<Index> items, String name) {
        if (t.dim() == 0 && items.stream().anyMatch(i -> i instanceof Index.At || i instanceof Index.Slice)) {
            throw new TorchException("IndexError", "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or"
                    + " `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        }
        Tensor result = apply(t, items);
        if (Autograd.needed(t)) {
            if (!isBasic(items)) {
                result.setViewBase(null);
            }
            int[] pos = positions(t, items);
            int[] shape = t.shape;
            Autograd.record(result, name != null ? name : nameOf(items), new Tensor[] {t}, Autograd.NOTHING, null, Map.of("index", describe(items)),
                    new Positions.Scatter(pos, shape));
        }
        return result;
    }

    /** {@code torch.nonzero(t)}: the int64 index (one row of coordinates) of every nonzero element, in row-major order. */
    public static Tensor nonzero(Tensor t) {
        double[] v = t.values();
        int dims = t.dim();
        int count = 0;
        for (double x : v) {
            if (x != 0) {
                count++;
            }
        }
        double[] out = new double[count * dims];
        int row = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                for (int d = dims - 1, rest = i; d >= 0; d--) {
                    out[row * dims + d] = rest % t.shape[d];
                    rest /= t.shape[d];
                }
                row++;
            }
        }
        return Tensor.wrap(out, new int[] {count, dims}, DType.INT64);
    }

    /** {@code torch.where(condition)} and {@code nonzero(as_tuple=True)}: one int64 tensor of indices per dimension. */
    public static Tensor[] nonzeroPerDimension(Tensor t) {
        Tensor rows = nonzero(t);
        int n = rows.shape[0], dims = Math.max(1, t.dim());
        double[] all = rows.values();
        Tensor[] out = new Tensor[dims];
        for (int d = 0; d < dims; d++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = t.dim() == 0 ? 0 : all[i * t.dim() + d];
            }
            out[d] = Tensor.wrap(col, new int[] {n}, DType.INT64);
        }
        return out;
    }

    /** {@code t.select(dim, i)} (also used by batched matmul). */
    public static Tensor select(Tensor t, int dim, int i) {
        return get(t, Index.along(Shape.wrapDim(dim, t.dim()), Index.at(i)));
    }

    /** {@code t[items] = value}: writes through to {@code t}'s storage; recorded as CopySlices when t requires grad. */
    public static void set(Tensor t, List<Index> items, Tensor value) {
        if (isBasic(items) && !(items.size() == 1 && items.get(0) == Index.ELLIPSIS) && t.requiresGrad()
                && t.gradFn() == null && GradMode.isEnabled()) {
            // PyTorch copies into the view t[items] (t itself for a lone "..."), so that view is what it refuses
            throw TorchException.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.");
        }
        t.checkInplace();
        int[] pos = positions(t, items);
        int[] targetShape = apply(t, items).shape;
        int[] common;
        try {
            common = Shape.broadcast(value.shape, targetShape);
        } catch (TorchException e) {
            common = null;
        }
        if (common == null || !java.util.Arrays.equals(common, targetShape)) {
            throw TorchException.runtime("shape mismatch: value tensor of shape " + Shape.toString(value.shape)
                    + " cannot be broadcast to indexing result of shape " + Shape.toString(targetShape));
        }
        double[] v = Pointwise.broadcastValues(value, targetShape);
        boolean record = Autograd.needed(t, value);
        Tensor before = record ? t.alias() : null;
        double[] all = t.toArray();
        for (int i = 0; i < pos.length; i++) {
            all[pos[i]] = v[i];
        }
        t.writeValues(all);
        if (record) {
            int[] shape = t.shape, valueShape = value.shape;
            Autograd.record(t, "CopySlices", new Tensor[] {before, value}, Autograd.NOTHING, (node, g) -> {
                double[] gv = g.toArray();
                double[] picked = new double[pos.length];
                for (int i = 0; i < pos.length; i++) {
                    picked[i] = gv[pos[i]];
                    gv[pos[i]] = 0;
                }
                Tensor gValue = Reductions.sumToShape(Tensor.wrap(picked, targetShape, g.dtype()), valueShape);
                return new Tensor[] {Tensor.wrap(gv, shape, g.dtype()), gValue};
            });
        }
    }

    private static String describe(List<Index> items) {
        StringBuilder sb = new StringBuilder();
        for (Index i : items) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            if (i instanceof Index.At) {
                sb.append(((Index.At) i).index());
            } else if (i instanceof Index.Slice) {
                Index.Slice s = (Index.Slice) i;
                sb.append(s.start() == null ? "" : s.start()).append(':').append(s.stop() == null ? "" : s.stop());
                if (s.step() != null) {
                    sb.append(':').append(s.step());
                }
            } else if (i instanceof Index.NewAxis) {
                sb.append("None");
            } else if (i instanceof Index.Rest) {
                sb.append("...");
            } else {
                sb.append("tensor");
            }
        }
        return sb.toString();
    }
}
