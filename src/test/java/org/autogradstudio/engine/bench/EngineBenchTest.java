package org.autogradstudio.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark computes what PyTorch computes (its speed is measured by running it, never asserted). */
class EngineBenchTest {
    @Test
    void theChainItTimesIsPyTorchsChain() {
        // x = torch.tensor(1.0, requires_grad=True); 1000 x (y = y + 0.001 * torch.sin(y)); y.backward()
        EngineBench.ChainTimes times = EngineBench.chain(1000, 0, 1);
        // PyTorch's float32 sin is SLEEF's (1 ULP), not the correctly rounded sin the engine uses: on
        // about 5% of arguments they differ in the last bit, and over 1000 steps y ends one ULP away.
        assertEquals(1.9562503099441528, times.value(), 4 * Math.ulp(1.9562503f));
        assertEquals(1.1017037630081177, times.grad(), 16 * Math.ulp(1.1017037f));
        assertTrue(times.forwardNs() > 0 && times.backwardNs() > 0);
    }

    @Test
    void matmulRuns() {
        assertTrue(EngineBench.matmul(8, 0, 1) > 0);
    }

    @Test
    void reportNamesItsMeasurements() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EngineBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 200, 8);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("ns/node"), text);
        assertTrue(text.contains("GFLOP/s"), text);
    }
}
