package org.autogradstudio.script.torch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.CustomFunction;
import org.autogradstudio.engine.FunctionNode;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;
import org.autogradstudio.script.runtime.Descriptors;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyClass;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyTuple;
import org.autogradstudio.script.runtime.PyType;

/**
 * {@code torch.autograd.Function}: a lesson writes its own forward and backward as static methods
 * and calls {@code MyFn.apply(x, ...)}. The forward runs without recording; its output then gets one
 * node, {@code MyFnBackward}, whose backward is the script's method, called with a context that
 * hands back what forward saved (checked for in-place changes, freed after backward as PyTorch does).
 */
final class AutogradFunction {
    private AutogradFunction() {
    }

    static PyClass type() {
        Map<String, Object> dict = new HashMap<>();
        dict.put("apply", new Descriptors.ClassMethod(new PyBuiltin("apply", (args, kwargs) -> {
            if (!kwargs.isEmpty()) {
                throw Py.typeError("apply() takes no keyword arguments");
            }
            return apply((PyType) args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
        })));
        dict.put("forward", new Descriptors.StaticMethod(new PyBuiltin("forward", (args, kwargs) -> {
            throw new PyException("NotImplementedError", "You must implement the forward function for custom autograd.Function.");
        })));
        dict.put("backward", new Descriptors.StaticMethod(new PyBuiltin("backward", (args, kwargs) -> {
            throw new PyException("NotImplementedError", "You must implement either the backward or vjp method for your"
                    + " custom autograd.Function to use it with backward mode AD.");
        })));
        return new PyClass("Function", "torch.autograd.function", List.of(), dict, false);
    }

    private static Object apply(PyType cls, Object[] args) {
        List<Tensor> inputs = new ArrayList<>();
        Object[] needs = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            boolean tensor = args[i] instanceof TensorObject;
            needs[i] = tensor && ((TensorObject) args[i]).tensor().requiresGrad();
            if (tensor) {
                inputs.add(((TensorObject) args[i]).tensor());
            }
        }
        Context ctx = new Context(new PyTuple(needs));
        Object[] forwardArgs = new Object[args.length + 1];
        forwardArgs[0] = ctx;
        System.arraycopy(args, 0, forwardArgs, 1, args.length);
        Object result;
        boolean previous = GradMode.set(false);
        try {
            result = Ops.call(Ops.getAttr(cls, "forward"), forwardArgs, Py.NO_KWARGS);
        } finally {
            GradMode.set(previous);
        }
        if (!(result instanceof TensorObject out)) {
            throw Py.runtimeError("a custom autograd.Function in Autograd Studio must return one tensor from forward, not "
                    + Py.typeName(result));
        }
        String name = cls.name() + "Backward";
        Tensor recorded = CustomFunction.record(out.tensor(), name, inputs.toArray(new Tensor[0]),
                ctx.saved.toArray(new Tensor[0]), (node, g) -> backward(cls, ctx, node, g, args, name));
        return recorded == out.tensor() ? out : new TensorObject(recorded);
    }

    /** Calls the script's backward and keeps the gradients of the tensor arguments, as PyTorch checks them. */
    private static Tensor[] backward(PyType cls, Context ctx, FunctionNode node, Tensor g, Object[] args, String name) {
        ctx.node = node;
        Object r = Ops.call(Ops.getAttr(cls, "backward"), new Object[] {ctx, new TensorObject(g)}, Py.NO_KWARGS);
        Object[] grads = r instanceof PyTuple t ? t.toArray() : new Object[] {r};
        if (grads.length != args.length) {
            throw TorchException.runtime("function " + name + " returned an incorrect number of gradients (expected "
                    + args.length + ", got " + grads.length + ")");
        }
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < grads.length; i++) {
            boolean tensorArg = args[i] instanceof TensorObject;
            if (!tensorArg) {
                if (!Py.isNone(grads[i])) {
                    throw TorchException.runtime("function " + name + " returned a gradient different than None at position "
                            + (i + 1) + ", but the corresponding forward input was not a Variable");
                }
                continue;
            }
            out.add(Py.isNone(grads[i]) ? null : Args.strictTensor(grads[i], "backward", "gradient", i + 1));
        }
        return out.toArray(new Tensor[0]);
    }

    /** {@code ctx}: save_for_backward / saved_tensors, needs_input_grad, and any attribute the script sets. */
    static final class Context implements PyObject {
        private final PyTuple needsInputGrad;
        private final List<Tensor> saved = new ArrayList<>();
        private final Map<String, Object> attributes = new HashMap<>();
        private FunctionNode node;

        Context(PyTuple needsInputGrad) {
            this.needsInputGrad = needsInputGrad;
        }

        @Override
        public String typeName() {
            return "BackwardCFunction";
        }

        @Override
        public Object getAttr(String name) {
            switch (name) {
                case "needs_input_grad":
                    return needsInputGrad;
                case "save_for_backward":
                    return new PyBuiltin("save_for_backward", (args, kwargs) -> {
                        saved.clear();
                        for (Object a : args) {
                            if (!(a instanceof TensorObject t)) {
                                throw Py.typeError("save_for_backward can only save variables, but argument "
                                        + saved.size() + " is of type " + Py.typeName(a));
                            }
                            saved.add(t.tensor());
                        }
                        return Py.NONE;
                    });
                case "saved_tensors":
                    return savedTensors();
                case "mark_non_differentiable":
                case "set_materialize_grads":
                case "mark_dirty":
                    return new PyBuiltin(name, (args, kwargs) -> Py.NONE);
                default:
                    return attributes.get(name);
            }
        }

        private Object savedTensors() {
            Object[] items = new Object[saved.size()];
            for (int i = 0; i < items.length; i++) {
                try {
                    items[i] = TensorObject.wrap(node == null ? saved.get(i) : node.saved(i));
                } catch (TorchException e) {
                    throw TorchModule.toPython(e);
                }
            }
            return new PyTuple(items);
        }

        @Override
        public void setAttr(String name, Object value) {
            attributes.put(name, value);
        }
    }
}
