package org.autogradstudio.engine;

import static org.autogradstudio.engine.GradCheck.awayFromZero;
import static org.autogradstudio.engine.GradCheck.uniform;
import static org.autogradstudio.engine.GradCheck.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The functions outside the derivation table against finite differences in float64, and erf against known values. */
class ElementwiseExtrasGradientTest {
    private static final int TRIES = 20;

    @Property(tries = TRIES)
    void everyFunction(@ForAll long seed) {
        Random r = new Random(seed);
        ElementwiseExtras.Fn fn = ElementwiseExtras.Fn.values()[r.nextInt(ElementwiseExtras.Fn.values().length)];
        int[] shape = GradCheck.shape(r, 3, 3);
        boolean unitInterval = fn == ElementwiseExtras.Fn.ASIN || fn == ElementwiseExtras.Fn.ACOS;
        // away from the steps of the rounding functions and sign (their derivative is 0 between steps)
        double[] v = values(r, shape, unitInterval ? uniform(-0.9, 0.9) : fn == ElementwiseExtras.Fn.LOG1P ? uniform(-0.5, 2)
                : awayFromZero(0.05, 0.45));
        if (!unitInterval && fn != ElementwiseExtras.Fn.LOG1P) {
            for (int i = 0; i < v.length; i++) {
                v[i] += Math.rint(2 * (r.nextDouble() - 0.5) * 2); // shift by whole numbers: still 0.05 from any integer
            }
        }
        GradCheck.check(fn.pyName, t -> ElementwiseExtras.apply(fn, t[0]), new int[][] {shape}, new double[][] {v}, seed);
    }

    @Property(tries = TRIES)
    void leakyReluAndMaskedFill(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 3, 3);
        double[] v = values(r, shape, awayFromZero(0.1, 2));
        double slope = 0.01 + r.nextDouble();
        GradCheck.check("leaky_relu", t -> ElementwiseExtras.leakyRelu(t[0], slope), new int[][] {shape}, new double[][] {v}, seed);
        double[] maskValues = new double[v.length];
        for (int i = 0; i < maskValues.length; i++) {
            maskValues[i] = r.nextBoolean() ? 1 : 0;
        }
        Tensor mask = Tensor.of(maskValues, shape, DType.BOOL);
        GradCheck.check("masked_fill", t -> ElementwiseExtras.maskedFill(t[0], mask, 7), new int[][] {shape},
                new double[][] {v}, seed);
    }

    @Test
    void erfMatchesItsKnownValues() {
        // erf(0.5), erf(1), erf(2), erf(3) to 16 digits
        assertEquals(0.5204998778130465, ElementwiseExtras.erf(0.5), 1e-15);
        assertEquals(0.8427007929497149, ElementwiseExtras.erf(1), 1e-15);
        assertEquals(0.9953222650189527, ElementwiseExtras.erf(2), 1e-15);
        assertEquals(0.9999779095030014, ElementwiseExtras.erf(3), 1e-15);
        assertEquals(-0.9999779095030014, ElementwiseExtras.erf(-3), 1e-15);
        assertEquals(0, ElementwiseExtras.erf(0));
    }
}
