package org.autogradstudio.engine;

/**
 * A CPU generator as PyTorch's ({@code torch.Generator}), so {@code torch.manual_seed(s)} followed
 * by {@code rand}, {@code randn}, {@code randint} or {@code randperm} gives the numbers real PyTorch
 * gives: a 32-bit Mersenne Twister (mt19937) and ATen's transformations of its output (24 random
 * bits per float32 uniform, 53 per float64, Box-Muller for normals with the second value cached,
 * 16-value blocks for large tensors). {@link RandomSource} holds the default one.
 */
public final class Generator {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] state = new int[N];
    private int index;
    private double cachedNormal = Double.NaN;
    private long seed;

    public Generator(long seed) {
        manualSeed(seed);
    }

    /** {@code generator.manual_seed(seed)}: the Mersenne Twister restarted from the seed's low 32 bits. */
    public synchronized void manualSeed(long seed) {
        this.seed = seed;
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            state[j] = 1812433253 * (state[j - 1] ^ (state[j - 1] >>> 30)) + j;
        }
        index = N;
        cachedNormal = Double.NaN;
    }

    /** The next 32 random bits, as an unsigned value. */
    synchronized long next32() {
        if (index >= N) {
            twist();
        }
        int y = state[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
            int next = state[(i + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) {
                next ^= 0x9908b0df;
            }
            state[i] = next;
        }
        index = 0;
    }

    /** 64 random bits: the first 32-bit draw is the high half, as ATen's random64(). */
    public synchronized long next64() {
        long hi = next32();
        long lo = next32();
        return (hi << 32) | lo;
    }

    /** A uniform value in [0, 1) with the precision of {@code dtype} (24 or 53 random bits). */
    synchronized double uniform(DType dtype) {
        if (dtype == DType.FLOAT64) {
            return (next64() & ((1L << 53) - 1)) * 0x1.0p-53;
        }
        return (float) ((next32() & ((1 << 24) - 1)) * 0x1.0p-24);
    }

    /**
     * A uniform value in [from, to) as ATen's {@code uniform_}: the bounds cast to the dtype, then
     * {@code u * (to - from) + from} in double, rounded to the dtype ({@code nn.Linear}'s
     * initialisation and {@code Tensor.uniform_} draw these).
     */
    synchronized double uniform(double from, double to, DType dtype) {
        double lo = dtype.round(from), hi = dtype.round(to);
        return dtype.round(uniform(dtype) * (hi - lo) + lo);
    }

    /** The seed last given ({@code initial_seed()}). */
    public synchronized long initialSeed() {
        return seed;
    }

    /**
     * {@code torch.randperm(n)}: 0..n-1 shuffled as ATen's CPU kernel does, swapping position i
     * with i + (32 random bits mod (n - i)) for i from 0.
     */
    public synchronized int[] randperm(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (next32() % (n - i));
            int swap = p[i];
            p[i] = p[z + i];
            p[z + i] = swap;
        }
        return p;
    }

    /** One standard normal in double, as ATen's normal_distribution&lt;double&gt; (caches the pair's sine). */
    synchronized double normal() {
        if (!Double.isNaN(cachedNormal)) {
            double v = cachedNormal;
            cachedNormal = Double.NaN;
            return v;
        }
        double u1 = uniform(DType.FLOAT64);
        double u2 = uniform(DType.FLOAT64);
        double r = Math.sqrt(-2.0 * Math.log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        cachedNormal = r * Math.sin(theta);
        return r * Math.cos(theta);
    }

    /** {@code randint}: {@code low + bits % range}, with 64 bits when the range needs them. */
    public synchronized long integer(long low, long high) {
        long range = high - low;
        long bits = range >= (1L << 32) ? next64() : next32();
        return Long.remainderUnsigned(bits, range) + low;
    }

    /**
     * Fills {@code out} with standard normals the way ATen's normal_fill does for tensors of 16 or
     * more elements: all uniforms first, then Box-Muller over blocks of 16 (values j and j+8 pair up),
     * the last partial block recomputed from fresh uniforms.
     */
    synchronized void normalFill(double[] out, DType dtype) {
        normalFill(out, dtype, 0, 1);
    }

    /** As {@link #normalFill(double[], DType)}, scaled by {@code std} and shifted by {@code mean} in the dtype's arithmetic. */
    synchronized void normalFill(double[] out, DType dtype, double mean, double std) {
        int size = out.length;
        for (int i = 0; i < size; i++) {
            out[i] = uniform(dtype);
        }
        for (int i = 0; i + 16 <= size; i += 16) {
            boxMuller16(out, i, dtype, mean, std);
        }
        if (size % 16 != 0) {
            int start = size - 16;
            for (int i = 0; i < 16; i++) {
                out[start + i] = uniform(dtype);
            }
            boxMuller16(out, start, dtype, mean, std);
        }
    }

    private void boxMuller16(double[] data, int at, DType dtype, double mean, double std) {
        if (dtype == DType.FLOAT32) {
            boxMuller16Float(data, at, (float) mean, (float) std);
            return;
        }
        double m = dtype.round(mean), s = dtype.round(std);
        for (int j = 0; j < 8; j++) {
            double u1 = dtype.round(1 - data[at + j]);
            double u2 = data[at + j + 8];
            double radius = dtype.round(Math.sqrt(dtype.round(-2 * dtype.round(Math.log(u1)))));
            double theta = dtype.round(2.0 * Math.PI * u2);
            data[at + j] = dtype.round(dtype.round(dtype.round(radius * dtype.round(Math.cos(theta))) * s) + m);
            data[at + j + 8] = dtype.round(dtype.round(dtype.round(radius * dtype.round(Math.sin(theta))) * s) + m);
        }
    }

    /**
     * ATen's normal_fill_16_AVX2 on floats: radius sqrt(-2 log(1 - u1)), angle 2 pi u2, with
     * avx_mathfun's log and sincos ({@link AvxMathfun}), and each output a fused
     * {@code n * std + mean}.
     */
    private static void boxMuller16Float(double[] data, int at, float mean, float std) {
        float twoPi = (float) (2 * Math.PI);
        float[] sincos = new float[2];
        for (int j = 0; j < 8; j++) {
            float u1 = 1f - (float) data[at + j];
            float u2 = (float) data[at + j + 8];
            float radius = (float) Math.sqrt(-2f * AvxMathfun.log(u1));
            AvxMathfun.sincos(twoPi * u2, sincos);
            data[at + j] = Math.fma(radius * sincos[1], std, mean);
            data[at + j + 8] = Math.fma(radius * sincos[0], std, mean);
        }
    }
}
