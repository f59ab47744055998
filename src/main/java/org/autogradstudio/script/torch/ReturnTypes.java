package org.autogradstudio.script.torch;

import java.util.Iterator;
import java.util.List;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyObject;

/** {@code torch.return_types.max(values=..., indices=...)}: the named pair {@code max(dim)} returns. */
final class ReturnTypes implements PyObject {
    private final String name;
    private final Object values;
    private final Object indices;

    ReturnTypes(String name, Tensor values, Tensor indices) {
        this.name = name;
        this.values = new TensorObject(values);
        this.indices = new TensorObject(indices);
    }

    @Override
    public String typeName() {
        return name;
    }

    @Override
    public String typeModule() {
        return "torch.return_types";
    }

    @Override
    public Object getAttr(String attr) {
        switch (attr) {
            case "values": return values;
            case "indices": return indices;
            default: return null;
        }
    }

    @Override
    public Object getItem(Object key) {
        return Py.tuple(values, indices).getItem(key);
    }

    @Override
    public int len() {
        return 2;
    }

    @Override
    public Iterator<Object> iter() {
        return List.of(values, indices).iterator();
    }

    @Override
    public String repr() {
        return "torch.return_types." + name + "(\nvalues=" + Py.repr(values) + ",\nindices=" + Py.repr(indices) + ")";
    }
}
