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
        // x = torch.tensor(0.5, requires_grad=True); 1000 x (y = y + 0.001 * torch.sin(y)); y.backward()
        EngineBench.ChainTimes times = EngineBench.chain(1000, 0, 1);
        assertEquals(1.213185429573059, times.value());
        assertEquals(1.9543862342834473, times.grad());
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
