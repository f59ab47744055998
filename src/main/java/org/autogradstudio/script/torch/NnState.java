package org.autogradstudio.script.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Creation;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyInstance;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyObject;

/**
 * A module's state and its initialisation: {@code state_dict()} / {@code load_state_dict()} (to
 * keep the best weights of a training loop, or start two models equal) and {@code torch.nn.init}
 * (fills in place under no_grad, with PyTorch's random streams and fan/gain formulas).
 */
final class NnState {
    private NnState() {
    }

    // ---- state_dict ------------------------------------------------------------------------------

    /** Parameters then buffers of each module, depth first, as an OrderedDict of detached tensors. */
    static PyDict stateDict(PyInstance m, String prefix, boolean keepVars) {
        PyDict out = PyDict.ordered();
        collect(m, prefix, keepVars, out);
        return out;
    }

    private static void collect(PyInstance m, String prefix, boolean keepVars, PyDict out) {
        for (String registry : new String[] {NnLayers.PARAMETERS, NnLayers.BUFFERS}) {
            PyDict reg = NnLayers.registry(m, registry);
            if (reg == null) {
                continue;
            }
            org.autogradstudio.script.runtime.PySet skipped = registry.equals(NnLayers.BUFFERS) ? nonPersistent(m) : null;
            for (Object k : reg.keys()) {
                if (reg.get(k) instanceof TensorObject t && (skipped == null || !skipped.has(k))) {
                    out.put(prefix + k, keepVars ? t : new TensorObject(t.tensor().detach()));
                }
            }
        }
        for (Map.Entry<String, PyInstance> c : NnLayers.children(m)) {
            collect(c.getValue(), prefix + c.getKey() + ".", keepVars, out);
        }
    }

    /** The names of the module's buffers registered with {@code persistent=False}, which state_dict leaves out. */
    static org.autogradstudio.script.runtime.PySet nonPersistent(PyInstance m) {
        Object set = m.attributes().get("_non_persistent_buffers_set");
        if (!(set instanceof org.autogradstudio.script.runtime.PySet s)) {
            org.autogradstudio.script.runtime.PySet fresh = new org.autogradstudio.script.runtime.PySet();
            m.setAttrDirect("_non_persistent_buffers_set", fresh);
            return fresh;
        }
        return s;
    }

    /** Copies matching entries into the module's tensors (no_grad), with PyTorch's report of what did not match. */
    static Object loadStateDict(PyInstance m, Object state, boolean strict) {
        if (!(state instanceof PyDict given)) {
            throw Py.typeError("Expected state_dict to be dict-like, got " + Ops.typeName(state) + ".");
        }
        PyDict own = stateDict(m, "", true);
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>(), errors = new ArrayList<>();
        for (Object k : own.keys()) {
            if (!given.containsKey(k)) {
                missing.add((String) k);
            }
        }
        for (Object k : given.keys()) {
            if (!own.containsKey(k)) {
                unexpected.add(Ops.str(k));
            }
        }
        List<Runnable> copies = new ArrayList<>();
        for (Object k : own.keys()) {
            Object value = given.get(k);
            if (value == null) {
                continue;
            }
            Tensor target = ((TensorObject) own.get(k)).tensor();
            if (!(value instanceof TensorObject source)) {
                errors.add("While copying the parameter named \"" + k + "\", expected torch.Tensor or Tensor-like object"
                        + " from checkpoint but received " + Ops.typeName(value));
                continue;
            }
            if (!java.util.Arrays.equals(source.tensor().shape(), target.shape())) {
                errors.add("size mismatch for " + k + ": copying a param with shape " + new SizeObject(source.tensor().shape()).repr()
                        + " from checkpoint, the shape in current model is " + new SizeObject(target.shape()).repr() + ".");
                continue;
            }
            copies.add(() -> target.copyFrom(source.tensor().toDType(target.dtype()).toArray()));
        }
        if (strict) {
            if (!unexpected.isEmpty()) {
                errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
            }
            if (!missing.isEmpty()) {
                errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
            }
        }
        if (!errors.isEmpty()) {
            throw Py.runtimeError("Error(s) in loading state_dict for " + Ops.typeName(m) + ":\n\t" + String.join("\n\t", errors));
        }
        boolean previous = GradMode.set(false);
        try {
            copies.forEach(Runnable::run);
        } finally {
            GradMode.set(previous);
        }
        return new IncompatibleKeys(missing, unexpected);
    }

    private static String quoted(List<String> keys) {
        return "\"" + String.join("\", \"", keys) + "\"";
    }

    /** What {@code load_state_dict} returns: PyTorch's named tuple of the keys that did not match. */
    private record IncompatibleKeys(List<String> missing, List<String> unexpected) implements PyObject {
        @Override
        public String typeName() {
            return "_IncompatibleKeys";
        }

        @Override
        public Object getAttr(String name) {
            switch (name) {
                case "missing_keys": return Py.list(missing.toArray());
                case "unexpected_keys": return Py.list(unexpected.toArray());
                default: return null;
            }
        }

        @Override
        public String repr() {
            if (missing.isEmpty() && unexpected.isEmpty()) {
                return "<All keys matched successfully>";
            }
            return "_IncompatibleKeys(missing_keys=" + Ops.repr(getAttr("missing_keys")) + ", unexpected_keys="
                    + Ops.repr(getAttr("unexpected_keys")) + ")";
        }
    }

    // ---- torch.nn.init ---------------------------------------------------------------------------

    static PyModule init() {
        PyModule m = TorchModules.module("torch.nn.init", "nn/init.py");
        m.put("calculate_gain", PyBuiltin.of("calculate_gain(nonlinearity, param=None)", a -> gain(Py.str(a[0]), a[1])));
        m.put("zeros_", PyBuiltin.of("zeros_(tensor)", a -> fill(a[0], "zeros_", t -> Creation.fill_(t, 0))));
        m.put("ones_", PyBuiltin.of("ones_(tensor)", a -> fill(a[0], "ones_", t -> Creation.fill_(t, 1))));
        m.put("constant_", PyBuiltin.of("constant_(tensor, val)", a -> fill(a[0], "constant_",
                t -> Creation.fill_(t, Args.number(a[1])))));
        m.put("uniform_", PyBuiltin.of("uniform_(tensor, a=0.0, b=1.0)", a -> fill(a[0], "uniform_",
                t -> Creation.uniform_(t, Args.number(a[1]), Args.number(a[2])))));
        m.put("normal_", PyBuiltin.of("normal_(tensor, mean=0.0, std=1.0)", a -> fill(a[0], "normal_",
                t -> Creation.normal_(t, Args.number(a[1]), Args.number(a[2])))));
        m.put("xavier_uniform_", PyBuiltin.of("xavier_uniform_(tensor, gain=1.0)", a -> fill(a[0], "xavier_uniform_", t -> {
            double std = Args.number(a[1]) * Math.sqrt(2.0 / (fanIn(t) + fanOut(t)));
            Creation.uniform_(t, -Math.sqrt(3.0) * std, Math.sqrt(3.0) * std);
        })));
        m.put("xavier_normal_", PyBuiltin.of("xavier_normal_(tensor, gain=1.0)", a -> fill(a[0], "xavier_normal_",
                t -> Creation.normal_(t, 0, Args.number(a[1]) * Math.sqrt(2.0 / (fanIn(t) + fanOut(t)))))));
        m.put("kaiming_uniform_", PyBuiltin.of("kaiming_uniform_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')",
                a -> fill(a[0], "kaiming_uniform_", t -> {
                    double bound = Math.sqrt(3.0) * kaimingStd(t, a[1], a[2], a[3]);
                    Creation.uniform_(t, -bound, bound);
                })));
        m.put("kaiming_normal_", PyBuiltin.of("kaiming_normal_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')",
                a -> fill(a[0], "kaiming_normal_", t -> Creation.normal_(t, 0, kaimingStd(t, a[1], a[2], a[3])))));
        return m;
    }

    /** Applies {@code how} to the tensor argument in place without recording, and returns that argument. */
    private static Object fill(Object arg, String fn, java.util.function.Consumer<Tensor> how) {
        Tensor t = Args.strictTensor(arg, fn, "tensor", 1);
        boolean previous = GradMode.set(false);
        try {
            how.accept(t);
        } catch (TorchException e) {
            throw TorchModule.toPython(e);
        } finally {
            GradMode.set(previous);
        }
        return arg;
    }

    private static double gain(String nonlinearity, Object param) {
        switch (nonlinearity) {
            case "linear": case "conv1d": case "conv2d": case "conv3d": case "conv_transpose1d": case "conv_transpose2d":
            case "conv_transpose3d": case "sigmoid":
                return 1;
            case "tanh": return 5.0 / 3;
            case "relu": return Math.sqrt(2.0);
            case "leaky_relu": {
                double slope = Py.isNone(param) ? 0.01 : Args.number(param);
                return Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu": return 3.0 / 4;
            default: throw Py.valueError("Unsupported nonlinearity " + nonlinearity);
        }
    }

    private static double kaimingStd(Tensor t, Object a, Object mode, Object nonlinearity) {
        String m = Py.str(mode);
        if (!m.equals("fan_in") && !m.equals("fan_out")) {
            throw Py.valueError("Mode " + m + " not supported, please use one of fan_in, fan_out");
        }
        double fan = m.equals("fan_in") ? fanIn(t) : fanOut(t);
        return gain(Py.str(nonlinearity), a) / Math.sqrt(fan);
    }

    private static double fanIn(Tensor t) {
        return t.size(1) * (double) receptiveField(t);
    }

    private static double fanOut(Tensor t) {
        return t.size(0) * (double) receptiveField(t);
    }

    private static int receptiveField(Tensor t) {
        if (t.dim() < 2) {
            throw Py.valueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        int r = 1;
        for (int d = 2; d < t.dim(); d++) {
            r *= t.size(d);
        }
        return r;
    }
}
