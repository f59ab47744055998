package org.autogradstudio.engine;

/**
 * The float log and sine/cosine that PyTorch 1.13's {@code randn} uses for its Box-Muller pairs:
 * not SLEEF but avx_mathfun's Cephes-style approximations (the header ATen's normal_fill_16_AVX2
 * includes), compiled with fused multiply-adds wherever a product feeds one sum. They differ from
 * the correctly rounded functions in the last bit of a few percent of the values, so a seeded
 * {@code torch.randn(64, 5)} is PyTorch's only with these.
 */
final class AvxMathfun {
    private static final float SQRTHF = 0.707106781186547524f;
    private static final float[] LOG_P = {7.0376836292E-2f, -1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f,
        +1.4249322787E-1f, -1.6668057665E-1f, +2.0000714765E-1f, -2.4999993993E-1f, +3.3333331174E-1f};
    private static final float LOG_Q1 = -2.12194440e-4f;
    private static final float LOG_Q2 = 0.693359375f;
    private static final float DP1 = -0.78515625f;
    private static final float DP2 = -2.4187564849853515625e-4f;
    private static final float DP3 = -3.77489497744594108e-8f;
    private static final float FOPI = 1.27323954473516f;
    private static final float SINCOF_P0 = -1.9515295891E-4f;
    private static final float SINCOF_P1 = 8.3321608736E-3f;
    private static final float SINCOF_P2 = -1.6666654611E-1f;
    private static final float COSCOF_P0 = 2.443315711809948E-005f;
    private static final float COSCOF_P1 = -1.388731625493765E-003f;
    private static final float COSCOF_P2 = 4.166664568298827E-002f;

    private AvxMathfun() {
    }

    /** log256_ps for a positive float (randn's 1 - u is in (0, 1]). */
    static float log(float x) {
        if (!(x > 0)) {
            return x == 0 ? Float.NEGATIVE_INFINITY : Float.NaN;
        }
        x = Math.max(x, Float.MIN_NORMAL);
        int bits = Float.floatToRawIntBits(x);
        float e = ((bits >>> 23) - 0x7f) + 1f;
        x = Float.intBitsToFloat((bits & ~0x7f800000) | Float.floatToRawIntBits(0.5f));
        boolean small = x < SQRTHF;
        float tmp = small ? x : 0f;
        x = x - 1f;
        e = e - (small ? 1f : 0f);
        x = x + tmp;
        float z = x * x;
        float y = LOG_P[0];
        for (int i = 1; i < LOG_P.length; i++) {
            y = Math.fma(y, x, LOG_P[i]);
        }
        y = y * x;
        y = y * z;
        y = Math.fma(e, LOG_Q1, y);
        y = Math.fma(-z, 0.5f, y);
        x = x + y;
        return Math.fma(e, LOG_Q2, x);
    }

    /** sincos256_ps: {@code out[0] = sin(x)}, {@code out[1] = cos(x)}. */
    static void sincos(float x, float[] out) {
        int signSin = Float.floatToRawIntBits(x) & 0x80000000;
        x = Math.abs(x);
        float y = x * FOPI;
        int j = (int) y;
        j = (j + 1) & ~1;
        y = j;
        int swapSin = (j & 4) << 29;
        boolean polyCos = (j & 2) == 0;
        x = Math.fma(y, DP1, x);
        x = Math.fma(y, DP2, x);
        x = Math.fma(y, DP3, x);
        int signCos = (~(j - 2) & 4) << 29;
        signSin ^= swapSin;
        float z = x * x;
        float c = COSCOF_P0;
        c = Math.fma(c, z, COSCOF_P1);
        c = Math.fma(c, z, COSCOF_P2);
        c = c * z;
        c = c * z;
        c = Math.fma(-z, 0.5f, c);
        c = c + 1f;
        float s = SINCOF_P0;
        s = Math.fma(s, z, SINCOF_P1);
        s = Math.fma(s, z, SINCOF_P2);
        s = s * z;
        s = Math.fma(s, x, x);
        // poly_mask picks, per lane, which polynomial is the sine
        float sin = polyCos ? s : c, cos = polyCos ? c : s;
        out[0] = Float.intBitsToFloat(Float.floatToRawIntBits(sin) ^ signSin);
        out[1] = Float.intBitsToFloat(Float.floatToRawIntBits(cos) ^ signCos);
    }
}
