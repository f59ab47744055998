package org.autogradstudio.script.torch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.engine.Creation;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.script.runtime.Py;

/** {@code torch.tensor(data)}: nested lists/tuples of numbers (or 0-d tensors) to a tensor, dtype inferred as PyTorch does. */
final class TensorLiteral {
    private TensorLiteral() {
    }

    /** @param dtype the requested dtype, or null to infer (bool, int64, else float32) */
    static Tensor build(Object data, DType dtype) {
        List<Integer> shape = new ArrayList<>();
        measure(data, shape);
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i);
        }
        long count = 1;
        for (int d : dims) {
            count *= d;
        }
        if (count > Creation.MAX_ELEMENTS) {
            throw Py.runtimeError("tensor too large: " + count + " elements");
        }
        double[] values = new double[(int) count];
        int[] kind = {0}; // 0 bool, 1 int, 2 float
        int[] pos = {0};
        fill(data, dims, 0, values, pos, kind);
        if (dtype == null) {
            dtype = kind[0] == 2 ? DType.FLOAT32 : kind[0] == 1 ? DType.INT64 : count == 0 ? DType.FLOAT32 : DType.BOOL;
        }
        return Tensor.of(values, dims, dtype);
    }

    private static void measure(Object data, List<Integer> shape) {
        Object cur = data;
        while (Args.isSequence(cur)) {
            List<Object> items = Args.sequence(cur);
            shape.add(items.size());
            if (items.isEmpty()) {
                return;
            }
            cur = items.get(0);
        }
        if (cur instanceof TensorObject t) {
            for (int d : t.tensor().shape()) {
                shape.add(d);
            }
        }
    }

    private static void fill(Object data, int[] dims, int depth, double[] out, int[] pos, int[] kind) {
        if (depth < dims.length && Args.isSequence(data)) {
            List<Object> items = Args.sequence(data);
            if (items.size() != dims[depth]) {
                throw Py.valueError("expected sequence of length " + dims[depth] + " at dim " + depth + " (got "
                        + items.size() + ")");
            }
            for (Object item : items) {
                fill(item, dims, depth + 1, out, pos, kind);
            }
            return;
        }
        if (data instanceof TensorObject t) {
            Tensor x = t.tensor();
            if (x.dim() != dims.length - depth) {
                throw Py.valueError("only one element tensors can be converted to Python scalars");
            }
            for (double v : x.toArray()) {
                out[pos[0]++] = v;
            }
            kind[0] = Math.max(kind[0], x.dtype().isFloatingPoint() ? 2 : x.dtype() == DType.INT64 ? 1 : 0);
            return;
        }
        if (depth != dims.length) {
            throw Py.typeError("not a sequence");
        }
        if (data instanceof Boolean b) {
            out[pos[0]++] = b ? 1 : 0;
        } else if (data instanceof Long || data instanceof BigInteger) {
            out[pos[0]++] = ((Number) data).doubleValue();
            kind[0] = Math.max(kind[0], 1);
        } else if (data instanceof Double d) {
            out[pos[0]++] = d;
            kind[0] = 2;
        } else if (Args.isSequence(data)) {
            throw Py.valueError("expected sequence of length " + dims[depth - 1] + " at dim " + (depth - 1) + " (got "
                    + Args.sequence(data).size() + ")");
        } else {
            throw Py.typeError("new(): invalid data type '" + Py.typeName(data) + "'");
        }
    }
}
