package org.autogradstudio.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autogradstudio.engine.CustomFunction;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;
import org.junit.jupiter.api.Test;

/** A script's own torch.autograd.Function stays without a rule, and the derivation says why, naming the class. */
class CustomFunctionDerivationTest {
    @Test
    void theNoteNamesTheClassAndAutogradStillStands() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}, new int[] {3}, DType.FLOAT64).requiresGrad_(true);
        Tensor out = CustomFunction.record(x.detach().mul(x.detach()), "MyFnBackward", new Tensor[] {x}, new Tensor[] {x},
                (node, g) -> new Tensor[] {g.mul(node.saved(0)).mul(2)});
        Tensor root = out.sum();
        root.backward();
        Derivation d = ChainRule.derive(x, root, Symbols.none().name(x, "x"), 1);
        assertTrue(d.notes().contains("MyFnBackward is the script's own backward: its chain rule is the code in its backward method"),
                d.notes().toString());
        assertEquals(4.0, d.autograd());
        assertTrue(Double.isNaN(d.value()), "no chain-rule value is claimed: " + d.value());
        // the finite difference replays each node's forward, which a script's Function has none of here
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> FiniteDifference.check(x, root, 1e-6, 1));
        assertTrue(e.getMessage().startsWith("MyFnBackward is the script's own backward"), e.getMessage());
    }
}
