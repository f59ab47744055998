package org.autogradstudio.engine;

import java.util.Arrays;

/** Factory functions: {@code torch.zeros}, {@code ones}, {@code full}, {@code eye}, {@code arange}, {@code rand}, {@code randn} ... */
public final class Creation {
    /** The largest tensor a lesson may allocate (elements): refusing beats an OutOfMemoryError. */
    public static final long MAX_ELEMENTS = 200_000_000L;

    private Creation() {
    }

    static void checkSize(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw TorchException.runtime("Trying to create tensor with negative dimension " + s + ": " + Arrays.toString(shape));
            }
            n *= s;
            if (n > MAX_ELEMENTS) {
                break;
            }
        }
        if (n > MAX_ELEMENTS) {
            throw TorchException.runtime("[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't allocate memory:"
                    + " you tried to allocate " + (n * 4) + " bytes. Autograd Studio allows at most " + MAX_ELEMENTS + " elements per tensor.");
        }
    }

    public static Tensor full(int[] shape, double value, DType dtype, boolean requiresGrad) {
        checkSize(shape);
        double[] data = new double[Shape.numel(shape)];
        Arrays.fill(data, dtype.round(value));
        Tensor t = Tensor.wrap(data, shape.clone(), dtype);
        return requiresGrad ? t.requiresGrad_(true) : t;
    }

    public static Tensor zeros(int[] shape, DType dtype, boolean requiresGrad) {
        return full(shape, 0, dtype, requiresGrad);
    }

    public static Tensor ones(int[] shape, DType dtype, boolean requiresGrad) {
        return full(shape, 1, dtype, requiresGrad);
    }

    public static Tensor eye(int n, int m, DType dtype, boolean requiresGrad) {
        Tensor t = zeros(new int[] {n, m}, dtype, false);
        for (int i = 0; i < Math.min(n, m); i++) {
            t.storage.data[i * m + i] = 1;
        }
        return requiresGrad ? t.requiresGrad_(true) : t;
    }

    /** {@code torch.arange(start, end, step)}: int64 when all arguments are integers, else float32. */
    public static Tensor arange(double start, double end, double step, DType dtype, boolean requiresGrad) {
        if (step == 0) {
            throw TorchException.runtime("step must be nonzero");
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw TorchException.runtime("upper bound and larger bound inconsistent with step sign");
        }
        int n = (int) Math.ceil((end - start) / step);
        checkSize(new int[] {n});
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = dtype.round(start + i * step);
        }
        Tensor t = Tensor.wrap(data, new int[] {n}, dtype);
        return requiresGrad ? t.requiresGrad_(true) : t;
    }

    /**
     * {@code torch.linspace}, element for element as PyTorch 1.13's CPU kernel computes it in the
     * dtype's arithmetic (measured against it: every element of 800 random cases, float32 and
     * float64): the first half counts up from start, the second down from end, each as one fused
     * multiply-add ({@code start + step * i} rounded once). Whole pairs of vectors (8 floats or 4
     * doubles) take their first element that way and the lanes as {@code base + (lane * step)},
     * rounded twice; the half is decided per vector.
     */
    public static Tensor linspace(double start, double end, int steps, DType dtype, boolean requiresGrad) {
        if (steps < 0) {
            throw TorchException.runtime("number of steps must be non-negative");
        }
        double[] data = new double[steps];
        boolean integral = !dtype.isFloatingPoint();
        // the step is kept in the dtype (in double for integer dtypes), as ATen's step_t
        DType stepType = integral ? DType.FLOAT64 : dtype;
        double first = dtype.round(start), last = dtype.round(end);
        double step = steps > 1 ? stepType.round(stepType.round(last - first) / (steps - 1)) : 0;
        int half = steps / 2;
        int lanes = dtype == DType.FLOAT64 || integral ? 4 : 8;
        int vectorEnd = integral ? 0 : steps / (2 * lanes) * 2 * lanes;
        for (int v = 0; v < vectorEnd; v += lanes) {
            double base = linspaceElement(first, last, step, v, steps, half, stepType);
            for (int l = 0; l < lanes; l++) {
                data[v + l] = dtype.round(stepType.round(base + stepType.round(l * step)));
            }
        }
        for (int i = vectorEnd; i < steps; i++) {
            data[i] = dtype.round(linspaceElement(first, last, step, i, steps, half, stepType));
        }
        if (steps == 1) {
            data[0] = first;
        }
        Tensor t = Tensor.wrap(data, new int[] {steps}, dtype);
        return requiresGrad ? t.requiresGrad_(true) : t;
    }

    /** {@code start + step * i} below half, {@code end - step * (steps - i - 1)} above, each fused (one rounding). */
    private static double linspaceElement(double start, double end, double step, int i, int steps, int half, DType type) {
        if (type == DType.FLOAT32) {
            return i < half ? Math.fma((float) step, (float) i, (float) start) : Math.fma((float) -step, (float) (steps - i - 1), (float) end);
        }
        return i < half ? Math.fma(step, i, start) : Math.fma(-step, steps - i - 1, end);
    }

    public static Tensor rand(int[] shape, DType dtype, boolean requiresGrad) {
        checkSize(shape);
        double[] data = new double[Shape.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = RandomSource.uniform(dtype);
        }
        Tensor t = Tensor.wrap(data, shape.clone(), dtype);
        return requiresGrad ? t.requiresGrad_(true) : t;
    }

    /** Fills {@code t} in place with uniform values in [from, to), in row-major order ({@code uniform_}). */
    public static Tensor uniform_(Tensor t, double from, double to) {
        if (!t.dtype().isFloatingPoint()) {
            throw TorchException.runtime("\"check_uniform_bounds\" not implemented for '" + LinearAlgebra.typeName(t.dtype()) + "'");
        }
        if (from > to) {
            throw TorchException.runtime("uniform_ expects to return a [from, to) range, but found from=" + boundText(from)
                    + " > to=" + boundText(to));
        }
        double[] data = new double[t.numel()];
        for (int i = 0; i < data.length; i++) {
            data[i] = RandomSource.uniform(from, to, t.dtype());
        }
        return t.copyFrom(data);
    }

    private static String boundText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * {@code random_(from, to)} in place: integers {@code from + bits % (to - from)} (64 bits for a
     * range of 2^32 or more), or without {@code to} ATen's full range: [0, 2^24] for float32,
     * [0, 2^53] for float64, [0, 2^63) for int64.
     */
    public static Tensor random_(Tensor t, long from, Long to, Generator g) {
        double[] data = new double[t.numel()];
        if (to == null && from != 0) {
            to = from; // random_(to)
            from = 0;
        }
        for (int i = 0; i < data.length; i++) {
            if (to == null) {
                DType d = t.dtype();
                long bits = d == DType.FLOAT64 || d == DType.INT64 ? g.next64() : g.next32();
                long modulus = d == DType.FLOAT32 ? (1L << 24) + 1 : d == DType.FLOAT64 ? (1L << 53) + 1 : d == DType.BOOL ? 2 : Long.MIN_VALUE;
                data[i] = modulus == Long.MIN_VALUE ? (bits & Long.MAX_VALUE) : Long.remainderUnsigned(bits, modulus);
            } else {
                if (from >= to) {
                    throw TorchException.runtime("random_ expects 'from' to be less than 'to', but got from=" + from + " >= to=" + to);
                }
                data[i] = g.integer(from, to);
            }
        }
        return t.copyFrom(data);
    }

    /** Sets every element of {@code t} to {@code value}, in place ({@code fill_}). */
    public static Tensor fill_(Tensor t, double value) {
        double[] v = new double[t.numel()];
        java.util.Arrays.fill(v, value);
        return t.copyFrom(v);
    }

    /** Fills {@code t} in place with normal values ({@code normal_(mean, std)}), drawn as {@code randn} draws them. */
    public static Tensor normal_(Tensor t, double mean, double std) {
        if (!t.dtype().isFloatingPoint()) {
            throw TorchException.runtime("\"normal_kernel_cpu\" not implemented for '" + t.dtype().scalarTypeName() + "'");
        }
        if (std < 0) {
            throw TorchException.runtime("normal expects std >= 0.0, but found std " + boundText(std));
        }
        double[] data = new double[t.numel()];
        if (data.length >= 16) {
            RandomSource.normalFill(data, t.dtype(), mean, std);
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] = t.dtype().round(RandomSource.normal() * std + mean);
            }
        }
        return t.copyFrom(data);
    }

    public static Tensor randn(int[] shape, DType dtype, boolean requiresGrad) {
        checkSize(shape);
        double[] data = new double[Shape.numel(shape)];
        if (data.length >= 16) {
            RandomSource.normalFill(data, dtype);
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] = dtype.round(RandomSource.normal());
            }
        }
        Tensor t = Tensor.wrap(data, shape.clone(), dtype);
        return requiresGrad ? t.requiresGrad_(true) : t;
    }

    /** {@code torch.randint(low, high, shape)}. */
    public static Tensor randint(long low, long high, int[] shape) {
        checkSize(shape);
        double[] data = new double[Shape.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = RandomSource.integer(low, high);
        }
        return Tensor.wrap(data, shape.clone(), DType.INT64);
    }

    /** A copy with the same shape and values; {@code torch.tensor(t)} and {@code clone()} without history. */
    public static Tensor like(Tensor t, double value, DType dtype) {
        return full(t.shape, value, dtype == null ? t.dtype() : dtype, false);
    }
}
