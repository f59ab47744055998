package org.autogradstudio.engine;

/**
 * PyTorch's default CPU generator, so {@code torch.manual_seed(s)} followed by {@code rand},
 * {@code randn} or {@code randint} gives the numbers real PyTorch gives: a 32-bit Mersenne Twister
 * (mt19937) and ATen's transformations of its output (24 random bits per float32 uniform, 53 per
 * float64, Box-Muller for normals with the second value cached, 16-value blocks for large tensors).
 */
public final class RandomSource {
    private static final int N = 624;
    private static final int M = 397;
    /** PyTorch's default seed when a script never calls manual_seed. */
    private static final long DEFAULT_SEED = 67280421310721L;

    private static final int[] STATE = new int[N];
    private static int index;
    private static double cachedNormal = Double.NaN;

    static {
        manualSeed(DEFAULT_SEED);
    }

    private RandomSource() {
    }

    public static synchronized void manualSeed(long seed) {
        STATE[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            STATE[j] = 1812433253 * (STATE[j - 1] ^ (STATE[j - 1] >>> 30)) + j;
        }
        index = N;
        cachedNormal = Double.NaN;
    }

    /** The next 32 random bits, as an unsigned value. */
    static synchronized long next32() {
        if (index >= N) {
            twist();
        }
        int y = STATE[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private static void twist() {
        for (int i = 0; i < N; i++) {
            int y = (STATE[i] & 0x80000000) | (STATE[(i + 1) % N] & 0x7fffffff);
            int next = STATE[(i + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) {
                next ^= 0x9908b0df;
            }
            STATE[i] = next;
        }
        index = 0;
    }

    /** 64 random bits: the first 32-bit draw is the high half, as ATen's random64(). */
    static synchronized long next64() {
        long hi = next32();
        long lo = next32();
        return (hi << 32) | lo;
    }

    /** A uniform value in [0, 1) with the precision of {@code dtype} (24 or 53 random bits). */
    static synchronized double uniform(DType dtype) {
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
    static synchronized double uniform(double from, double to, DType dtype) {
        double lo = dtype.round(from), hi = dtype.round(to);
        return dtype.round(uniform(dtype) * (hi - lo) + lo);
    }

    /** One standard normal in double, as ATen's normal_distribution&lt;double&gt; (caches the pair's sine). */
    static synchronized double normal() {
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
    static synchronized long integer(long low, long high) {
        long range = high - low;
        long bits = range >= (1L << 32) ? next64() : next32();
        return Long.remainderUnsigned(bits, range) + low;
    }

    /**
     * Fills {@code out} with standard normals the way ATen's normal_fill does for tensors of 16 or
     * more elements: all uniforms first, then Box-Muller over blocks of 16 (values j and j+8 pair up),
     * the last partial block recomputed from fresh uniforms.
     */
    static synchronized void normalFill(double[] out, DType dtype) {
        normalFill(out, dtype, 0, 1);
    }

    /** As {@link #normalFill(double[], DType)}, scaled by {@code std} and shifted by {@code mean} in the dtype's arithmetic. */
    static synchronized void normalFill(double[] out, DType dtype, double mean, double std) {
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

    private static void boxMuller16(double[] data, int at, DType dtype, double mean, double std) {
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
}
