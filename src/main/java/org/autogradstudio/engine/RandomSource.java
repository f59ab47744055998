package org.autogradstudio.engine;

/**
 * PyTorch's default CPU generator (what {@code torch.manual_seed} seeds and every random factory
 * draws from when given no generator of its own).
 */
public final class RandomSource {
    /** PyTorch's default seed when a script never calls manual_seed. */
    private static final long DEFAULT_SEED = 67280421310721L;
    private static final Generator DEFAULT = new Generator(DEFAULT_SEED);

    private RandomSource() {
    }

    /** The default generator itself ({@code torch.default_generator}). */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    public static void manualSeed(long seed) {
        DEFAULT.manualSeed(seed);
    }

    static long next32() {
        return DEFAULT.next32();
    }

    static long next64() {
        return DEFAULT.next64();
    }

    static double uniform(DType dtype) {
        return DEFAULT.uniform(dtype);
    }

    static double uniform(double from, double to, DType dtype) {
        return DEFAULT.uniform(from, to, dtype);
    }

    static double normal() {
        return DEFAULT.normal();
    }

    static long integer(long low, long high) {
        return DEFAULT.integer(low, high);
    }

    static void normalFill(double[] out, DType dtype) {
        DEFAULT.normalFill(out, dtype);
    }

    static void normalFill(double[] out, DType dtype, double mean, double std) {
        DEFAULT.normalFill(out, dtype, mean, std);
    }
}
