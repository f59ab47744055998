package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Saved tensors are checked as PyTorch checks them: an in-place change after saving is refused with its message. */
class SavedTensorsTest {
    private static final String HINT = " Hint: enable anomaly detection to find the operation that failed to compute its"
            + " gradient, with torch.autograd.set_detect_anomaly(True).";

    @Test
    void aSavedInputModifiedInPlaceIsRefused() {
        // x = torch.tensor([1., 2.], requires_grad=True); y = x * 2; z = y.sin(); y.add_(1); z.sum().backward()
        Tensor x = Tensor.of(new double[] {1, 2}, new int[] {2}, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x.mul(Tensor.wrappedNumber(2, false));
        Tensor z = y.sin();
        y.inplace(ElementwiseOp.ADD, Tensor.wrappedNumber(1, false));
        TorchException e = assertThrows(TorchException.class, () -> z.sum().backward());
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation:"
                + " [torch.FloatTensor [2]], which is output 0 of AddBackward0, is at version 1; expected version 0 instead." + HINT,
                e.getMessage());
    }

    @Test
    void threeSavedTensorsAreEachChecked() {
        // x = torch.tensor(1., requires_grad=True); a = x * 2; b = a.pow(x); a.mul_(3); b.backward()
        Tensor x = Tensor.scalar(1, DType.FLOAT32).requiresGrad_(true);
        Tensor a = x.mul(Tensor.wrappedNumber(2, false));
        Tensor b = Pointwise.pow(a, x);
        a.inplace(ElementwiseOp.MUL, Tensor.wrappedNumber(3, false));
        TorchException e = assertThrows(TorchException.class, b::backward);
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation:"
                + " [torch.FloatTensor []], which is output 0 of MulBackward0, is at version 1; expected version 0 instead." + HINT,
                e.getMessage());
    }

    @Test
    void modifyingAfterBackwardIsFine() {
        Tensor x = Tensor.scalar(0.5, DType.FLOAT64).requiresGrad_(true);
        Tensor y = x.mul(Tensor.wrappedNumber(2, false));
        Tensor z = y.mul(y);
        z.backward();
        y.inplace(ElementwiseOp.ADD, Tensor.wrappedNumber(1, false));
        assertEquals(4.0, x.grad().item());
        assertEquals(2.0, y.item());
    }
}
