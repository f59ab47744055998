package org.autogradstudio.script.torch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyObject;

/** {@code torch.no_grad()}, {@code torch.enable_grad()}, {@code torch.set_grad_enabled(b)} as context managers. */
final class GradModeContext implements PyObject {
    private final boolean enabled;
    private final String name;
    /** The mode before the outermost {@code with} of this object, and how deep its {@code with}s are nested. */
    private boolean outer;
    private int depth;
    /** The modes before re-entries of this same object (made only for those: one {@code with} allocates nothing). */
    private Deque<Boolean> deeper;

    GradModeContext(boolean enabled, String name) {
        this.enabled = enabled;
        this.name = name;
    }

    @Override
    public String typeName() {
        return name;
    }

    @Override
    public String typeModule() {
        return "torch.autograd.grad_mode";
    }

    @Override
    public Object enter() {
        boolean before = GradMode.set(enabled);
        if (depth == 0) {
            outer = before;
        } else {
            if (deeper == null) {
                deeper = new ArrayDeque<>();
            }
            deeper.push(before);
        }
        depth++;
        return org.autogradstudio.script.runtime.Py.NONE;
    }

    @Override
    public boolean exit(PyException error) {
        if (depth == 0) {
            // an exit without an enter (called by hand): back to the default
            GradMode.set(true);
            return false;
        }
        depth--;
        GradMode.set(depth == 0 ? outer : deeper.pop());
        return false;
    }

    /** Used as a decorator: {@code @torch.no_grad()} wraps the function. */
    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        Object f = args.length == 1 ? args[0] : null;
        return new org.autogradstudio.script.runtime.PyBuiltin(name, (a, k) -> {
            enter();
            try {
                return org.autogradstudio.script.runtime.Ops.call(f, a, k);
            } finally {
                exit(null);
            }
        });
    }
}
