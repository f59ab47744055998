package org.autogradstudio.script.interp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyModule;

/**
 * Python's {@code random} module on a Mersenne Twister seeded the way CPython seeds it from an
 * int, so {@code random.seed(0); random.random()} gives CPython's numbers.
 */
final class RandomModule {
    private final int[] mt = new int[624];
    private int index = 625;
    private double gaussNext = Double.NaN;

    private RandomModule() {
        seed(BigInteger.valueOf(System.nanoTime()));
    }

    static PyModule create() {
        RandomModule r = new RandomModule();
        PyModule m = new PyModule("random");
        m.put("seed", new PyBuiltin("seed", (a, k) -> {
            Object s = a.length > 0 ? a[0] : Py.NONE;
            if (s == Py.NONE) {
                r.seed(BigInteger.valueOf(System.nanoTime()));
            } else if (s instanceof String str) {
                r.seed(BigInteger.valueOf(str.hashCode()).abs());
            } else if (s instanceof Double d) {
                r.seed(BigInteger.valueOf(Double.hashCode(d)).abs());
            } else {
                r.seed(s instanceof BigInteger b ? b.abs() : BigInteger.valueOf(Py.toLong(s)).abs());
            }
            return Py.NONE;
        }));
        m.put("random", new PyBuiltin("random", (a, k) -> r.random()));
        m.put("uniform", new PyBuiltin("uniform", (a, k) -> {
            double lo = Py.toDouble(a[0]);
            double hi = Py.toDouble(a[1]);
            return lo + (hi - lo) * r.random();
        }));
        m.put("gauss", PyBuiltin.of("gauss(mu=0.0, sigma=1.0)", a -> r.gauss(Py.toDouble(a[0]), Py.toDouble(a[1]))));
        m.put("normalvariate", PyBuiltin.of("normalvariate(mu=0.0, sigma=1.0)",
                a -> r.gauss(Py.toDouble(a[0]), Py.toDouble(a[1]))));
        m.put("randint", PyBuiltin.of("randint(a, b)", a -> {
            long lo = Py.toLong(a[0]);
            long hi = Py.toLong(a[1]);
            if (hi < lo) {
                throw Py.valueError("empty range for randrange() (" + lo + ", " + (hi + 1) + ", " + (hi + 1 - lo) + ")");
            }
            return lo + r.below(hi - lo + 1);
        }));
        m.put("randrange", PyBuiltin.of("randrange(start, stop=None, step=1)", a -> {
            long start = a[1] == Py.NONE ? 0 : Py.toLong(a[0]);
            long stop = a[1] == Py.NONE ? Py.toLong(a[0]) : Py.toLong(a[1]);
            long step = Py.toLong(a[2]);
            long n = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
            if (n <= 0) {
                throw Py.valueError("empty range for randrange()");
            }
            return start + step * r.below(n);
        }));
        m.put("choice", PyBuiltin.of("choice(seq)", a -> {
            int n = Ops.len(a[0]);
            if (n == 0) {
                throw Py.indexError("Cannot choose from an empty sequence");
            }
            return Ops.getItem(a[0], r.below(n));
        }));
        m.put("shuffle", PyBuiltin.of("shuffle(x)", a -> {
            if (!(a[0] instanceof PyList l)) {
                throw Py.typeError("'" + Ops.typeName(a[0]) + "' object does not support item assignment");
            }
            List<Object> items = l.items();
            for (int i = items.size() - 1; i > 0; i--) {
                int j = (int) r.below(i + 1);
                Object t = items.get(i);
                items.set(i, items.get(j));
                items.set(j, t);
            }
            return Py.NONE;
        }));
        m.put("sample", PyBuiltin.of("sample(population, k)", a -> {
            List<Object> pool = new ArrayList<>(java.util.Arrays.asList(Ops.toArray(a[0])));
            long k = Py.toLong(a[1]);
            if (k < 0 || k > pool.size()) {
                throw Py.valueError("Sample larger than population or is negative");
            }
            PyList out = new PyList();
            for (int i = 0; i < k; i++) {
                int j = (int) r.below(pool.size() - i);
                out.append(pool.get(j));
                pool.set(j, pool.get(pool.size() - i - 1));
            }
            return out;
        }));
        return m;
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < 624; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = 624;
    }

    /** CPython's {@code init_by_array} with the seed's 32-bit words, least significant first. */
    void seed(BigInteger s) {
        List<Integer> key = new ArrayList<>();
        BigInteger v = s;
        do {
            key.add(v.intValue());
            v = v.shiftRight(32);
        } while (v.signum() > 0);
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        int n = 624;
        for (int k = Math.max(n, key.size()); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key.get(j) + j;
            i++;
            j++;
            if (i >= n) {
                mt[0] = mt[n - 1];
                i = 1;
            }
            if (j >= key.size()) {
                j = 0;
            }
        }
        for (int k = n - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= n) {
                mt[0] = mt[n - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        index = 624;
        gaussNext = Double.NaN;
    }

    private int next32() {
        if (index >= 624) {
            for (int k = 0; k < 624; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
                mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    double random() {
        long a = (next32() & 0xffffffffL) >>> 5;
        long b = (next32() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code _randbelow}: rejection sampling on {@code getrandbits(n.bit_length())}. */
    long below(long n) {
        int k = 64 - Long.numberOfLeadingZeros(n);
        while (true) {
            long r = bits(k);
            if (r < n) {
                return r;
            }
        }
    }

    private long bits(int k) {
        if (k <= 32) {
            return (next32() & 0xffffffffL) >>> (32 - k);
        }
        long lo = next32() & 0xffffffffL;
        long hi = (next32() & 0xffffffffL) >>> (64 - k);
        return (hi << 32) | lo;
    }

    double gauss(double mu, double sigma) {
        double z = gaussNext;
        gaussNext = Double.NaN;
        if (Double.isNaN(z)) {
            double x2pi = random() * 2 * Math.PI;
            double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - random()));
            z = Math.cos(x2pi) * g2rad;
            gaussNext = Math.sin(x2pi) * g2rad;
        }
        return mu + z * sigma;
    }
}
