package org.autogradstudio.script.torch;

import org.autogradstudio.engine.TorchException;
import org.autogradstudio.script.runtime.PyException;

/**
 * The frames PyTorch 1.13's Python adds to the traceback of an error from a backward call (the
 * errors learners meet most: backward through a freed graph, on a non-scalar, on a tensor that does
 * not require grad): {@code Tensor.backward} in _tensor.py, then {@code torch.autograd.backward},
 * which either fails checking the gradients in {@code _make_grads} or in the C++ engine it calls.
 * Their lines and carets are what CPython printed for PyTorch's files on the reference machine.
 */
final class BackwardFrames {
    private static final String AUTOGRAD = "autograd/__init__.py";
    private static final String MAKE_GRADS_CALL = "grad_tensors_ = _make_grads(tensors, grad_tensors_, is_grads_batched=False)";

    private BackwardFrames() {
    }

    /** {@code e} raised by a backward pass, as the Python error with PyTorch's frames; {@code fromTensor}: called as {@code t.backward()}. */
    static PyException of(TorchException e, boolean fromTensor) {
        PyException p = TorchModule.toPython(e);
        String message = e.getMessage();
        boolean implicit = message.startsWith("grad can be implicitly created only for scalar outputs");
        if (implicit || message.startsWith("Mismatch in shape: grad_output[")) {
            p.addTraceback(TorchFrames.frame(AUTOGRAD, implicit ? 85 : 68, "_make_grads", implicit
                    ? "raise RuntimeError(\"grad can be implicitly created only for scalar outputs\")"
                    : "raise RuntimeError(\"Mismatch in shape: grad_output[\"", null, false));
            p.addTraceback(TorchFrames.frame(AUTOGRAD, 190, "backward", MAKE_GRADS_CALL,
                    MAKE_GRADS_CALL.substring(MAKE_GRADS_CALL.indexOf("_make_grads")), false));
        } else {
            p.addTraceback(TorchFrames.frame(AUTOGRAD, 197, "backward",
                    "Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass", null, false));
        }
        if (fromTensor) {
            p.addTraceback(TorchFrames.frame("_tensor.py", 488, "backward", "torch.autograd.backward(", null, false));
        }
        return p;
    }
}
