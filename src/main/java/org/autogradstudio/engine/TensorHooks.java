package org.autogradstudio.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.UnaryOperator;

/**
 * {@code tensor.register_hook(fn)}: functions that see (and may replace) the gradient of a tensor
 * as the backward pass computes it. A leaf's hooks run on the gradient reaching its
 * AccumulateGrad, before it is added into {@code .grad}; an intermediate tensor's on the gradient
 * reaching its grad_fn, before that node runs. As in PyTorch 1.13 they run in the order they were
 * registered, and {@code retain_grad()} takes its gradient where it was called among them.
 * <p>
 * Kept beside the graph (weakly, by node) rather than in every node: a long chain without hooks
 * pays one volatile read per node.
 */
public final class TensorHooks {
    private static final Map<Node, Entry> HOOKS = Collections.synchronizedMap(new WeakHashMap<>());
    /** Whether any node has hooks (never reset: a stale true only costs a map look-up). */
    private static volatile boolean any;

    private TensorHooks() {
    }

    private static final class Entry {
        final List<UnaryOperator<Tensor>> hooks = new ArrayList<>();
        /** Each hook's function name, for PyTorch's message when a hook changes the gradient's size. */
        final List<String> names = new ArrayList<>();
        /** How many hooks were registered before retain_grad() (-1: retain_grad not called here). */
        int retainAt = -1;
    }

    /** The node whose incoming gradient is this tensor's gradient. */
    private static Node keyOf(Tensor t) {
        return t.gradFn != null ? t.gradFn : t.gradAccumulator();
    }

    /**
     * Adds {@code hook} (returning null keeps the gradient) and returns what removes it again,
     * PyTorch's RemovableHandle.
     */
    public static Runnable register(Tensor t, UnaryOperator<Tensor> hook, String name) {
        if (!t.requiresGrad) {
            throw TorchException.runtime("cannot register a hook on a tensor that doesn't require gradient");
        }
        Node key = keyOf(t);
        synchronized (HOOKS) {
            Entry e = HOOKS.computeIfAbsent(key, k -> new Entry());
            e.hooks.add(hook);
            e.names.add(name);
        }
        any = true;
        return () -> {
            synchronized (HOOKS) {
                Entry e = HOOKS.get(key);
                if (e != null) {
                    int at = e.hooks.indexOf(hook);
                    if (at >= 0) {
                        e.hooks.remove(at);
                        e.names.remove(at);
                        if (e.retainAt > at) {
                            e.retainAt--;
                        }
                    }
                }
            }
        };
    }

    /** Called by retain_grad(): its place among the tensor's hooks. */
    static void retainCalled(Tensor t) {
        if (t.gradFn == null) {
            return;
        }
        synchronized (HOOKS) {
            Entry e = HOOKS.computeIfAbsent(t.gradFn, k -> new Entry());
            if (e.retainAt < 0) {
                e.retainAt = e.hooks.size();
            }
        }
    }

    static boolean any() {
        return any;
    }

    /** Whether {@code node} has hooks. */
    static boolean has(Node node) {
        synchronized (HOOKS) {
            Entry e = HOOKS.get(node);
            return e != null && !e.hooks.isEmpty();
        }
    }

    /**
     * Runs the hooks of {@code node} on {@code grad} in order, calling {@code retain} with the
     * gradient at retain_grad's place (after them all when it came later or never); returns the
     * gradient the node goes on with. Grad mode is off, as in PyTorch's engine.
     */
    static Tensor run(Node node, Tensor grad, java.util.function.Consumer<Tensor> retain) {
        List<UnaryOperator<Tensor>> hooks;
        List<String> names;
        int retainAt;
        synchronized (HOOKS) {
            Entry e = HOOKS.get(node);
            hooks = e == null ? List.of() : new ArrayList<>(e.hooks);
            names = e == null ? List.of() : new ArrayList<>(e.names);
            retainAt = e == null || e.retainAt < 0 ? hooks.size() : e.retainAt;
        }
        Tensor g = grad;
        for (int i = 0; i <= hooks.size(); i++) {
            if (i == retainAt) {
                retain.accept(g);
            }
            if (i < hooks.size()) {
                Tensor replaced = hooks.get(i).apply(g);
                if (replaced != null) {
                    if (!java.util.Arrays.equals(replaced.shape, g.shape)) {
                        throw TorchException.runtime("hook '" + names.get(i) + "' has changed the size of value");
                    }
                    g = replaced;
                }
            }
        }
        return g;
    }
}
