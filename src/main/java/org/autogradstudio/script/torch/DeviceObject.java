package org.autogradstudio.script.torch;

import java.util.List;
import org.autogradstudio.script.runtime.CompareOp;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyObject;

/**
 * {@code torch.device}: tutorials pick one ({@code "cuda" if torch.cuda.is_available() else "cpu"})
 * and pass it everywhere. Only the CPU exists here, so a CUDA device can be named but any tensor
 * or module sent to it gets PyTorch's own error for a build without CUDA.
 */
final class DeviceObject implements PyObject {
    static final DeviceObject CPU = new DeviceObject("cpu", null);
    private static final List<String> TYPES = List.of("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep",
            "hip", "ve", "fpga", "ort", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "privateuseone");

    private final String type;
    private final Long index;

    private DeviceObject(String type, Long index) {
        this.type = type;
        this.index = index;
    }

    /** {@code torch.device("cuda:0")}, {@code torch.device("cpu")}, {@code torch.device("cuda", 1)}. */
    static DeviceObject parse(Object spec, Object index) {
        if (spec instanceof DeviceObject d) {
            return d;
        }
        String s = Py.str(spec);
        String name = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        if (!TYPES.contains(name)) {
            throw Py.runtimeError("Expected one of " + String.join(", ", TYPES) + " device type at start of device string: " + s);
        }
        Long at = s.contains(":") ? Long.valueOf(s.substring(s.indexOf(':') + 1)) : Py.isNone(index) ? null : Py.toLong(index);
        return name.equals("cpu") && at == null ? CPU : new DeviceObject(name, at);
    }

    /** Checks a {@code device=} argument (None or a CPU device pass; anything else is PyTorch's error here). */
    static void requireCpu(Object device) {
        if (device == null || Py.isNone(device)) {
            return;
        }
        DeviceObject d = parse(device, Py.NONE);
        if (d.type.equals("cuda")) {
            throw new PyException("AssertionError", "Torch not compiled with CUDA enabled");
        }
        if (!d.type.equals("cpu")) {
            throw Py.runtimeError("Autograd Studio runs on the CPU only; there is no '" + d.type + "' device");
        }
    }

    /** Whether {@code o} names a device (rather than a dtype) in {@code .to(...)}. */
    static boolean isDevice(Object o) {
        return o instanceof DeviceObject || o instanceof String;
    }

    @Override
    public String typeName() {
        return "device";
    }

    @Override
    public String typeModule() {
        return "torch";
    }

    @Override
    public Object getAttr(String name) {
        switch (name) {
            case "type": return type;
            case "index": return index == null ? Py.NONE : index;
            default: return null;
        }
    }

    @Override
    public Object compare(CompareOp op, Object other) {
        if ((op == CompareOp.EQ || op == CompareOp.NE) && other instanceof DeviceObject d) {
            boolean same = d.type.equals(type) && java.util.Objects.equals(d.index, index);
            return op == CompareOp.EQ ? same : !same;
        }
        return Py.NOT_IMPLEMENTED;
    }

    @Override
    public String str() {
        return index == null ? type : type + ":" + index;
    }

    @Override
    public String repr() {
        return "device(type='" + type + "'" + (index == null ? "" : ", index=" + index) + ")";
    }
}
