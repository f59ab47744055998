package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Without {@link GraphValues#kept()} a 0-d elementwise node keeps saved values as numbers instead
 * of tensors. Seen from outside, backward must not tell the two apart: the same gradients, the
 * same version-check errors (naming the same producer and versions), retain_grad, the error of a
 * second backward. Each scenario runs in both modes and the results are compared.
 */
class LeanGraphTest {
    private static final String HINT = " Hint: enable anomaly detection to find the operation that failed to compute its"
            + " gradient, with torch.autograd.set_detect_anomaly(True).";

    @AfterEach
    void defaultMode() {
        GraphValues.setKept(false);
    }

    /** What a scenario ends with: the leaf's gradient, or the error backward raised. */
    private static String outcome(boolean kept, DType type, Function<Tensor, Tensor> scenario) {
        GraphValues.setKept(kept);
        Tensor x = Tensor.scalar(0.75, type).requiresGrad_(true);
        try {
            Tensor root = scenario.apply(x);
            root.backward();
            return "grad " + x.grad().item();
        } catch (TorchException e) {
            return e.getMessage();
        }
    }

    private static String sameInBothModes(Function<Tensor, Tensor> scenario) {
        return sameInBothModes(DType.FLOAT32, scenario);
    }

    private static String sameInBothModes(DType type, Function<Tensor, Tensor> scenario) {
        String lean = outcome(false, type, scenario);
        assertEquals(outcome(true, type, scenario), lean);
        return lean;
    }

    private static Tensor number(double v) {
        return Tensor.wrappedNumber(v, true);
    }

    @Test
    void aDroppedSavedInputModifiedInPlaceIsStillRefused() {
        // y = x * 2; z = y.sin(); y.add_(1); z.backward()
        String message = sameInBothModes(x -> {
            Tensor y = x.mul(number(2));
            Tensor z = y.sin();
            y.inplace(ElementwiseOp.ADD, number(1));
            return z;
        });
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation:"
                + " [torch.FloatTensor []], which is output 0 of AddBackward0, is at version 1; expected version 0 instead."
                + HINT, message);
    }

    @Test
    void aDroppedSavedOutputModifiedInPlaceIsNamedAfterItsNode() {
        // y = x * 2; z = y.exp(); z.mul_(3); z.backward()
        String message = sameInBothModes(x -> {
            Tensor z = x.mul(number(2)).exp();
            z.inplace(ElementwiseOp.MUL, number(3));
            return z;
        });
        assertTrue(message.contains("[torch.FloatTensor []], which is output 0 of ExpBackward0, is at version 1; expected version 0"),
                message);
    }

    @Test
    void aChangeThroughAnAliasReachesTheSaver() {
        // y = x * 2; z = y * y; y.detach().add_(1) twice; z.backward(): version 2, producer still MulBackward0
        String message = sameInBothModes(x -> {
            Tensor y = x.mul(number(2));
            Tensor z = y.mul(y);
            y.detach().inplace(ElementwiseOp.ADD, number(1));
            y.detach().inplace(ElementwiseOp.ADD, number(1));
            return z;
        });
        assertTrue(message.contains("which is output 0 of MulBackward0, is at version 2; expected version 0"), message);
    }

    @Test
    void twoNodesSavingOneTensorAreBothChecked() {
        String message = sameInBothModes(x -> {
            Tensor y = x.mul(number(2));
            Tensor z = y.sin().add(y.cos());
            y.inplace(ElementwiseOp.MUL, number(0.5));
            return z;
        });
        assertTrue(message.contains("is at version 1; expected version 0"), message);
    }

    @Test
    void unmodifiedChainsGiveTheSameGradients() {
        String grad = sameInBothModes(x -> {
            Tensor y = x;
            for (int i = 0; i < 50; i++) {
                y = y.add(y.sin().mul(number(0.01))).tanh().mul(y.sigmoid()).add(y.exp().mul(number(0.001)));
            }
            return y;
        });
        assertTrue(grad.startsWith("grad "), grad);
    }

    @Test
    void aSavedProductWithANumberChecksItsTensorInBothDtypes() {
        // a node saving a dropped input next to a Python number keeps that value in the version fields
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            String grad = sameInBothModes(type, x -> x.mul(number(1.5)).sin().mul(number(0.1)).mul(x.mul(number(2)).cos()));
            assertTrue(grad.startsWith("grad "), grad);
            // as in PyTorch, the gradient of s * 0.1 does not read s: changing s is no error
            String changed = sameInBothModes(type, x -> {
                Tensor s = x.mul(number(1.5)).sin();
                Tensor m = s.mul(number(0.1));
                s.inplace(ElementwiseOp.ADD, number(1));
                return m;
            });
            assertTrue(changed.startsWith("grad "), changed);
            // the saved value itself, to the last bit, and the changed tensor once handed back
            GraphValues.setKept(false);
            Tensor x = Tensor.scalar(0.3, type).requiresGrad_(true);
            Tensor s = x.sin();
            FunctionNode mul = (FunctionNode) s.mul(number(0.1)).gradFn();
            assertEquals(s.item(), mul.saved(0).item());
            s.inplace(ElementwiseOp.ADD, number(1));
            assertTrue(mul.savedScalar(1) == 0.1);
            TorchException e = org.junit.jupiter.api.Assertions.assertThrows(TorchException.class, () -> mul.saved(0));
            assertTrue(e.getMessage().contains("which is output 0 of AddBackward0, is at version 1; expected version 0"), e.getMessage());
        }
    }

    @Test
    void aProductOfTwoDroppedTensorsChecksEach() {
        for (int modified = 0; modified < 2; modified++) {
            int which = modified;
            String message = sameInBothModes(DType.FLOAT64, x -> {
                Tensor a = x.mul(number(2)), b = x.sin();
                Tensor p = a.mul(b);
                (which == 0 ? a : b).inplace(ElementwiseOp.MUL, number(3));
                return p;
            });
            assertTrue(message.contains("is at version 1; expected version 0"), message);
        }
    }

    @Test
    void retainGradOnADroppedSavedOutput() {
        String grad = sameInBothModes(DType.FLOAT64, x -> {
            Tensor z = x.mul(number(2)).exp();
            z.retainGrad();
            return z.mul(number(3));
        });
        assertEquals("grad " + 6 * Math.exp(1.5), grad);
        Tensor x = Tensor.scalar(0.75, DType.FLOAT64).requiresGrad_(true);
        Tensor z = x.mul(number(2)).exp();
        z.retainGrad();
        z.mul(number(3)).backward();
        assertEquals(3.0, z.grad().item());
    }

    @Test
    void modifyingAfterBackwardIsFine() {
        sameInBothModes(x -> {
            Tensor y = x.mul(number(2));
            Tensor z = y.sin();
            z.backward();
            y.inplace(ElementwiseOp.ADD, number(1));
            x.grad().inplace(ElementwiseOp.MUL, number(0));
            return y.mul(number(3));
        });
    }

    @Test
    void retainGraphKeepsTheSavedValuesForASecondBackward() {
        String grad = sameInBothModes(DType.FLOAT64, x -> {
            Tensor z = x.mul(number(2)).sin().mul(x.exp());
            z.backward(null, true);
            return z;
        });
        double x = 0.75;
        // twice d/dx sin(2x) e^x: the second pass adds the same gradient again
        assertEquals(2 * (2 * Math.cos(2 * x) + Math.sin(2 * x)) * Math.exp(x), Double.parseDouble(grad.substring(5)), 1e-12);
    }

    @Test
    void aSecondBackwardIsRefused() {
        String message = sameInBothModes(x -> {
            Tensor z = x.mul(number(2)).sin();
            z.backward();
            return z;
        });
        assertTrue(message.startsWith("Trying to backward through the graph a second time"), message);
    }

    @Test
    void retainGradWorksOnALeanNodesOutput() {
        Tensor x = Tensor.scalar(0.5, DType.FLOAT64).requiresGrad_(true);
        Tensor y = x.mul(number(2));
        y.retainGrad();
        y.sin().backward();
        assertEquals(Math.cos(1.0), y.grad().item(), 1e-15);
        assertEquals(2 * Math.cos(1.0), x.grad().item(), 1e-15);
    }

    @Test
    void aLeanNodeKeepsNoTensorsButTheNextFunctions() {
        Tensor x = Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x.mul(number(2));
        Tensor z = y.sin();
        Node sin = z.gradFn();
        assertTrue(sin.inputs().isEmpty());
        assertNull(sin.output());
        assertSame(y.gradFn(), sin.nextEdges().get(0).function());
        // the value saved for backward is y's, as a tensor of y's dtype
        Tensor saved = ((FunctionNode) sin).saved(0);
        assertEquals(y.item(), saved.item());
        assertEquals(DType.FLOAT32, saved.dtype());
        // only 0-d tensors are dropped: a vector op still names its inputs
        Tensor v = Tensor.of(new double[] {1, 2}, new int[] {2}, DType.FLOAT32).requiresGrad_(true);
        Tensor w = v.mul(v.sin());
        assertEquals(2, w.gradFn().inputs().size());
        assertSame(v, w.gradFn().inputs().get(0));
    }

    @Test
    void keptNodesShowTheirInputsAndOutputForDrawing() {
        GraphValues.setKept(true);
        Tensor x = Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x.mul(number(2));
        Tensor z = y.sin();
        Node sin = z.gradFn();
        assertSame(y, sin.inputs().get(0));
        assertSame(z, sin.output());
        assertEquals(2, y.gradFn().inputs().size());
    }

    @Test
    void theModeIsInheritedByThreadsStartedInIt() throws InterruptedException {
        GraphValues.setKept(true);
        boolean[] seen = new boolean[1];
        Thread t = new Thread(() -> seen[0] = GraphValues.kept());
        t.start();
        t.join();
        assertTrue(seen[0]);
        GraphValues.setKept(false);
        assertFalse(GraphValues.kept());
        assertNotNull(Thread.currentThread());
    }
}
