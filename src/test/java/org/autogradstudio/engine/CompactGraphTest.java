package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compact graph (0-d tensors without arrays, edges packed into nodes, a Python number kept as
 * a value, saved tensors named by kind) and the backward that writes into gradients only it holds
 * must look, from outside, exactly like the plain one.
 * The graphs here are drawn or derived, as a session's are: their nodes keep inputs and outputs.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.autogradstudio.engine.KeepGraphValues.class)
class CompactGraphTest {
    private static Tensor leaf(double v) {
        return Tensor.scalar(v, DType.FLOAT32).requiresGrad_(true);
    }

    @Test
    void aPythonNumberOperandIsOneTensorWithItsValue() {
        Tensor x = leaf(2);
        Tensor y = x.mul(Tensor.wrappedNumber(2.5, true));
        Node node = y.gradFn();
        Tensor number = node.inputs().get(1);
        assertSame(number, node.inputs().get(1), "made once, then the same tensor");
        assertSame(x, node.inputs().get(0));
        assertTrue(number.isWrappedNumber());
        assertEquals(DType.FLOAT64, number.dtype());
        assertEquals(2.5, number.item());
        assertNull(node.nextEdges().get(1));
        assertEquals(0, ((FunctionNode) node).inputShape(1).length);
        y.backward();
        assertEquals(2.5, x.grad().item());

        Tensor z = x.add(Tensor.wrappedNumber(3, false));
        assertEquals(DType.INT64, z.gradFn().inputs().get(1).dtype());
        assertEquals(3.0, z.gradFn().inputs().get(1).item());
    }

    @Test
    void savedTensorsAreCountedAndFreedAsBefore() {
        Tensor x = leaf(0.5);
        FunctionNode sin = (FunctionNode) x.sin().gradFn();
        FunctionNode exp = (FunctionNode) x.exp().gradFn();
        Tensor y = x.mul(Tensor.wrappedNumber(4, true));
        FunctionNode mul = (FunctionNode) y.gradFn();
        FunctionNode add = (FunctionNode) x.add(x).gradFn();
        assertEquals(1, sin.savedCount());
        assertSame(x, sin.saved(0));
        assertEquals(1, exp.savedCount());
        assertSame(exp.output(), exp.saved(0));
        assertEquals(2, mul.savedCount());
        assertEquals(4.0, mul.saved(1).item());
        assertEquals(0, add.savedCount());
        y.backward();
        assertTrue(mul.isReleased());
        assertEquals(0, mul.savedCount());
        assertThrows(TorchException.class, () -> mul.saved(0));
        assertTrue(!add.isReleased());
    }

    @Test
    void aSavedOutputStaysTheRecordedTensorWhenAnInPlaceOpTakesOverTheHistory() {
        Tensor x = leaf(0.3);
        Tensor y = x.mul(Tensor.wrappedNumber(1, true));
        y.inplace(ElementwiseOp.EXP, null);
        // float32 exp as PyTorch's kernel computes it (torch.tensor(0.3).exp() is 1.3498587608337402)
        Tensor expected = Tensor.scalar(Float32Math.exp((float) 0.3), DType.FLOAT32);
        assertEquals(expected.item(), y.item());
        y.backward();
        assertEquals(expected.item(), x.grad().item());
    }

    @Test
    void gradientsShownToListenersAreNeverOverwritten() {
        List<Tensor> shown = new ArrayList<>();
        List<Double> valueWhenShown = new ArrayList<>();
        BackwardListener listener = new BackwardListener() {
            @Override
            public void onNodeRun(Node node, Tensor incomingGradient) {
                shown.add(incomingGradient);
                valueWhenShown.add(incomingGradient.item());
            }

            @Override
            public void onEdge(Node from, Edge edge, Tensor gradient) {
                shown.add(gradient);
                valueWhenShown.add(gradient.item());
            }
        };
        Tensor x = leaf(0.5);
        Tensor y = x;
        for (int i = 0; i < 20; i++) {
            y = y.add(y.sin().mul(Tensor.wrappedNumber(0.001, true)));
        }
        Engine.addListener(listener);
        try {
            y.backward();
        } finally {
            Engine.removeListener(listener);
        }
        double withListener = x.grad().item();
        double[] now = new double[shown.size()];
        double[] then = new double[shown.size()];
        for (int i = 0; i < now.length; i++) {
            now[i] = shown.get(i).item();
            then[i] = valueWhenShown.get(i);
        }
        assertArrayEquals(then, now);

        // the same chain without a listener (where results are written in place) gives the same gradient
        Tensor x2 = leaf(0.5);
        Tensor y2 = x2;
        for (int i = 0; i < 20; i++) {
            y2 = y2.add(y2.sin().mul(Tensor.wrappedNumber(0.001, true)));
        }
        y2.backward();
        assertEquals(withListener, x2.grad().item());
    }

    @Test
    void aRootGradientIsNotModifiedByTheBackwardPass() {
        Tensor x = leaf(0.7);
        Tensor y = x.sin().add(x.cos());
        Tensor seed = Tensor.scalar(1.5, DType.FLOAT32);
        y.backward(seed, false);
        assertEquals(1.5, seed.item());
        float g = (float) ((float) 1.5 * (float) Math.cos(0.7f)) + (float) ((float) 1.5 * (float) -(float) Math.sin(0.7f));
        assertEquals(g, x.grad().item(), 1e-6);
    }

    @Test
    void viewsOfAZeroDimensionalTensorReadAndWriteItsElement() {
        Tensor s = Tensor.scalar(4, DType.FLOAT32);
        Tensor v = s.unsqueeze(0);
        assertArrayEquals(new int[] {1}, v.shape());
        assertEquals(4.0, v.getFlat(0));
        v.copyFrom(new double[] {6});
        assertEquals(6.0, s.item());
        assertTrue(v.sharesStorageWith(s));
        assertArrayEquals(new double[] {6}, s.detach().toArray());
    }
}
