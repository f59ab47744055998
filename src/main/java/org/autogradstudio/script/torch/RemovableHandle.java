package org.autogradstudio.script.torch;

import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyObject;

/** What {@code register_hook} returns: {@code handle.remove()} takes the hook off again (a second time does nothing). */
final class RemovableHandle implements PyObject {
    private Runnable remove;

    RemovableHandle(Runnable remove) {
        this.remove = remove;
    }

    @Override
    public String typeName() {
        return "RemovableHandle";
    }

    @Override
    public Object getAttr(String name) {
        if (name.equals("remove")) {
            return new PyBuiltin("remove", (a, k) -> {
                if (remove != null) {
                    remove.run();
                    remove = null;
                }
                return Py.NONE;
            });
        }
        return null;
    }

    @Override
    public String repr() {
        return "<torch.utils.hooks.RemovableHandle object at " + Py.address(this) + ">";
    }
}
