package org.autogradstudio.engine;

/**
 * The float32 elementary functions as PyTorch 1.13's CPU kernels compute them: ATen evaluates
 * {@code exp}, {@code log}, {@code sin}, {@code cos} and {@code tanh} of a float tensor with
 * SLEEF's 1-ulp vector functions (the AVX2 build, whose multiply-adds are fused), so about one
 * result in twenty is not the correctly rounded float that {@code (float) Math.sin(x)} gives, and
 * a training loop that feeds such values back drifts from PyTorch's in the last digits. These are
 * the same algorithms step by step in float arithmetic: Cody-Waite range reduction, minimax
 * polynomials, and double-float (hi + lo) sums and products where SLEEF carries extra precision.
 * Measured bit for bit against torch 1.13 on 3.6 million inputs (src/test/resources/torch-cases
 * keeps a sample).
 * <p>
 * Two properties of the vector code show through. {@code sin} and {@code cos} reduce a whole
 * vector of 8 the slow way when any of its lanes is 125 or more in magnitude, which rounds its
 * small lanes differently now and then: {@link #sin(double[], double[], int)} follows the lanes.
 * Beyond 8e6, where SLEEF switches to a table-driven reduction this class does not have, about
 * one result in 50,000 still differs in the last bit. A double-float (hi + lo) lives in two local
 * floats on the common paths; the rare slow reduction packs it in a {@code long} (the high float's
 * bits over the low float's), which costs more but allocates nothing either.
 */
final class Float32Math {
    private static final float M_1_PI = (float) (1 / Math.PI);
    /** 1/pi as a double-float (high part and the rest), for the slow reduction. */
    private static final float M_1_PI_HI = (float) (1 / Math.PI);
    private static final float M_1_PI_LO = (float) (1 / Math.PI - (float) (1 / Math.PI));
    private static final float PI_A2 = 3.1414794921875f;
    private static final float PI_B2 = 0.00011315941810607910156f;
    private static final float PI_C2 = 1.9841872589410058936e-09f;
    private static final float PI_A3 = 3.14154052734375f;
    private static final float PI_B3 = 5.212612450122833252e-05f;
    private static final float PI_C3 = 1.2154188766544393729e-10f;
    private static final float PI_D3 = 1.2246402351402674302e-16f;
    private static final float PI_E3 = 6.5640073364868052239e-22f;
    /** Below this magnitude (every lane of a vector) sin and cos take the three-part reduction. */
    private static final float FAST_RANGE = 125f;
    /** Beyond this magnitude SLEEF's sin and cos return 0. */
    private static final float MAX_RANGE = 5e9f;
    private static final float L2U = 0.693145751953125f;
    private static final float L2L = 1.428606765330187045e-06f;
    private static final float R_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    /** ln 2 as a double-float. */
    private static final float LN2_HI = 0.69314718246459960938f;
    private static final float LN2_LO = -1.904654323148236017e-09f;
    /** Elements per AVX2 vector of floats. */
    static final int LANES = 8;

    private Float32Math() {
    }

    // ---- the functions ------------------------------------------------------------------------

    static float exp(float d) {
        int q = (int) Math.rint(d * R_LN2);
        float s = Math.fma((float) q, -L2U, d);
        s = Math.fma((float) q, -L2L, s);
        float u = 0.000198527617612853646278381f;
        u = Math.fma(u, s, 0.00139304355252534151077271f);
        u = Math.fma(u, s, 0.00833336077630519866943359f);
        u = Math.fma(u, s, 0.0416664853692054748535156f);
        u = Math.fma(u, s, 0.166666671633720397949219f);
        u = Math.fma(u, s, 0.5f);
        u = 1.0f + Math.fma(s * s, u, s);
        u = ldexp2(u, q);
        if (d < -104) {
            return 0;
        }
        return 100 < d ? Float.POSITIVE_INFINITY : u;
    }

    static float log(float d) {
        boolean tiny = d < Float.MIN_NORMAL;
        if (tiny) {
            d = d * ((float) (1L << 32) * (float) (1L << 32));
        }
        int e = ((Float.floatToRawIntBits(d * (1.0f / 0.75f)) >>> 23) & 0xff) - 0x7f;
        float m = Float.intBitsToFloat(Float.floatToRawIntBits(d) + ((-e) << 23));
        if (tiny) {
            e -= 64;
        }
        // s = ln2 * e as a double-float
        float fe = e;
        float sx = LN2_HI * fe, sy = Math.fma(LN2_LO, fe, Math.fma(LN2_HI, fe, -sx));
        // x = (m - 1) / (m + 1) as a double-float
        float nx = -1f + m, w = nx - -1f;
        float ny = (-1f - (nx - w)) + (m - w);
        float bx = 1f + m;
        w = bx - 1f;
        float by = (1f - (bx - w)) + (m - w);
        float t = 1.0f / bx, xx = nx * t;
        float v = Math.fma(t, nx, -xx);
        float xy = Math.fma(-by, t, Math.fma(-bx, t, 1));
        xy = Math.fma(xx, xy, Math.fma(ny, t, v));
        float x2 = xx * xx;
        float p = 0.3027294874e+0f;
        p = Math.fma(p, x2, 0.3996108174e+0f);
        p = Math.fma(p, x2, 0.6666694880e+0f);
        // s += 2x, then s += x^3 p
        float x2x = xx * 2, x2y = xy * 2;
        float rx = sx + x2x;
        sy = (((sx - rx) + x2x) + sy) + x2y;
        sx = rx;
        float c = (x2 * xx) * p;
        rx = sx + c;
        sy = ((sx - rx) + c) + sy;
        float r = rx + sy;
        if (d == Float.POSITIVE_INFINITY) {
            r = Float.POSITIVE_INFINITY;
        }
        if (d < 0 || Float.isNaN(d)) {
            r = Float.NaN;
        }
        return d == 0 ? Float.NEGATIVE_INFINITY : r;
    }

    static float tanh(float x) {
        // Written out with the double-float steps in local variables (hi, lo): packed into longs,
        // as the other functions are, it took four times as long as Math.tanh.
        float y = Math.abs(x);
        // d = exp(y) as a double-float (SLEEF's expk2f)
        int q = (int) Math.rint(y * R_LN2);
        float c = (float) q * -L2U;
        float sx = y + c, v = sx - y;
        float sy = ((y - (sx - v)) + (c - v)) + 0f;
        c = (float) q * -L2L;
        float rx = sx + c;
        v = rx - sx;
        sy = ((sx - (rx - v)) + (c - v)) + sy;
        sx = rx;
        float u = 0.1980960224e-3f;
        u = Math.fma(u, sx, 0.1394256484e-2f);
        u = Math.fma(u, sx, 0.8333456703e-2f);
        u = Math.fma(u, sx, 0.4166637361e-1f);
        float mx = sx * u, my = Math.fma(sy, u, Math.fma(sx, u, -mx));
        float tx = mx + 0.166666659414234244790680580464e+0f;
        v = tx - mx;
        float ty = ((mx - (tx - v)) + (0.166666659414234244790680580464e+0f - v)) + my;
        mx = sx * tx;
        my = Math.fma(sx, ty, Math.fma(sy, tx, Math.fma(sx, tx, -mx)));
        tx = mx + 0.5f;
        v = tx - mx;
        ty = ((mx - (tx - v)) + (0.5f - v)) + my;
        float qx = sx * sx, qy = Math.fma(sx + sx, sy, Math.fma(sx, sx, -qx));
        mx = qx * tx;
        my = Math.fma(qx, ty, Math.fma(qy, tx, Math.fma(qx, tx, -mx)));
        rx = sx + mx;
        v = rx - sx;
        ty = ((sx - (rx - v)) + (mx - v)) + (sy + my);
        tx = rx;
        rx = 1f + tx;
        float ry = ((1f - rx) + tx) + ty;
        float dx = ldexp2(rx, q), dy = ldexp2(ry, q);
        // e = 1 / d; (d - e) / (d + e)
        float ex = 1.0f / dx, ey = ex * Math.fma(-dy, ex, Math.fma(-dx, ex, 1));
        float nx = dx + -ex, ny = (((dx - nx) + -ex) + dy) + -ey;
        float bx = dx + ex, by = (((dx - bx) + ex) + dy) + ey;
        float t = 1.0f / bx, divx = nx * t;
        float w = Math.fma(t, nx, -divx);
        float divy = Math.fma(-by, t, Math.fma(-bx, t, 1));
        divy = Math.fma(divx, divy, Math.fma(ny, t, w));
        y = divx + divy;
        if (Math.abs(x) > 8.664339742f || Float.isNaN(y)) {
            y = 1.0f;
        }
        y = Float.intBitsToFloat(Float.floatToRawIntBits(y) ^ (Float.floatToRawIntBits(x) & 0x80000000));
        return Float.isNaN(x) ? Float.NaN : y;
    }

    /** Elements a kernel's vector loop takes at a time (two vectors); the rest go to its scalar loop. */
    static final int VECTOR_PAIR = 2 * LANES;

    /**
     * exp as element {@code i} of a contiguous {@code n}-element ATen kernel sees it (sigmoid, silu):
     * the vector loop's SLEEF exp for the first {@code n - n % 16} elements, the scalar loop's C
     * library expf (correctly rounded here) for the rest (all of a tensor under 16 elements).
     */
    static float kernelExp(float v, int i, int n) {
        return i < n - n % VECTOR_PAIR ? exp(v) : (float) Math.exp(v);
    }

    /**
     * Element {@code i} of a contiguous {@code n}-element sigmoid, {@code 1 / (1 + exp(-x))} with
     * {@link #kernelExp}; the vector loop's {@code 1 / (exp(0 - x) + 1)} is the same number.
     */
    static float sigmoid(float x, int i, int n) {
        return 1f / (1f + kernelExp(-x, i, n));
    }

    /** sin of one value, as a lane of a vector whose other lanes are small (a 0-d tensor: the rest is padding). */
    static float sin(float d) {
        return lane(d, !(Math.abs(d) < FAST_RANGE), false);
    }

    static float cos(float d) {
        return lane(d, !(Math.abs(d) < FAST_RANGE), true);
    }

    /** sin (or cos) of each element in vectors of {@link #LANES}, each reduced the slow way when any lane needs it. */
    static double[] sinOrCos(double[] in, boolean cos) {
        double[] out = new double[in.length];
        lanes(in, out, in.length, cos);
        return out;
    }

    private static void lanes(double[] in, double[] out, int n, boolean cos) {
        for (int g = 0; g < n; g += LANES) {
            int end = Math.min(n, g + LANES);
            boolean slow = false;
            for (int k = g; k < end; k++) {
                slow |= !(Math.abs(in[k]) < FAST_RANGE);
            }
            for (int k = g; k < end; k++) {
                out[k] = lane((float) in[k], slow, cos);
            }
        }
    }

    // ---- sin and cos: a reduction to [-pi/2, pi/2] (or around it), then one polynomial ------------

    private static float lane(float d, boolean slow, boolean cos) {
        return slow ? slowLane(d, cos) : cos ? fastCos(d) : fastSin(d);
    }

    // The fast reductions and the polynomial keep their double-floats in local (hi, lo) variables,
    // three times quicker than the packed longs the rare slow reduction uses; each path is its own
    // small method, so the JIT inlines the common ones.

    private static float fastSin(float d) {
        float u = (float) Math.rint(d * M_1_PI);
        float v = Math.fma(u, -PI_A2, d), c = u * -PI_B2;
        float ax = v + c, w = ax - v;
        float ay = (v - (ax - w)) + (c - w);
        c = u * -PI_C2;
        float tx = ax + c;
        return polynomial(d, tx, ((ax - tx) + c) + ay, (int) u, false);
    }

    private static float fastCos(float d) {
        float dq = Math.fma((float) Math.rint(Math.fma(d, M_1_PI, -0.5f)), 2, 1);
        float c = dq * (-PI_A2 * 0.5f);
        float ax = d + c, w = ax - d;
        float ay = (d - (ax - w)) + (c - w);
        c = dq * (-PI_B2 * 0.5f);
        float bx = ax + c;
        w = bx - ax;
        float by = ((ax - (bx - w)) + (c - w)) + ay;
        c = dq * (-PI_C2 * 0.5f);
        float tx = bx + c;
        w = tx - bx;
        return polynomial(d, tx, ((bx - (tx - w)) + (c - w)) + by, (int) dq, true);
    }

    /** The reduction for large arguments (and for every lane of a vector that has one). */
    private static float slowLane(float d, boolean cos) {
        // the quotient by pi as a double-float, its integer part split off in two steps
        long dfq = mulPF(M_1_PI_HI, M_1_PI_LO, d);
        if (cos) {
            dfq = add2DF(dfq, -0.5f);
        }
        float qx = hi(dfq);
        float r = (float) Math.rint(qx * (1.0f / (1 << 16)));
        float qy = (float) Math.rint(Math.fma(r, -(1 << 16), qx) + lo(dfq));
        if (cos) {
            qy = Math.fma(qy, 2, 1);
        }
        int q = (int) qy;
        dfq = normalizeFF(r * (cos ? 1 << 17 : 1 << 16), qy);
        float half = cos ? 0.5f : 1f;
        long t = normalizeD(add2FD(d, mulDF(dfq, -PI_A3 * half)));
        t = normalizeD(add2DD(t, mulDF(dfq, -PI_B3 * half)));
        t = normalizeD(add2DD(t, mulDF(dfq, -PI_C3 * half)));
        t = normalizeD(add2DD(t, mulDF(dfq, -PI_D3 * half)));
        t = normalizeD(add2DD(t, mulDF(dfq, -PI_E3 * half)));
        return polynomial(d, hi(t), lo(t), q, cos);
    }

    /** With t = (tx, ty) the reduced argument and q its quadrant: s = t^2, x = 1 + (-1/6 + u(s) s) s, the result t x. */
    private static float polynomial(float d, float tx, float ty, int q, boolean cos) {
        float sx = tx * tx, sy = Math.fma(tx + tx, ty, Math.fma(tx, tx, -sx));
        float u = 2.6083159809786593541503e-06f;
        u = Math.fma(u, sx, -0.0001981069071916863322258f);
        u = Math.fma(u, sx, 0.00833307858556509017944336f);
        float p = u * sx;
        float ax = -0.166666597127914428710938f + p, ay = (-0.166666597127914428710938f - ax) + p;
        float mx = ax * sx, my = Math.fma(ax, sy, Math.fma(ay, sx, Math.fma(ax, sx, -mx)));
        float xx = 1f + mx, xy = ((1f - xx) + mx) + my;
        float r = Math.fma(tx, xx, Math.fma(ty, xx, tx * xy));
        if (cos ? (q & 2) == 0 : (q & 1) != 0) {
            r = -r;
        }
        if (!Float.isInfinite(d) && Math.abs(d) > MAX_RANGE) {
            return cos ? 0 : -0.0f;
        }
        if (!cos && Float.floatToRawIntBits(d) == 0x80000000) {
            return -0.0f;
        }
        return r;
    }

    // ---- the C library's logf, for the kernels that call std::log on one float ----------------------

    /** glibc's logf tables: 1/c and log(c) for 16 subintervals of [0x1.6p-1, 0x1.6p0). */
    private static final double[] LOGF_INVC = {0x1.661ec79f8f3bep+0, 0x1.571ed4aaf883dp+0, 0x1.49539f0f010bp+0,
        0x1.3c995b0b80385p+0, 0x1.30d190c8864a5p+0, 0x1.25e227b0b8eap+0, 0x1.1bb4a4a1a343fp+0, 0x1.12358f08ae5bap+0,
        0x1.0953f419900a7p+0, 0x1p+0, 0x1.e608cfd9a47acp-1, 0x1.ca4b31f026aap-1, 0x1.b2036576afce6p-1,
        0x1.9c2d163a1aa2dp-1, 0x1.886e6037841edp-1, 0x1.767dcf5534862p-1};
    private static final double[] LOGF_LOGC = {-0x1.57bf7808caadep-2, -0x1.2bef0a7c06ddbp-2, -0x1.01eae7f513a67p-2,
        -0x1.b31d8a68224e9p-3, -0x1.6574f0ac07758p-3, -0x1.1aa2bc79c81p-3, -0x1.a4e76ce8c0e5ep-4, -0x1.1973c5a611cccp-4,
        -0x1.252f438e10c1ep-5, 0x0p+0, 0x1.aa5aa5df25984p-5, 0x1.c5e53aa362eb4p-4, 0x1.526e57720db08p-3,
        0x1.bc2860d22477p-3, 0x1.1058bc8a07ee1p-2, 0x1.4043057b6ee09p-2};
    private static final double[] LOGF_POLY = {-0x1.00ea348b88334p-2, 0x1.5575b0be00b6ap-2, -0x1.ffffef20a4123p-2};

    /**
     * logf as glibc computes it (ATen's scalar loops call it, e.g. binary_cross_entropy's kernel):
     * x = 2^k z, z near a table point c, log1p(z/c - 1) by a cubic in double, rounded once. It is
     * not always the correctly rounded result (0.5% of BCE's inputs differ from (float) Math.log).
     */
    static float libcLog(float x) {
        int ix = Float.floatToRawIntBits(x);
        if (ix == 0x3f800000) {
            return 0;
        }
        if (Integer.compareUnsigned(ix - 0x00800000, 0x7f800000 - 0x00800000) >= 0) {
            if (ix * 2 == 0) {
                return Float.NEGATIVE_INFINITY;
            }
            if (ix == 0x7f800000) {
                return x;
            }
            if ((ix & 0x80000000) != 0 || Integer.compareUnsigned(ix * 2, 0xff000000) >= 0) {
                return Float.NaN;
            }
            // a subnormal: normalized
            ix = Float.floatToRawIntBits(x * 0x1p23f) - (23 << 23);
        }
        int tmp = ix - 0x3f330000;
        int i = (tmp >>> (23 - 4)) % 16;
        int k = tmp >> 23;
        double z = Float.intBitsToFloat(ix - (tmp & (0x1ff << 23)));
        double r = Math.fma(z, LOGF_INVC[i], -1);
        double y0 = Math.fma(k, 0x1.62e42fefa39efp-1, LOGF_LOGC[i]);
        double r2 = r * r;
        double y = Math.fma(LOGF_POLY[1], r, LOGF_POLY[2]);
        y = Math.fma(LOGF_POLY[0], r2, y);
        return (float) Math.fma(y, r2, y0 + r);
    }

    // ---- scaling by powers of two ------------------------------------------------------------------

    private static float ldexp2(float d, int e) {
        return d * pow2i(e >> 1) * pow2i(e - (e >> 1));
    }

    private static float pow2i(int q) {
        return Float.intBitsToFloat((q + 0x7f) << 23);
    }

    // ---- double-float arithmetic (SLEEF's df.h, the fused-multiply-add variants) ----------------

    private static long pair(float hi, float lo) {
        return ((long) Float.floatToRawIntBits(hi) << 32) | (Float.floatToRawIntBits(lo) & 0xffffffffL);
    }

    private static float hi(long p) {
        return Float.intBitsToFloat((int) (p >>> 32));
    }

    private static float lo(long p) {
        return Float.intBitsToFloat((int) p);
    }

    private static long normalizeD(long t) {
        return normalizeFF(hi(t), lo(t));
    }

    private static long normalizeFF(float tx, float ty) {
        float sx = tx + ty;
        return pair(sx, (tx - sx) + ty);
    }

    private static long add2FD(float x, long y) {
        float rx = x + hi(y);
        float v = rx - x;
        return pair(rx, ((x - (rx - v)) + (hi(y) - v)) + lo(y));
    }

    private static long add2DF(long x, float y) {
        float xx = hi(x);
        float rx = xx + y;
        float v = rx - xx;
        return pair(rx, ((xx - (rx - v)) + (y - v)) + lo(x));
    }

    private static long add2DD(long x, long y) {
        float xx = hi(x), yx = hi(y);
        float rx = xx + yx;
        float v = rx - xx;
        return pair(rx, ((xx - (rx - v)) + (yx - v)) + (lo(x) + lo(y)));
    }

    private static long mulPF(float xx, float xy, float y) {
        float rx = xx * y;
        return pair(rx, Math.fma(xy, y, Math.fma(xx, y, -rx)));
    }

    private static long mulDF(long x, float y) {
        return mulPF(hi(x), lo(x), y);
    }
}
