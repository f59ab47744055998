package org.autogradstudio.engine;

/**
 * The graph side of a script's {@code torch.autograd.Function}: its forward has run without
 * recording, and its output gets one node (PyTorch names it after the class, {@code SquareBackward})
 * whose rule is the script's own {@code backward}. Like PyTorch, an output that is one of the inputs
 * comes back as a new tensor sharing its memory, so the input keeps its own history.
 */
public final class CustomFunction {
    private CustomFunction() {
    }

    /** What the script's backward gives: one gradient (or null) per tensor input, for the node that calls it. */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(FunctionNode node, Tensor gradOutput);
    }

    /**
     * Records {@code output} of a custom function over the tensor {@code inputs} (saving
     * {@code saved}, checked for in-place changes when the backward reads them). Returns the tensor
     * the script gets: {@code output} itself, or a fresh alias when it was one of the inputs. Nothing
     * is recorded when no input requires grad or grad mode is off.
     */
    public static Tensor record(Tensor output, String name, Tensor[] inputs, Tensor[] saved, Backward backward) {
        Tensor out = output;
        for (Tensor in : inputs) {
            if (in == output) {
                out = output.detach();
                break;
            }
        }
        boolean needed = false;
        for (Tensor in : inputs) {
            needed |= in.requiresGrad;
        }
        if (!needed || !GradMode.isEnabled()) {
            return out;
        }
        if (out.gradFn != null || out.requiresGrad) {
            out = out.detach();
        }
        return Autograd.record(out, name, inputs, saved, null, java.util.Map.of("custom", true), backward::apply);
    }

    /** Whether {@code node} was recorded by {@link #record} (PyTorch prints these as torch.autograd.function classes). */
    public static boolean isCustom(Node node) {
        return node.attributes().containsKey("custom");
    }
}
