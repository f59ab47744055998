package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Seeded float32 randn against what PyTorch 1.13 drew (torch-near/float32_randn, recorded): its
 * Box-Muller pairs use avx_mathfun's log and sincos, which engine.AvxMathfun follows but not yet to
 * every last bit. Every value must be within one float ulp of PyTorch's and at most 0.5% may
 * differ at all (correctly rounded log, sin and cos, as before, differed in about 5%).
 */
class TorchNearReferenceTest {
    @Test
    void seededRandnIsPyTorchsToTheLastBitAlmostEverywhere() throws Exception {
        Path script = Paths.get(getClass().getClassLoader().getResource("torch-near/float32_randn.py").toURI());
        String[] expected = Files.readString(Paths.get(script.toString().replace(".py", ".out")), StandardCharsets.UTF_8).split("\\s+");
        String[] actual = (ConformanceTest.run(script, false) + "").split("\\s+");
        assertEquals(expected.length, actual.length);
        int differing = 0, values = 0;
        for (int i = 0; i < expected.length; i++) {
            if (!expected[i].contains(".")) {
                assertEquals(expected[i], actual[i], "token " + i);
                continue;
            }
            values++;
            float want = Float.parseFloat(expected[i]), got = Float.parseFloat(actual[i]);
            if (want != got) {
                differing++;
                assertTrue(Math.abs(want - got) <= Math.ulp(want), "value " + i + ": " + got + " for PyTorch's " + want);
            }
        }
        assertTrue(values > 1000, "values compared: " + values);
        assertTrue(differing <= values / 200, differing + " of " + values + " differ");
    }
}
