package org.autogradstudio.script.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;
import org.autogradstudio.engine.optim.Adam;
import org.autogradstudio.engine.optim.Optimizer;
import org.autogradstudio.engine.optim.SGD;
import org.autogradstudio.script.runtime.HostType;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyType;
import org.autogradstudio.script.runtime.Signature;

/** {@code torch.optim}: SGD (with momentum) and Adam over the engine's optimizers. */
final class OptimModule {
    private OptimModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("torch.optim");
        Signature sgd = Signature.parse("SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False)");
        Signature adam = Signature.parse("Adam(params, lr=0.001, betas=None, eps=1e-08, weight_decay=0, amsgrad=False)");
        HostType[] types = new HostType[2];
        types[0] = new HostType("SGD", o -> o instanceof OptimizerObject p && p.name.equals("SGD"), new PyBuiltin("SGD", (args, kw) -> {
            Object[] a = sgd.bind(args, kw);
            List<TensorObject> ps = params(a[0]);
            Map<String, Object> options = ordered("lr", a[1], "momentum", a[2], "dampening", a[3], "weight_decay", a[4],
                    "nesterov", a[5], "maximize", false, "foreach", Py.NONE, "differentiable", false);
            return create("SGD", types[0], ps, options, () -> new SGD(tensors(ps), Args.number(a[1]),
                    Args.number(a[2]), Args.number(a[3]), Args.number(a[4]), Py.isTrue(a[5])));
        }));
        types[1] = new HostType("Adam", o -> o instanceof OptimizerObject p && p.name.equals("Adam"), new PyBuiltin("Adam", (args, kw) -> {
            Object[] a = adam.bind(args, kw);
            List<TensorObject> ps = params(a[0]);
            List<Object> betas = Py.isNone(a[2]) ? List.of(0.9, 0.999) : Args.sequence(a[2]);
            Map<String, Object> options = ordered("lr", a[1], "betas", Py.tuple(betas.toArray()), "eps", a[3],
                    "weight_decay", a[4], "amsgrad", a[5], "maximize", false, "foreach", Py.NONE, "capturable", false,
                    "differentiable", false, "fused", false);
            return create("Adam", types[1], ps, options, () -> new Adam(tensors(ps), Args.number(a[1]),
                    Args.number(betas.get(0)), Args.number(betas.get(1)), Args.number(a[3]), Args.number(a[4])));
        }));
        m.put("SGD", types[0]);
        m.put("Adam", types[1]);
        return m;
    }

    /** The param group's keys in PyTorch's order (as {@code param_groups[0].keys()} lists them). */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static Object create(String name, PyType type, List<TensorObject> params, Map<String, Object> options,
            java.util.function.Supplier<Optimizer> factory) {
        try {
            return new OptimizerObject(name, type, factory.get(), params, options);
        } catch (TorchException e) {
            throw TorchModule.toPython(e);
        }
    }

    private static List<Tensor> tensors(List<TensorObject> params) {
        List<Tensor> out = new ArrayList<>();
        params.forEach(p -> out.add(p.tensor()));
        return out;
    }

    /** The params argument, read once (it may be a generator such as {@code model.parameters()}). */
    private static List<TensorObject> params(Object o) {
        List<TensorObject> out = new ArrayList<>();
        java.util.Iterator<Object> it = o instanceof PyObject p ? p.iter() : null;
        if (it == null) {
            throw Py.typeError("params argument given to the optimizer should be an iterable of Tensors or dicts, but got "
                    + Py.typeName(o));
        }
        while (it.hasNext()) {
            Object x = it.next();
            if (!(x instanceof TensorObject t)) {
                throw Py.typeError("optimizer can only optimize Tensors, but one of the params is " + Py.typeName(x));
            }
            if (!t.tensor().isLeaf()) {
                throw Py.valueError("can't optimize a non-leaf Tensor");
            }
            out.add(t);
        }
        return out;
    }

    /** An optimizer object; {@code param_groups[0]['lr']} is live, so schedules written by hand work. */
    static final class OptimizerObject implements PyObject {
        private static final Signature ZERO_GRAD = Signature.parse("zero_grad(set_to_none=False)");
        private final String name;
        private final PyType type;
        private final Optimizer optimizer;
        private final PyDict group = new PyDict();
        private final PyList groups = new PyList();

        OptimizerObject(String name, PyType type, Optimizer optimizer, List<TensorObject> params, Map<String, Object> options) {
            this.name = name;
            this.type = type;
            this.optimizer = optimizer;
            PyList ps = new PyList();
            params.forEach(ps::append);
            group.put("params", ps);
            options.forEach(group::put);
            groups.append(group);
        }

        public Optimizer optimizer() {
            return optimizer;
        }

        @Override
        public String typeName() {
            return name;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public Object callMethod(String method, Object[] args, Map<String, Object> kwargs) {
            try {
                switch (method) {
                    case "step":
                        optimizer.setLr(Args.number(group.get("lr")));
                        optimizer.step();
                        return Py.NONE;
                    case "zero_grad":
                        optimizer.zeroGrad(Py.isTrue(ZERO_GRAD.bind(args, kwargs)[0]));
                        return Py.NONE;
                    default:
                        return PyObject.super.callMethod(method, args, kwargs);
                }
            } catch (TorchException e) {
                throw TorchModule.toPython(e);
            }
        }

        @Override
        public Object getAttr(String attr) {
            switch (attr) {
                case "param_groups": return groups;
                case "step": return new PyBuiltin("step", (a, k) -> callMethod("step", a, k));
                case "zero_grad": return new PyBuiltin("zero_grad", (a, k) -> callMethod("zero_grad", a, k));
                default: return null;
            }
        }

        @Override
        public String repr() {
            StringBuilder s = new StringBuilder(name).append(" (\nParameter Group 0\n");
            List<String> keys = new ArrayList<>();
            for (Object k : group.keys()) {
                if (!k.equals("params")) {
                    keys.add((String) k);
                }
            }
            keys.sort(null);
            for (String k : keys) {
                s.append("    ").append(k).append(": ").append(Py.str(group.get(k))).append('\n');
            }
            return s.append(')').toString();
        }
    }
}
