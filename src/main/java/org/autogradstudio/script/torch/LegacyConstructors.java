package org.autogradstudio.script.torch;

import java.util.Map;
import org.autogradstudio.engine.Creation;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.script.runtime.HostType;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyTuple;

/**
 * The constructors older tutorials use: {@code torch.Tensor(data)} or {@code torch.Tensor(rows,
 * cols)}, and the typed {@code FloatTensor}, {@code DoubleTensor}, {@code LongTensor},
 * {@code BoolTensor} (also types for {@code isinstance}). Sizes give a tensor PyTorch leaves
 * uninitialised; here it holds zeros.
 */
final class LegacyConstructors {
    private LegacyConstructors() {
    }

    static void register(PyModule torch) {
        torch.put("Tensor", TensorObject.TYPE);
        typed(torch, "FloatTensor", DType.FLOAT32);
        typed(torch, "DoubleTensor", DType.FLOAT64);
        typed(torch, "LongTensor", DType.INT64);
        typed(torch, "BoolTensor", DType.BOOL);
    }

    /** {@code torch.Tensor(...)}: a float32 tensor. */
    static PyBuiltin tensorConstructor() {
        return new PyBuiltin("Tensor", (args, kwargs) -> construct(args, kwargs, DType.FLOAT32));
    }

    private static void typed(PyModule torch, String name, DType type) {
        torch.put(name, new HostType(name, o -> o instanceof TensorObject t && t.tensor().dtype() == type,
                new PyBuiltin(name, (args, kwargs) -> construct(args, kwargs, type))).inModule("torch"));
    }

    private static Object construct(Object[] args, Map<String, Object> kwargs, DType type) {
        for (String key : kwargs.keySet()) {
            if (!key.equals("device")) {
                throw Py.typeError("new() received an invalid combination of arguments - got an unexpected keyword argument '"
                        + key + "'");
            }
            DeviceObject.requireCpu(kwargs.get(key));
        }
        if (args.length == 0) {
            return new TensorObject(Creation.zeros(new int[] {0}, type, false));
        }
        if (allSizes(args)) {
            return new TensorObject(Creation.zeros(Args.shape(args), type, false));
        }
        if (args.length == 1) {
            Object data = args[0];
            if (data instanceof TensorObject t) {
                return t; // the same tensor, as PyTorch's legacy constructor returns a tensor of its type
            }
            if (data instanceof PyList || data instanceof PyTuple) {
                return new TensorObject(TensorLiteral.build(data, type));
            }
            throw Py.typeError("new(): invalid data type '" + Py.typeName(data) + "'");
        }
        throw Py.typeError("new() received an invalid combination of arguments");
    }

    private static boolean allSizes(Object[] args) {
        for (Object a : args) {
            if (!(a instanceof Long)) {
                return false;
            }
        }
        return true;
    }
}
