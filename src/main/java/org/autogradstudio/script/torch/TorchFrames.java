package org.autogradstudio.script.torch;

import org.autogradstudio.engine.TorchException;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.SourceSpan;
import org.autogradstudio.script.runtime.TracebackEntry;

/**
 * Frames of PyTorch 1.13's own Python that an error passes through in PyTorch: a module's
 * {@code _call_impl}, a layer's or a loss's {@code forward}, a functional loss, a backward call,
 * an optimizer's constructor.
 * This runtime has none of that Python, so it adds the frames PyTorch's traceback would show, with
 * the lines of PyTorch's files on the reference machine and CPython 3.11's carets under the call on
 * each line, so that the learner sees PyTorch's traceback.
 */
final class TorchFrames {
    private TorchFrames() {
    }

    /**
     * A frame at {@code file:line} (under torch's sources) in {@code function}, whose statement
     * {@code source} (a line of its own, stripped) failed in {@code call} (null: the whole
     * statement), which goes on to the next line when {@code multiLine}; carets as CPython draws them.
     */
    static TracebackEntry frame(String file, int line, String function, String source, String call, boolean multiLine) {
        int at = call == null ? -1 : source.indexOf(call);
        String carets = at < 0 ? null
                : TracebackEntry.carets(source, true, new SourceSpan(1, at, multiLine ? 2 : 1, at + call.length(), -1, -1));
        return new TracebackEntry(NnModules.TORCH_SOURCES + file, line, function, source, carets);
    }

    /** Module.__call__'s frame, between the caller's and the module's forward. */
    static PyException callImpl(PyException e) {
        e.addTraceback(frame("nn/modules/module.py", 1194, "_call_impl", "return forward_call(*input, **kwargs)",
                "forward_call(*input, **kwargs)", false));
        return e;
    }

    /** nn.Linear's forward. */
    static PyException linearForward(PyException e) {
        e.addTraceback(frame("nn/modules/linear.py", 114, "forward", "return F.linear(input, self.weight, self.bias)",
                "F.linear(input, self.weight, self.bias)", false));
        return e;
    }

    /** nn.Sequential's forward, calling its child. */
    static PyException sequentialForward(PyException e) {
        e.addTraceback(frame("nn/modules/container.py", 204, "forward", "input = module(input)", "module(input)", false));
        return e;
    }

    /** mse_loss's or l1_loss's broadcast of input and target (where their sizes fail to match). */
    static PyException broadcastLoss(PyException e, String function, int line) {
        e.addTraceback(frame("functional.py", 74, "broadcast_tensors", "return _VF.broadcast_tensors(tensors)  # type: ignore[attr-defined]",
                "_VF.broadcast_tensors(tensors)", false));
        e.addTraceback(frame("nn/functional.py", line, function, "expanded_input, expanded_target = torch.broadcast_tensors(input, target)",
                "torch.broadcast_tensors(input, target)", false));
        return e;
    }

    /**
     * An optimizer's constructor failing in {@code Optimizer.__init__} (optimizer.py): at
     * {@code initLine} itself when {@code groupLine} is 0, else in {@code add_param_group} at
     * {@code groupLine}; under SGD's and Adam's own {@code __init__} (other optimizers' lines are not
     * recorded; their frame is left out).
     */
    static PyException optimizerInit(String optimizer, PyException e, int initLine, int groupLine, String raise) {
        String optim = "optim/optimizer.py";
        if (groupLine > 0) {
            e.addTraceback(frame(optim, groupLine, "add_param_group", raise, null, false));
            e.addTraceback(frame(optim, initLine, "__init__", "self.add_param_group(param_group)", null, false));
        } else {
            e.addTraceback(frame(optim, initLine, "__init__", raise, null, false));
        }
        if ("SGD".equals(optimizer) || "Adam".equals(optimizer)) {
            e.addTraceback(frame("optim/" + optimizer.toLowerCase(java.util.Locale.ROOT) + ".py", optimizer.equals("SGD") ? 109 : 137,
                    "__init__", "super(" + optimizer + ", self).__init__(params, defaults)", null, false));
        }
        return e;
    }

    /**
     * {@code e} raised by a backward pass, as the Python error with PyTorch's frames:
     * {@code torch.autograd.backward}, which fails either checking the gradients in
     * {@code _make_grads} or in the C++ engine it calls, and {@code Tensor.backward} in _tensor.py
     * when called as {@code t.backward()} ({@code fromTensor}).
     */
    static PyException backward(TorchException e, boolean fromTensor) {
        PyException p = TorchModule.toPython(e);
        String message = e.getMessage();
        String autograd = "autograd/__init__.py";
        boolean implicit = message.startsWith("grad can be implicitly created only for scalar outputs");
        if (implicit || message.startsWith("Mismatch in shape: grad_output[")) {
            p.addTraceback(frame(autograd, implicit ? 85 : 68, "_make_grads", implicit
                    ? "raise RuntimeError(\"grad can be implicitly created only for scalar outputs\")"
                    : "raise RuntimeError(\"Mismatch in shape: grad_output[\"", null, false));
            p.addTraceback(frame(autograd, 190, "backward", "grad_tensors_ = _make_grads(tensors, grad_tensors_, is_grads_batched=False)",
                    "_make_grads(tensors, grad_tensors_, is_grads_batched=False)", false));
        } else {
            p.addTraceback(frame(autograd, 197, "backward",
                    "Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass", null, false));
        }
        if (fromTensor) {
            p.addTraceback(frame("_tensor.py", 488, "backward", "torch.autograd.backward(", null, false));
        }
        return p;
    }

    /** A loss module's forward calling its functional form, at PyTorch's line in loss.py. */
    static PyException lossForward(PyException e, int line, String source, boolean multiLine) {
        e.addTraceback(frame("nn/modules/loss.py", line, "forward", source, source.substring("return ".length()), multiLine));
        return e;
    }
}
