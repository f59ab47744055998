package org.autogradstudio.script.torch;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.Node;
import org.autogradstudio.script.runtime.HostType;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyType;

/**
 * A {@code grad_fn} as scripts see it: {@code type(f).__name__} is PyTorch's class name
 * ({@code MulBackward0}), {@code next_functions} the edges, {@code variable} the leaf of an
 * AccumulateGrad. One wrapper per node, so {@code a.grad_fn is b.grad_fn} holds when it should.
 */
final class GradFnObject implements PyObject {
    private static final Map<Node, GradFnObject> WRAPPERS = new WeakHashMap<>();
    private static final Map<String, HostType> TYPES = new java.util.concurrent.ConcurrentHashMap<>();

    private final Node node;

    private GradFnObject(Node node) {
        this.node = node;
    }

    static Object of(Node node) {
        if (node == null) {
            return Py.NONE;
        }
        synchronized (WRAPPERS) {
            return WRAPPERS.computeIfAbsent(node, GradFnObject::new);
        }
    }

    Node node() {
        return node;
    }

    @Override
    public String typeName() {
        return node.name();
    }

    @Override
    public PyType type() {
        return TYPES.computeIfAbsent(node.name(), n -> new HostType(n,
                o -> o instanceof GradFnObject g && g.node.name().equals(n), null));
    }

    @Override
    public Object getAttr(String name) {
        switch (name) {
            case "next_functions":
                return nextFunctions();
            case "name":
                // the C++ class name PyTorch reports; only AccumulateGrad is not a generated Python class
                return new PyBuiltin("name", (a, k) -> node instanceof AccumulateGrad
                        ? "torch::autograd::AccumulateGrad" : node.name());
            case "variable":
                if (node instanceof AccumulateGrad acc) {
                    return TensorObject.wrap(acc.variable());
                }
                return null;
            case "metadata":
                return new org.autogradstudio.script.runtime.PyDict();
            default:
                return null;
        }
    }

    private Object nextFunctions() {
        List<Edge> edges = node.nextEdges();
        Object[] items = new Object[edges.size()];
        for (int i = 0; i < items.length; i++) {
            Edge e = edges.get(i);
            items[i] = e == null ? Py.tuple(Py.NONE, 0L) : Py.tuple(of(e.function()), (long) e.inputNr());
        }
        return Py.tuple(items);
    }

    @Override
    public String repr() {
        String module = org.autogradstudio.engine.CustomFunction.isCustom(node) ? "torch.autograd.function." : "";
        return "<" + module + node.name() + " object at " + Py.address(this) + ">";
    }
}
