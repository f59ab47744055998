package org.autogradstudio.engine;

import java.util.SplittableRandom;

/**
 * The generator behind {@code torch.manual_seed}, {@code rand} and {@code randn}: deterministic for
 * a seed, so a lesson prints the same numbers every run (not PyTorch's stream, which lessons avoid).
 */
public final class RandomSource {
    private static SplittableRandom random = new SplittableRandom(0x5DEECE66DL);
    private static double spare = Double.NaN;

    private RandomSource() {
    }

    public static synchronized void manualSeed(long seed) {
        random = new SplittableRandom(seed);
        spare = Double.NaN;
    }

    static synchronized double uniform() {
        return random.nextDouble();
    }

    /** Standard normal by Box-Muller, keeping the second value for the next call. */
    static synchronized double normal() {
        if (!Double.isNaN(spare)) {
            double s = spare;
            spare = Double.NaN;
            return s;
        }
        double u1 = random.nextDouble(), u2 = random.nextDouble();
        double r = Math.sqrt(-2 * Math.log(1 - u1));
        spare = r * Math.sin(2 * Math.PI * u2);
        return r * Math.cos(2 * Math.PI * u2);
    }
}
