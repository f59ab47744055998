package org.autogradstudio.script.torch;

import java.util.EnumMap;
import java.util.Map;
import org.autogradstudio.engine.DType;
import org.autogradstudio.script.runtime.PyObject;

/** {@code torch.float32} and friends: one shared object per dtype, printed as PyTorch prints it. */
final class DTypeObject implements PyObject {
    private static final Map<DType, DTypeObject> ALL = new EnumMap<>(DType.class);

    static {
        for (DType d : DType.values()) {
            ALL.put(d, new DTypeObject(d));
        }
    }

    private final DType dtype;

    private DTypeObject(DType dtype) {
        this.dtype = dtype;
    }

    static DTypeObject of(DType d) {
        return ALL.get(d);
    }

    DType dtype() {
        return dtype;
    }

    @Override
    public String typeName() {
        return "dtype";
    }

    @Override
    public String typeModule() {
        return "torch";
    }

    @Override
    public Object getAttr(String name) {
        if (name.equals("is_floating_point")) {
            return dtype.isFloatingPoint();
        }
        return null;
    }

    @Override
    public String repr() {
        return dtype.torchName();
    }
}
