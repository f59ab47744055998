package org.autogradstudio.engine;

import java.util.Map;

/**
 * Ops whose every output element is one input element: {@code gather}, {@code index_select},
 * {@code flip}, {@code repeat} and {@code diag}. Each is described by the row-major input position
 * of every output element, which also gives the backward pass: the gradient is added back
 * (scatter-add) into those positions, so repeated picks sum as PyTorch's do.
 */
public final class Selections {
    private Selections() {
    }

    /** The output {@code out[i] = x[positions[i]]} of shape {@code shape}, recorded as {@code name}. */
    static Tensor pick(Tensor x, int[] positions, int[] shape, String name, Map<String, Object> attributes) {
        double[] v = x.values();
        double[] out = new double[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[positions[i]];
        }
        Tensor result = Tensor.wrap(out, shape, x.dtype());
        if (Autograd.needed(x)) {
            int[] inShape = x.shape;
            // the picked positions go with the attributes so the derivation panel can replay the pick
            Map<String, Object> recorded = new java.util.LinkedHashMap<>(attributes);
            recorded.put("positions", positions.clone());
            recorded.put("shape", shape.clone());
            Autograd.record(result, name, new Tensor[] {x}, Autograd.NOTHING, null, java.util.Collections.unmodifiableMap(recorded), (node, g) -> {
                double[] gv = g.values();
                double[] grad = new double[Shape.numel(inShape)];
                for (int i = 0; i < positions.length; i++) {
                    grad[positions[i]] += gv[i];
                }
                return new Tensor[] {Tensor.wrap(grad, inShape, DType.FLOAT64)};
            });
        }
        return result;
    }

    /** The coordinates of row-major position {@code flat} in {@code shape}. */
    private static int[] coordinates(int flat, int[] strides, int[] shape) {
        int[] c = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            c[d] = shape[d] == 0 ? 0 : flat / strides[d] % shape[d];
        }
        return c;
    }

    private static int flatten(int[] coords, int[] strides) {
        int p = 0;
        for (int d = 0; d < coords.length; d++) {
            p += coords[d] * strides[d];
        }
        return p;
    }

    private static void requireLong(Tensor index, String fn) {
        if (index.dtype() != DType.INT64) {
            throw TorchException.runtime(fn + "(): Expected dtype int64 for index");
        }
    }

    /** {@code gather(dim, index)}: out[..., i, ...] = x[..., index[..., i, ...], ...] along dim. */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        requireLong(index, "gather");
        int rank = Math.max(1, x.dim());
        int d = Shape.wrapDim(dim, rank);
        if (index.dim() != x.dim()) {
            throw TorchException.runtime("Index tensor must have the same number of dimensions as input tensor");
        }
        int[] xStrides = Shape.contiguousStrides(x.shape), iStrides = Shape.contiguousStrides(index.shape);
        double[] iv = index.values();
        int[] positions = new int[iv.length];
        for (int i = 0; i < iv.length; i++) {
            int[] c = coordinates(i, iStrides, index.shape);
            for (int k = 0; k < c.length; k++) {
                if (k != d && c[k] >= x.shape[k]) {
                    throw TorchException.runtime("Size does not match at dimension " + k + " expected index "
                            + Shape.torchSize(index.shape) + " to be smaller than self " + Shape.torchSize(x.shape)
                            + " apart from dimension " + d);
                }
            }
            long at = (long) iv[i];
            if (at < -x.shape[d] || at >= x.shape[d]) {
                throw TorchException.runtime("index " + at + " is out of bounds for dimension " + d + " with size " + x.shape[d]);
            }
            c[d] = (int) (at < 0 ? at + x.shape[d] : at);
            positions[i] = flatten(c, xStrides);
        }
        return pick(x, positions, index.shape.clone(), "GatherBackward0", Map.of("dim", (long) dim));
    }

    /** {@code index_select(dim, index)}: the slices of x along dim at the (1-d) indices, in their order. */
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        requireLong(index, "index_select");
        if (index.dim() > 1) {
            throw new TorchException("IndexError", "index_select(): Index is supposed to be a vector");
        }
        int d = Shape.wrapDim(dim, Math.max(1, x.dim()));
        double[] iv = index.values();
        int[] shape = x.shape.clone();
        shape[d] = iv.length;
        int[] xStrides = Shape.contiguousStrides(x.shape), oStrides = Shape.contiguousStrides(shape);
        int[] positions = new int[Shape.numel(shape)];
        for (int i = 0; i < positions.length; i++) {
            int[] c = coordinates(i, oStrides, shape);
            long at = (long) iv[c[d]];
            if (at < -x.shape[d] || at >= x.shape[d]) {
                throw new TorchException("IndexError", "index out of range in self");
            }
            c[d] = (int) (at < 0 ? at + x.shape[d] : at);
            positions[i] = flatten(c, xStrides);
        }
        return pick(x, positions, shape, "IndexSelectBackward0", Map.of("dim", (long) dim));
    }

    /** {@code flip(dims)}: the elements in reverse order along each of dims. */
    public static Tensor flip(Tensor x, int[] dims) {
        boolean[] reversed = new boolean[x.dim()];
        for (int dim : dims) {
            int d = Shape.wrapDim(dim, Math.max(1, x.dim()));
            if (reversed[d]) {
                throw TorchException.runtime("dims has duplicates, original flip dims size=" + dims.length
                        + ", but unique flip dims size=" + (dims.length - 1));
            }
            reversed[d] = true;
        }
        int[] strides = Shape.contiguousStrides(x.shape);
        int[] positions = new int[x.numel()];
        for (int i = 0; i < positions.length; i++) {
            int[] c = coordinates(i, strides, x.shape);
            for (int d = 0; d < c.length; d++) {
                if (reversed[d]) {
                    c[d] = x.shape[d] - 1 - c[d];
                }
            }
            positions[i] = flatten(c, strides);
        }
        return pick(x, positions, x.shape.clone(), "FlipBackward0", Map.of("dims", java.util.Arrays.toString(dims)));
    }

    /** {@code repeat(*sizes)}: x tiled {@code sizes[d]} times along each dim (leading sizes add dims). */
    public static Tensor repeat(Tensor x, int[] sizes) {
        if (sizes.length < x.dim()) {
            throw TorchException.runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
        }
        int lead = sizes.length - x.dim();
        int[] inShape = new int[sizes.length];
        int[] shape = new int[sizes.length];
        for (int d = 0; d < sizes.length; d++) {
            inShape[d] = d < lead ? 1 : x.shape[d - lead];
            shape[d] = inShape[d] * sizes[d];
        }
        int[] inStrides = Shape.contiguousStrides(inShape), oStrides = Shape.contiguousStrides(shape);
        int[] positions = new int[Shape.numel(shape)];
        for (int i = 0; i < positions.length; i++) {
            int[] c = coordinates(i, oStrides, shape);
            for (int d = 0; d < c.length; d++) {
                c[d] %= inShape[d];
            }
            positions[i] = flatten(c, inStrides);
        }
        return pick(x, positions, shape, "RepeatBackward0", Map.of("repeats", java.util.Arrays.toString(sizes)));
    }

    /** {@code torch.diag}: a vector becomes the diagonal of a square matrix, a matrix gives its diagonal. */
    public static Tensor diag(Tensor x) {
        if (x.dim() == 1) {
            int n = x.shape[0];
            double[] v = x.values();
            double[] out = new double[n * n];
            for (int i = 0; i < n; i++) {
                out[i * n + i] = v[i];
            }
            Tensor result = Tensor.wrap(out, new int[] {n, n}, x.dtype());
            if (Autograd.needed(x)) {
                // where each output element comes from; -1 for the zeros off the diagonal
                int[] from = new int[n * n];
                java.util.Arrays.fill(from, -1);
                for (int i = 0; i < n; i++) {
                    from[i * n + i] = i;
                }
                Autograd.record(result, "DiagBackward0", new Tensor[] {x}, Autograd.NOTHING, null, Map.of("positions", from, "shape", new int[] {n, n}), (node, g) -> {
                    double[] gv = g.values();
                    double[] grad = new double[n];
                    for (int i = 0; i < n; i++) {
                        grad[i] = gv[i * n + i];
                    }
                    return new Tensor[] {Tensor.wrap(grad, new int[] {n}, DType.FLOAT64)};
                });
            }
            return result;
        }
        if (x.dim() != 2) {
            throw TorchException.runtime("diag(): Supports 1D or 2D tensors. Got " + x.dim() + "D");
        }
        int n = Math.min(x.shape[0], x.shape[1]);
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i * x.shape[1] + i;
        }
        return pick(x, positions, new int[] {n}, "DiagBackward0", Map.of());
    }
}
