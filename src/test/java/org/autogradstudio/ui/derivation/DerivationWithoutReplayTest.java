package org.autogradstudio.ui.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.autogradstudio.engine.CustomFunction;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Through a script's own Function the panel still has a result: autograd's .grad, and why the other two are missing. */
class DerivationWithoutReplayTest {
    @Test
    void autogradIsShownWhenNeitherChainRuleNorFiniteDifferenceCanBeWorkedOut() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}, new int[] {3}, DType.FLOAT64).requiresGrad_(true);
        Tensor out = CustomFunction.record(x.detach().mul(3), "TripleBackward", new Tensor[] {x}, new Tensor[0],
                (node, g) -> new Tensor[] {g.mul(3)});
        Tensor root = out.sum();
        root.backward();
        DerivationResult r = DerivationModel.compute("x", x, "root", root, Map.of("x", x, "root", root), 1e-5, 0);
        assertEquals(3.0, r.autograd());
        assertNull(r.finiteDifference());
        assertTrue(Double.isNaN(r.numeric()) && Double.isNaN(r.symbolic()));
        assertNotNull(r.numericNote());
        assertTrue(r.numericNote().contains("TripleBackward"), r.numericNote());
        assertTrue(r.derivation().notes().stream().anyMatch(n -> n.contains("TripleBackward is the script's own backward")));
        assertFalse(r.agrees());
    }
}
