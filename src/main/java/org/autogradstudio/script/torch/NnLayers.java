package org.autogradstudio.script.torch;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Creation;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.LinearAlgebra;
import org.autogradstudio.engine.ElementwiseExtras;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;
import org.autogradstudio.script.interp.ErrorTranslator;
import org.autogradstudio.script.runtime.BuiltinMethod;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyClass;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyInstance;
import org.autogradstudio.script.runtime.PyIterator;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyTuple;
import org.autogradstudio.script.runtime.PyType;
import org.autogradstudio.script.runtime.Signature;

/**
 * {@code torch.nn.Module} and the layers built on it ({@code Linear}, {@code ReLU},
 * {@code Sigmoid}, {@code Tanh} ...; the containers are in {@link NnContainers}), as classes a
 * script can subclass. A module is a
 * plain instance whose {@code __dict__} holds {@code training}, {@code _parameters},
 * {@code _buffers} and {@code _modules} as in PyTorch: {@code __setattr__} files Parameters and
 * modules there, {@code __getattr__} finds them, and {@code parameters()} walks them in PyTorch's
 * order. The classes are made once per {@code torch} import, so a session's changes stay its own.
 */
final class NnLayers {
    static final String PARAMETERS = "_parameters";
    static final String BUFFERS = "_buffers";
    private static final String MODULES = "_modules";

    private final PyClass module;

    private NnLayers(PyModule nn) {
        module = new PyClass("Module", "torch.nn.modules.module", List.of(), moduleMethods(), false);
        nn.put("Module", module);
        nn.put("Parameter", TensorObject.PARAMETER_TYPE);
        nn.put("Linear", layer("Linear", "torch.nn.modules.linear", linearMethods()));
        NnContainers containers = new NnContainers(this);
        nn.put("Sequential", layer("Sequential", "torch.nn.modules.container", containers.sequentialMethods()));
        nn.put("ModuleList", layer("ModuleList", "torch.nn.modules.container", containers.moduleListMethods()));
        nn.put("ModuleDict", layer("ModuleDict", "torch.nn.modules.container", containers.moduleDictMethods()));
        nn.put("Identity", layer("Identity", "torch.nn.modules.linear", identityMethods()));
        nn.put("Flatten", layer("Flatten", "torch.nn.modules.flatten", flattenMethods()));
        nn.put("Dropout", layer("Dropout", "torch.nn.modules.dropout", dropoutMethods()));
        nn.put("init", NnState.init());
        nn.put("ReLU", layer("ReLU", "torch.nn.modules.activation", activationMethods("ReLU")));
        nn.put("Sigmoid", layer("Sigmoid", "torch.nn.modules.activation", activationMethods("Sigmoid")));
        nn.put("Tanh", layer("Tanh", "torch.nn.modules.activation", activationMethods("Tanh")));
        nn.put("GELU", layer("GELU", "torch.nn.modules.activation", parameterised("GELU", "approximate='none'", "gelu")));
        nn.put("ELU", layer("ELU", "torch.nn.modules.activation", parameterised("ELU", "alpha=1.0, inplace=False", "elu")));
        nn.put("SiLU", layer("SiLU", "torch.nn.modules.activation", parameterised("SiLU", "inplace=False", "silu")));
        nn.put("Softplus", layer("Softplus", "torch.nn.modules.activation", parameterised("Softplus", "beta=1, threshold=20", "softplus")));
        nn.put("LeakyReLU", layer("LeakyReLU", "torch.nn.modules.activation", leakyReluMethods()));
        nn.put("Softmax", layer("Softmax", "torch.nn.modules.activation", softmaxMethods(false)));
        nn.put("LogSoftmax", layer("LogSoftmax", "torch.nn.modules.activation", softmaxMethods(true)));
    }

    /** Adds the module classes and {@code Parameter} to {@code torch.nn}. */
    static void install(PyModule nn) {
        new NnLayers(nn);
    }

    private PyClass layer(String name, String moduleName, Map<String, Object> methods) {
        return new PyClass(name, moduleName, List.of(module), methods, false);
    }

    static void method(Map<String, Object> dict, String signature, MethodBody body) {
        Signature sig = Signature.parse(signature);
        dict.put(sig.name(), new BuiltinMethod(sig.name(), (self, args, kwargs) -> body.call(self, sig.bind(args, kwargs))));
    }

    /** A method body given its instance and its bound arguments (in signature order). */
    @FunctionalInterface
    interface MethodBody {
        Object call(Object self, Object[] a);
    }

    // ---- state ---------------------------------------------------------------------------------

    private boolean isModule(Object o) {
        return o instanceof PyInstance pi && pi.pyClass().isSubclassOf(module);
    }

    PyInstance self(Object o, String method) {
        if (!isModule(o)) {
            throw Py.typeError("descriptor '" + method + "' requires a 'Module' object but received a '"
                    + Ops.typeName(o) + "'");
        }
        return (PyInstance) o;
    }

    /** One of the module's registries, or null before {@code Module.__init__} ran. */
    static PyDict registry(PyInstance m, String name) {
        return m.attributes().get(name) instanceof PyDict d ? d : null;
    }

    private static PyDict parameters(PyInstance m) {
        PyDict d = registry(m, PARAMETERS);
        if (d == null) {
            throw Py.attributeError("'" + m.typeName() + "' object has no attribute '" + PARAMETERS + "'");
        }
        return d;
    }

    static PyDict modules(PyInstance m) {
        PyDict d = registry(m, MODULES);
        if (d == null) {
            throw Py.attributeError("'" + m.typeName() + "' object has no attribute '" + MODULES + "'");
        }
        return d;
    }

    private static boolean isParameter(Object o) {
        return o instanceof TensorObject t && t.isParameter();
    }

    /** {@code torch.typename(obj)}, as PyTorch's messages name a wrong value. */
    private static String typename(Object o) {
        if (o instanceof TensorObject t) {
            return "torch." + TensorMethods.typeString(t.tensor().dtype());
        }
        if (o instanceof PyClass c) {
            return c.module() == null || c.module().equals("builtins") ? c.name() : c.module() + "." + c.name();
        }
        if (o instanceof PyType t) {
            return t.name();
        }
        if (o instanceof PyInstance pi) {
            return typename(pi.pyClass());
        }
        return Ops.typeName(o);
    }

    /** The module's submodules (None entries skipped), by name in registration order. */
    static List<Map.Entry<String, PyInstance>> children(PyInstance m) {
        List<Map.Entry<String, PyInstance>> out = new ArrayList<>();
        PyDict d = registry(m, MODULES);
        if (d == null) {
            return out;
        }
        for (Object k : d.keys()) {
            if (d.get(k) instanceof PyInstance child) {
                out.add(Map.entry((String) k, child));
            }
        }
        return out;
    }

    /** {@code named_modules()}: this module, then each submodule's tree depth first, each once. */
    private static void namedModules(PyInstance m, String prefix, IdentityHashMap<PyInstance, Boolean> memo,
            List<Map.Entry<String, PyInstance>> out) {
        if (memo.put(m, Boolean.TRUE) != null) {
            return;
        }
        out.add(Map.entry(prefix, m));
        for (Map.Entry<String, PyInstance> c : children(m)) {
            namedModules(c.getValue(), prefix.isEmpty() ? c.getKey() : prefix + "." + c.getKey(), memo, out);
        }
    }

    /**
     * A module's parameters by their {@code named_parameters()} names ({@code fc.weight}, {@code 0.bias}),
     * or nothing when {@code value} is not an initialised module: what the graph labels them with.
     */
    static Map<String, org.autogradstudio.engine.Tensor> parametersOf(Object value) {
        Map<String, org.autogradstudio.engine.Tensor> out = new java.util.LinkedHashMap<>();
        if (value instanceof PyInstance m && registry(m, PARAMETERS) != null && registry(m, MODULES) != null) {
            for (Map.Entry<String, TensorObject> e : namedParameters(m, "", true)) {
                out.put(e.getKey(), e.getValue().tensor());
            }
        }
        return out;
    }

    /** {@code named_parameters()}: each module's own parameters in its tree's order, a shared one once. */
    private static List<Map.Entry<String, TensorObject>> namedParameters(PyInstance m, String prefix, boolean recurse) {
        return namedTensors(m, prefix, recurse, PARAMETERS);
    }

    /** The tensors of one registry (parameters or buffers) of the module and, with {@code recurse}, its submodules; each once. */
    private static List<Map.Entry<String, TensorObject>> namedTensors(PyInstance m, String prefix, boolean recurse, String registry) {
        List<Map.Entry<String, PyInstance>> mods = new ArrayList<>();
        if (recurse) {
            namedModules(m, prefix, new IdentityHashMap<>(), mods);
        } else {
            mods.add(Map.entry(prefix, m));
        }
        IdentityHashMap<TensorObject, Boolean> memo = new IdentityHashMap<>();
        List<Map.Entry<String, TensorObject>> out = new ArrayList<>();
        for (Map.Entry<String, PyInstance> e : mods) {
            PyDict params = registry(e.getValue(), registry);
            if (params == null) {
                continue;
            }
            for (Object k : params.keys()) {
                if (params.get(k) instanceof TensorObject p && memo.put(p, Boolean.TRUE) == null) {
                    out.add(Map.entry(e.getKey().isEmpty() ? (String) k : e.getKey() + "." + k, p));
                }
            }
        }
        return out;
    }

    private static PyIterator generator(List<Object> items, String qualname) {
        return new PyIterator(items.iterator(), "generator", qualname);
    }

    private static Object pair(String name, Object value) {
        return Py.tuple(name, value);
    }

    // ---- torch.nn.Module -----------------------------------------------------------------------

    private Map<String, Object> moduleMethods() {
        Map<String, Object> d = new LinkedHashMap<>();
        method(d, "__init__()", (s, a) -> {
            initModule(self(s, "__init__"));
            return Py.NONE;
        });
        method(d, "__setattr__(name, value)", (s, a) -> {
            setAttr(self(s, "__setattr__"), Py.str(a[0]), a[1]);
            return Py.NONE;
        });
        method(d, "__getattr__(name)", (s, a) -> {
            PyInstance m = self(s, "__getattr__");
            String name = Py.str(a[0]);
            for (String r : new String[] {PARAMETERS, BUFFERS, MODULES}) {
                PyDict reg = registry(m, r);
                if (reg != null && reg.containsKey(name)) {
                    return reg.get(name);
                }
            }
            throw Py.attributeError("'" + m.typeName() + "' object has no attribute '" + name + "'");
        });
        d.put("__call__", new BuiltinMethod("__call__", (s, args, kwargs) -> {
            PyInstance m = s instanceof PyInstance pi ? pi : null;
            Object[] input = args;
            for (Object hook : hooks(m, FORWARD_PRE_HOOKS)) {
                Object changed = Ops.call(hook, new Object[] {s, new PyTuple(input)}, Py.NO_KWARGS);
                if (!Py.isNone(changed)) {
                    input = changed instanceof PyTuple t ? t.items().toArray() : new Object[] {changed};
                }
            }
            Object out;
            try {
                out = Ops.callMethod(s, "forward", input, kwargs);
            } catch (RuntimeException e) {
                throw TorchFrames.callImpl(ErrorTranslator.translate(e));
            }
            for (Object hook : hooks(m, FORWARD_HOOKS)) {
                Object changed = Ops.call(hook, new Object[] {s, new PyTuple(input), out}, Py.NO_KWARGS);
                if (!Py.isNone(changed)) {
                    out = changed;
                }
            }
            return out;
        }));
        method(d, "register_forward_hook(hook)", (s, a) -> addHook(self(s, "register_forward_hook"), FORWARD_HOOKS, a[0]));
        method(d, "register_forward_pre_hook(hook)", (s, a) ->
                addHook(self(s, "register_forward_pre_hook"), FORWARD_PRE_HOOKS, a[0]));
        d.put("forward", new BuiltinMethod("forward", (s, args, kwargs) -> {
            PyException e = new PyException("NotImplementedError",
                    "Module [" + Ops.typeName(s) + "] is missing the required \"forward\" function");
            e.addTraceback(TorchFrames.frame("nn/modules/module.py", 246, "_forward_unimplemented",
                    "raise NotImplementedError(f\"Module [{type(self).__name__}] is missing the required \\\"forward\\\" function\")",
                    null, false));
            throw e;
        }));
        method(d, "extra_repr()", (s, a) -> "");
        method(d, "_get_name()", (s, a) -> Ops.typeName(s));
        method(d, "__repr__()", (s, a) -> repr(self(s, "__repr__")));
        method(d, "parameters(recurse=True)", (s, a) -> {
            List<Object> out = new ArrayList<>();
            namedParameters(self(s, "parameters"), "", Py.isTrue(a[0])).forEach(e -> out.add(e.getValue()));
            return generator(out, "Module.parameters");
        });
        method(d, "named_parameters(prefix='', recurse=True)", (s, a) -> {
            List<Object> out = new ArrayList<>();
            namedParameters(self(s, "named_parameters"), Py.str(a[0]), Py.isTrue(a[1]))
                    .forEach(e -> out.add(pair(e.getKey(), e.getValue())));
            return generator(out, "Module.named_parameters");
        });
        method(d, "buffers(recurse=True)", (s, a) -> {
            List<Object> out = new ArrayList<>();
            namedTensors(self(s, "buffers"), "", Py.isTrue(a[0]), BUFFERS).forEach(e -> out.add(e.getValue()));
            return generator(out, "Module.buffers");
        });
        method(d, "named_buffers(prefix='', recurse=True)", (s, a) -> {
            List<Object> out = new ArrayList<>();
            namedTensors(self(s, "named_buffers"), Py.str(a[0]), Py.isTrue(a[1]), BUFFERS)
                    .forEach(e -> out.add(pair(e.getKey(), e.getValue())));
            return generator(out, "Module.named_buffers");
        });
        method(d, "children()", (s, a) -> {
            List<Object> out = new ArrayList<>();
            children(self(s, "children")).forEach(e -> out.add(e.getValue()));
            return generator(out, "Module.children");
        });
        method(d, "named_children()", (s, a) -> {
            List<Object> out = new ArrayList<>();
            children(self(s, "named_children")).forEach(e -> out.add(pair(e.getKey(), e.getValue())));
            return generator(out, "Module.named_children");
        });
        method(d, "modules()", (s, a) -> {
            List<Map.Entry<String, PyInstance>> mods = new ArrayList<>();
            namedModules(self(s, "modules"), "", new IdentityHashMap<>(), mods);
            List<Object> out = new ArrayList<>();
            mods.forEach(e -> out.add(e.getValue()));
            return generator(out, "Module.modules");
        });
        method(d, "named_modules(memo=None, prefix='')", (s, a) -> {
            List<Map.Entry<String, PyInstance>> mods = new ArrayList<>();
            namedModules(self(s, "named_modules"), Py.str(a[1]), new IdentityHashMap<>(), mods);
            List<Object> out = new ArrayList<>();
            mods.forEach(e -> out.add(pair(e.getKey(), e.getValue())));
            return generator(out, "Module.named_modules");
        });
        method(d, "zero_grad(set_to_none=False)", (s, a) -> {
            boolean toNone = Py.isTrue(a[0]);
            for (Map.Entry<String, TensorObject> e : namedParameters(self(s, "zero_grad"), "", true)) {
                Tensor p = e.getValue().tensor();
                Tensor g = p.grad();
                if (g == null) {
                    continue;
                }
                if (toNone) {
                    p.setGrad(null);
                } else {
                    g.detach_(); // a grad with a history (create_graph=True) leaves its graph, as in PyTorch
                    boolean previous = GradMode.set(false);
                    try {
                        g.zero_();
                    } finally {
                        GradMode.set(previous);
                    }
                }
            }
            return Py.NONE;
        });
        method(d, "train(mode=True)", (s, a) -> {
            if (!(a[0] instanceof Boolean)) {
                throw Py.valueError("training mode is expected to be boolean");
            }
            setTraining(self(s, "train"), (Boolean) a[0]);
            return s;
        });
        method(d, "eval()", (s, a) -> {
            setTraining(self(s, "eval"), false);
            return s;
        });
        method(d, "requires_grad_(requires_grad=True)", (s, a) -> {
            for (Map.Entry<String, TensorObject> e : namedParameters(self(s, "requires_grad_"), "", true)) {
                try {
                    e.getValue().tensor().requiresGrad_(Py.isTrue(a[0]));
                } catch (TorchException ex) {
                    throw TorchModule.toPython(ex);
                }
            }
            return s;
        });
        method(d, "add_module(name, module)", (s, a) -> {
            addModule(self(s, "add_module"), a[0], a[1]);
            return Py.NONE;
        });
        method(d, "register_module(name, module)", (s, a) -> {
            addModule(self(s, "register_module"), a[0], a[1]);
            return Py.NONE;
        });
        method(d, "register_parameter(name, param)", (s, a) -> {
            PyInstance m = self(s, "register_parameter");
            PyDict params = registry(m, PARAMETERS);
            if (params == null) {
                throw Py.attributeError("cannot assign parameter before Module.__init__() call");
            }
            if (!(a[0] instanceof String name)) {
                throw Py.typeError("parameter name should be a string. Got " + typename(a[0]));
            }
            if (!Py.isNone(a[1]) && !isParameter(a[1])) {
                throw Py.typeError("cannot assign '" + typename(a[1]) + "' object to parameter '" + name
                        + "' (torch.nn.Parameter or None required)");
            }
            params.put(name, a[1]);
            return Py.NONE;
        });
        method(d, "register_buffer(name, tensor, persistent=True)", (s, a) -> {
            PyInstance m = self(s, "register_buffer");
            PyDict buffers = registry(m, BUFFERS);
            if (buffers == null) {
                throw Py.attributeError("cannot assign buffer before Module.__init__() call");
            }
            if (!(a[0] instanceof String name)) {
                throw Py.typeError("buffer name should be a string. Got " + typename(a[0]));
            }
            if (name.contains(".")) {
                throw Py.keyError("buffer name can't contain \".\"");
            }
            if (name.isEmpty()) {
                throw Py.keyError("buffer name can't be empty string \"\"");
            }
            if (!buffers.containsKey(name) && (m.attributes().containsKey(name)
                    || containsKey(registry(m, PARAMETERS), name) || containsKey(registry(m, MODULES), name))) {
                throw Py.keyError("attribute '" + name + "' already exists");
            }
            if (!Py.isNone(a[1]) && !(a[1] instanceof TensorObject)) {
                throw Py.typeError("cannot assign '" + typename(a[1]) + "' object to buffer '" + name
                        + "' (torch Tensor or None required)");
            }
            buffers.put(name, a[1]);
            if (!Py.isTrue(a[2])) {
                // kept out of state_dict, as PyTorch's non-persistent buffers
                NnState.nonPersistent(m).add(name);
            }
            return Py.NONE;
        });
        method(d, "apply(fn)", (s, a) -> {
            for (Map.Entry<String, PyInstance> c : children(self(s, "apply"))) {
                Ops.callMethod(c.getValue(), "apply", new Object[] {a[0]}, Py.NO_KWARGS);
            }
            Ops.call(a[0], new Object[] {s}, Py.NO_KWARGS);
            return s;
        });
        // one CPU and no devices here: moving a module changes nothing
        method(d, "state_dict(destination=None, prefix='', keep_vars=False)", (s, a) ->
                NnState.stateDict(self(s, "state_dict"), Py.str(a[1]), Py.isTrue(a[2])));
        method(d, "load_state_dict(state_dict, strict=True)", (s, a) ->
                NnState.loadStateDict(self(s, "load_state_dict"), a[0], Py.isTrue(a[1])));
        d.put("to", new BuiltinMethod("to", (s, args, kwargs) -> {
            for (Object o : args) {
                if (DeviceObject.isDevice(o)) {
                    DeviceObject.requireCpu(o);
                }
            }
            DeviceObject.requireCpu(kwargs.get("device"));
            return s;
        }));
        d.put("cuda", new BuiltinMethod("cuda", (s, args, kwargs) -> {
            throw new PyException("AssertionError", "Torch not compiled with CUDA enabled");
        }));
        d.put("cpu", new BuiltinMethod("cpu", (s, args, kwargs) -> s));
        return d;
    }

    /** {@code Module.__init__}: training mode and empty registries. */
    static void initModule(PyInstance m) {
        m.setAttrDirect("training", true);
        m.setAttrDirect(PARAMETERS, new PyDict());
        m.setAttrDirect(BUFFERS, new PyDict());
        m.setAttrDirect(MODULES, new PyDict());
    }

    private void setTraining(PyInstance m, boolean mode) {
        m.setAttrDirect("training", mode);
        for (Map.Entry<String, PyInstance> c : children(m)) {
            setTraining(c.getValue(), mode);
        }
    }

    void addModule(PyInstance m, Object name, Object child) {
        PyDict mods = registry(m, MODULES);
        if (!isModule(child) && !Py.isNone(child)) {
            throw Py.typeError(typename(child) + " is not a Module subclass");
        }
        if (!(name instanceof String n)) {
            throw Py.typeError("module name should be a string. Got " + typename(name));
        }
        if (mods == null) {
            throw Py.attributeError("cannot assign module before Module.__init__() call");
        }
        if (n.contains(".")) {
            throw new PyException("KeyError", "module name can't contain \".\", got: " + n);
        }
        if (n.isEmpty()) {
            throw new PyException("KeyError", "module name can't be empty string \"\"");
        }
        mods.put(n, child);
    }

    /** {@code Module.__setattr__}: Parameters and modules go to their registries, the rest to {@code __dict__}. */
    private void setAttr(PyInstance m, String name, Object value) {
        PyDict params = registry(m, PARAMETERS);
        if (isParameter(value)) {
            if (params == null) {
                throw Py.attributeError("cannot assign parameters before Module.__init__() call");
            }
            m.attributes().remove(name);
            removeFrom(registry(m, BUFFERS), name);
            removeFrom(registry(m, MODULES), name);
            params.put(name, value);
            return;
        }
        if (params != null && params.containsKey(name)) {
            if (!Py.isNone(value)) {
                throw Py.typeError("cannot assign '" + typename(value) + "' as parameter '" + name
                        + "' (torch.nn.Parameter or None expected)");
            }
            params.put(name, value);
            return;
        }
        PyDict mods = registry(m, MODULES);
        if (isModule(value)) {
            if (mods == null) {
                throw Py.attributeError("cannot assign module before Module.__init__() call");
            }
            m.attributes().remove(name);
            removeFrom(params, name);
            removeFrom(registry(m, BUFFERS), name);
            mods.put(name, value);
            return;
        }
        if (mods != null && mods.containsKey(name)) {
            if (!Py.isNone(value)) {
                throw Py.typeError("cannot assign '" + typename(value) + "' as child module '" + name
                        + "' (torch.nn.Module or None expected)");
            }
            mods.put(name, value);
            return;
        }
        m.setAttrDirect(name, value);
    }

    private static void removeFrom(PyDict d, String key) {
        if (d != null && d.containsKey(key)) {
            d.remove(key);
        }
    }

    /** {@code Module.__repr__}: the name, then the extra repr and each child indented, as PyTorch lays them out. */
    private static String repr(PyInstance m) {
        String extra = Ops.str(Ops.callMethod(m, "extra_repr", Py.NO_ARGS, Py.NO_KWARGS));
        List<String> lines = new ArrayList<>();
        if (!extra.isEmpty()) {
            lines.addAll(List.of(extra.split("\n", -1)));
        }
        int extraLines = lines.size();
        PyDict mods = registry(m, MODULES);
        if (mods != null) {
            for (Object k : mods.keys()) {
                lines.add("(" + k + "): " + indent(Ops.repr(mods.get(k))));
            }
        }
        String name = Ops.str(Ops.callMethod(m, "_get_name", Py.NO_ARGS, Py.NO_KWARGS));
        StringBuilder s = new StringBuilder(name).append('(');
        if (!lines.isEmpty()) {
            if (extraLines == 1 && lines.size() == 1) {
                s.append(lines.get(0));
            } else {
                s.append("\n  ").append(String.join("\n  ", lines)).append('\n');
            }
        }
        return s.append(')').toString();
    }

    /** PyTorch's {@code _addindent(s, 2)}: every line but the first indented by two spaces. */
    private static String indent(String s) {
        return s.replace("\n", "\n  ");
    }

    // ---- Linear --------------------------------------------------------------------------------

    private Map<String, Object> linearMethods() {
        Map<String, Object> d = new LinkedHashMap<>();
        method(d, "__init__(in_features, out_features, bias=True, device=None, dtype=None)", (s, a) -> {
            PyInstance m = self(s, "__init__");
            initModule(m);
            int in = Py.toInt(a[0]), out = Py.toInt(a[1]);
            DType dtype = Args.dtype(a[4], DType.FLOAT32);
            m.setAttrDirect("in_features", (long) in);
            m.setAttrDirect("out_features", (long) out);
            PyDict params = parameters(m);
            params.put("weight", new TensorObject(Creation.zeros(new int[] {out, in}, dtype, false).requiresGrad_(true), true));
            params.put("bias", Py.isTrue(a[2])
                    ? new TensorObject(Creation.zeros(new int[] {out}, dtype, false).requiresGrad_(true), true) : Py.NONE);
            Ops.callMethod(m, "reset_parameters", Py.NO_ARGS, Py.NO_KWARGS);
            return Py.NONE;
        });
        method(d, "reset_parameters()", (s, a) -> {
            PyInstance m = self(s, "reset_parameters");
            Object w = Ops.getAttr(m, "weight");
            Object b = Ops.getAttr(m, "bias");
            Tensor weight = Args.strictTensor(w, "reset_parameters", "weight", 1);
            int fanIn = weight.dim() > 1 ? weight.size(1) : weight.size(0);
            boolean previous = GradMode.set(false);
            try {
                if (weight.numel() > 0) {
                    // kaiming_uniform_(weight, a=sqrt(5)): gain sqrt(2 / (1 + a^2)), bound sqrt(3) * gain / sqrt(fan_in)
                    double slope = Math.sqrt(5);
                    double gain = Math.sqrt(2.0 / (1 + Math.pow(slope, 2)));
                    double bound = Math.sqrt(3.0) * (gain / Math.sqrt(fanIn));
                    Creation.uniform_(weight, -bound, bound);
                }
                if (b instanceof TensorObject bias) {
                    double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
                    Creation.uniform_(bias.tensor(), -bound, bound);
                }
            } catch (TorchException e) {
                throw TorchModule.toPython(e);
            } finally {
                GradMode.set(previous);
            }
            return Py.NONE;
        });
        method(d, "forward(input)", (s, a) -> {
            PyInstance m = self(s, "forward");
            try {
                return linear(a[0], Ops.getAttr(m, "weight"), Ops.getAttr(m, "bias"));
            } catch (RuntimeException e) {
                throw TorchFrames.linearForward(ErrorTranslator.translate(e));
            }
        });
        method(d, "extra_repr()", (s, a) -> {
            PyInstance m = self(s, "extra_repr");
            return "in_features=" + Ops.str(Ops.getAttr(m, "in_features")) + ", out_features="
                    + Ops.str(Ops.getAttr(m, "out_features")) + ", bias=" + (Py.isNone(Ops.getAttr(m, "bias")) ? "False" : "True");
        });
        return d;
    }

    /**
     * {@code F.linear(input, weight, bias)} as ATen's {@code linear}: a 2-d input with a bias is one
     * addmm (AddmmBackward0); a contiguous 3-d one is viewed to 2-d, addmm-ed and viewed back;
     * anything else is {@code input @ weight.t()} plus the bias (AddBackward0).
     */
    static Object linear(Object inputArg, Object weightArg, Object biasArg) {
        Tensor x = Args.strictTensor(inputArg, "linear", "input", 1);
        Tensor w = Args.strictTensor(weightArg, "linear", "weight", 2);
        Tensor b = Py.isNone(biasArg) ? null : Args.strictTensor(biasArg, "linear", "bias", 3);
        try {
            if (b != null && x.dim() == 2) {
                return new TensorObject(LinearAlgebra.addmm(b, x, w.t()));
            }
            if (b != null && x.dim() == 3 && x.isContiguous()) {
                int[] s = x.shape();
                Tensor flat = x.view(-1, s[2]);
                Tensor out = LinearAlgebra.addmm(b, flat, w.t());
                return new TensorObject(out.view(s[0], s[1], out.size(1)));
            }
            Tensor out = x.matmul(w.t());
            return new TensorObject(b == null ? out : out.add(b));
        } catch (TorchException e) {
            throw TorchModule.toPython(e);
        }
    }

    // ---- Identity, Flatten, Dropout --------------------------------------------------------------

    private Map<String, Object> identityMethods() {
        Map<String, Object> d = new LinkedHashMap<>();
        method(d, "__init__(*args, **kwargs)", (s, a) -> {
            initModule(self(s, "__init__"));
            return Py.NONE;
        });
        method(d, "forward(input)", (s, a) -> a[0]);
        return d;
    }

    private Map<String, Object> flattenMethods() {
        Map<String, Object> d = new LinkedHashMap<>();
        method(d, "__init__(start_dim=1, end_dim=-1)", (s, a) -> {
            PyInstance m = self(s, "__init__");
            initModule(m);
            m.setAttrDirect("start_dim", a[0]);
            m.setAttrDirect("end_dim", a[1]);
            return Py.NONE;
        });
        method(d, "extra_repr()", (s, a) -> "start_dim=" + Ops.repr(Ops.getAttr(s, "start_dim")) + ", end_dim="
                + Ops.repr(Ops.getAttr(s, "end_dim")));
        method(d, "forward(input)", (s, a) -> TensorMethods.call((TensorObject) tensorArg(a[0], "flatten"), "flatten",
                new Object[] {Ops.getAttr(s, "start_dim"), Ops.getAttr(s, "end_dim")}, Py.NO_KWARGS));
        return d;
    }

    /**
     * {@code nn.Dropout(p)}: the identity in eval mode or with p = 0. Training mode would need
     * PyTorch's Bernoulli stream to drop the same elements, so it says so instead of differing.
     */
    private Map<String, Object> dropoutMethods() {
        Map<String, Object> d = new LinkedHashMap<>();
        method(d, "__init__(p=0.5, inplace=False)", (s, a) -> {
            PyInstance m = self(s, "__init__");
            double p = Args.number(a[0]);
            if (p < 0 || p > 1) {
                throw Py.valueError("dropout probability has to be between 0 and 1, but got " + Ops.repr(a[0]));
            }
            initModule(m);
            m.setAttrDirect("p", a[0]);
            m.setAttrDirect("inplace", Py.isTrue(a[1]));
            return Py.NONE;
        });
        method(d, "extra_repr()", (s, a) -> "p=" + Ops.repr(Ops.getAttr(s, "p")) + ", inplace="
                + Ops.repr(Ops.getAttr(s, "inplace")));
        method(d, "forward(input)", (s, a) -> dropout(a[0], Ops.getAttr(s, "p"), Py.isTrue(Ops.getAttr(s, "training")), "nn.Dropout"));
        return d;
    }

    /**
     * Dropout ({@code nn.Dropout}, {@code F.dropout}, {@code torch.dropout}) outside training, or
     * with p=0: the input itself. In training its random mask would not be PyTorch's, so it is refused.
     */
    static Object dropout(Object input, Object p, boolean training, String what) {
        tensorArg(input, "dropout");
        double prob = Args.number(p);
        if (prob < 0 || prob > 1) {
            throw Py.valueError("dropout probability has to be between 0 and 1, but got " + Ops.repr(p));
        }
        if (training && prob > 0) {
            throw Py.runtimeError(what + " in training mode is not supported in Autograd Studio: its random mask"
                    + " would not be PyTorch's; call model.eval() (or use p=0) to run it as the identity");
        }
        return input;
    }

    private static final String FORWARD_HOOKS = "_forward_hooks";
    private static final String FORWARD_PRE_HOOKS = "_forward_pre_hooks";
    /** Hook ids, as PyTorch numbers its handles. */
    private static final java.util.concurrent.atomic.AtomicLong NEXT_HOOK = new java.util.concurrent.atomic.AtomicLong();

    /** The module's forward (pre-)hooks in the order they were registered; none for a module without any. */
    private static List<Object> hooks(PyInstance m, String kind) {
        Object registry = m == null ? null : m.attributes().get(kind);
        return registry instanceof PyDict d ? d.values() : List.of();
    }

    /** Registers a forward (pre-)hook; the handle's {@code remove()} takes it off. */
    private static Object addHook(PyInstance m, String kind, Object hook) {
        if (!(m.attributes().get(kind) instanceof PyDict)) {
            m.setAttrDirect(kind, PyDict.ordered());
        }
        PyDict registry = (PyDict) m.attributes().get(kind);
        Long id = NEXT_HOOK.getAndIncrement();
        registry.put(id, hook);
        return new RemovableHandle(() -> {
            if (registry.containsKey(id)) {
                registry.delItem(id);
            }
        });
    }

    private static boolean containsKey(PyDict registry, String name) {
        return registry != null && registry.containsKey(name);
    }

    private static Object tensorArg(Object o, String fn) {
        Args.strictTensor(o, fn, "input", 1);
        return o;
    }

    // ---- activations ---------------------------------------------------------------------------

    private Map<String, Object> activationMethods(String name) {
        Map<String, Object> d = new LinkedHashMap<>();
        boolean relu = name.equals("ReLU");
        method(d, relu ? "__init__(inplace=False)" : "__init__()", (s, a) -> {
            PyInstance m = self(s, "__init__");
            initModule(m);
            if (relu) {
                m.setAttrDirect("inplace", Py.isTrue(a[0]));
            }
            return Py.NONE;
        });
        if (relu) {
            method(d, "extra_repr()", (s, a) -> Py.isTrue(Ops.getAttr(s, "inplace")) ? "inplace=True" : "");
        }
        method(d, "forward(input)", (s, a) -> {
            Tensor x = Args.strictTensor(a[0], name.toLowerCase(), "input", 1);
            if (relu && Py.isTrue(Ops.getAttr(s, "inplace"))) {
                // relu_: the input itself, changed in place (ReluBackward0 when recorded)
                try {
                    x.inplace(org.autogradstudio.engine.ElementwiseOp.RELU, null);
                } catch (TorchException e) {
                    throw TorchModule.toPython(e);
                }
                return a[0];
            }
            switch (name) {
                case "ReLU": return new TensorObject(x.relu());
                case "Sigmoid": return new TensorObject(x.sigmoid());
                default: return new TensorObject(x.tanh());
            }
        });
        return d;
    }

    /**
     * An activation module whose constructor arguments are kept as attributes and passed on to
     * {@code torch.nn.functional.FN(input, ...)}; its repr lists them as PyTorch's does.
     */
    private Map<String, Object> parameterised(String name, String parameters, String fn) {
        Map<String, Object> d = new LinkedHashMap<>();
        Signature sig = Signature.parse("__init__(" + parameters + ")");
        List<String> names = new ArrayList<>();
        for (String part : parameters.split(",\\s*")) {
            names.add(part.substring(0, part.indexOf('=')).trim());
        }
        d.put("__init__", new BuiltinMethod("__init__", (s, args, kwargs) -> {
            Object[] a = sig.bind(args, kwargs);
            PyInstance m = self(s, "__init__");
            initModule(m);
            for (int i = 0; i < names.size(); i++) {
                m.setAttrDirect(names.get(i), a[i]);
            }
            return Py.NONE;
        }));
        method(d, "extra_repr()", (s, a) -> {
            List<String> parts = new ArrayList<>();
            for (String n : names) {
                Object v = Ops.getAttr(s, n);
                // PyTorch leaves inplace=False out, and shows the rest
                if (!(n.equals("inplace") && !Py.isTrue(v))) {
                    parts.add(n + "=" + Ops.repr(v));
                }
            }
            return String.join(", ", parts);
        });
        method(d, "forward(input)", (s, a) -> {
            Tensor x = Args.strictTensor(a[0], fn, "input", 1);
            switch (fn) {
                case "gelu": return new TensorObject(ElementwiseExtras.gelu(x, Py.str(Ops.getAttr(s, "approximate")).equals("tanh")));
                case "elu": return new TensorObject(ElementwiseExtras.elu(x, Args.number(Ops.getAttr(s, "alpha"))));
                case "silu": return new TensorObject(ElementwiseExtras.silu(x));
                default: return new TensorObject(ElementwiseExtras.softplus(x, Args.number(Ops.getAttr(s, "beta")),
                        Args.number(Ops.getAttr(s, "threshold"))));
            }
        });
        return d;
    }

    private Map<String, Object> leakyReluMethods() {
        Map<String, Object> d = new LinkedHashMap<>();
        method(d, "__init__(negative_slope=0.01, inplace=False)", (s, a) -> {
            PyInstance m = self(s, "__init__");
            initModule(m);
            m.setAttrDirect("negative_slope", a[0]);
            m.setAttrDirect("inplace", Py.isTrue(a[1]));
            return Py.NONE;
        });
        method(d, "extra_repr()", (s, a) -> "negative_slope=" + Ops.repr(Ops.getAttr(s, "negative_slope"))
                + (Py.isTrue(Ops.getAttr(s, "inplace")) ? ", inplace=True" : ""));
        method(d, "forward(input)", (s, a) -> new TensorObject(org.autogradstudio.engine.ElementwiseExtras.leakyRelu(
                Args.strictTensor(a[0], "leaky_relu", "input", 1), Args.number(Ops.getAttr(s, "negative_slope")))));
        return d;
    }

    /** {@code nn.Softmax(dim)} / {@code nn.LogSoftmax(dim)}: the dim kept on the module, as PyTorch prints it. */
    private Map<String, Object> softmaxMethods(boolean log) {
        Map<String, Object> d = new LinkedHashMap<>();
        method(d, "__init__(dim=None)", (s, a) -> {
            PyInstance m = self(s, "__init__");
            initModule(m);
            m.setAttrDirect("dim", a[0]);
            return Py.NONE;
        });
        method(d, "extra_repr()", (s, a) -> "dim=" + Ops.repr(Ops.getAttr(s, "dim")));
        method(d, "forward(input)", (s, a) -> {
            Tensor x = Args.strictTensor(a[0], log ? "log_softmax" : "softmax", "input", 1);
            Object dim = Ops.getAttr(s, "dim");
            int d0 = Py.isNone(dim) ? NnModules.implicitSoftmaxDim(log ? "log_softmax" : "softmax", x.dim()) : Args.integer(dim);
            try {
                return new TensorObject(log ? org.autogradstudio.engine.Classification.logSoftmax(x, d0)
                        : org.autogradstudio.engine.Classification.softmax(x, d0));
            } catch (TorchException e) {
                throw TorchModule.toPython(e);
            }
        });
        return d;
    }
}
