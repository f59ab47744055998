package org.autogradstudio.script.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TorchException;
import org.autogradstudio.engine.optim.Adagrad;
import org.autogradstudio.engine.optim.Adam;
import org.autogradstudio.engine.optim.AdamW;
import org.autogradstudio.engine.optim.RMSprop;
import org.autogradstudio.engine.optim.Optimizer;
import org.autogradstudio.engine.optim.SGD;
import org.autogradstudio.script.runtime.HostType;
import org.autogradstudio.script.runtime.Ops;
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

    /** Makes one optimizer from its bound arguments and the parameters read from them. */
    private interface Maker {
        Optimizer make(Object[] a, List<Tensor> params);
    }

    /** What a param group lists for the optimizer (after params), from the bound arguments, in PyTorch's key order. */
    private interface Options {
        Map<String, Object> of(Object[] a);
    }

    static PyModule create() {
        PyModule m = TorchModules.module("torch.optim", "optim/__init__.py");
        optimizer(m, "SGD(params, lr=None, momentum=0, dampening=0, weight_decay=0, nesterov=False)",
                a -> ordered("lr", a[1], "momentum", a[2], "dampening", a[3], "weight_decay", a[4], "nesterov", a[5],
                        "maximize", false, "foreach", Py.NONE, "differentiable", false),
                (a, ps) -> new SGD(ps, Args.number(a[1]), Args.number(a[2]), Args.number(a[3]), Args.number(a[4]), Py.isTrue(a[5])));
        optimizer(m, "Adam(params, lr=0.001, betas=None, eps=1e-08, weight_decay=0, amsgrad=False)",
                a -> ordered("lr", a[1], "betas", betas(a[2]), "eps", a[3], "weight_decay", a[4], "amsgrad", a[5],
                        "maximize", false, "foreach", Py.NONE, "capturable", false, "differentiable", false, "fused", false),
                (a, ps) -> new Adam(ps, Args.number(a[1]), beta(a[2], 0), beta(a[2], 1), Args.number(a[3]), Args.number(a[4])));
        optimizer(m, "AdamW(params, lr=0.001, betas=None, eps=1e-08, weight_decay=0.01, amsgrad=False)",
                a -> ordered("lr", a[1], "betas", betas(a[2]), "eps", a[3], "weight_decay", a[4], "amsgrad", a[5],
                        "foreach", Py.NONE, "maximize", false, "capturable", false),
                (a, ps) -> new AdamW(ps, Args.number(a[1]), beta(a[2], 0), beta(a[2], 1), Args.number(a[3]), Args.number(a[4])));
        optimizer(m, "RMSprop(params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0, centered=False)",
                a -> ordered("lr", a[1], "momentum", a[5], "alpha", a[2], "eps", a[3], "centered", a[6], "weight_decay", a[4],
                        "foreach", Py.NONE, "maximize", false, "differentiable", false),
                (a, ps) -> {
                    nonNegative("learning rate", a[1], "epsilon value", a[3], "momentum value", a[5], "weight_decay value", a[4],
                            "alpha value", a[2]);
                    return new RMSprop(ps, Args.number(a[1]), Args.number(a[2]), Args.number(a[3]), Args.number(a[4]),
                        Args.number(a[5]), Py.isTrue(a[6]));
                });
        optimizer(m, "Adagrad(params, lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10)",
                a -> ordered("lr", a[1], "lr_decay", a[2], "eps", a[5], "weight_decay", a[3], "initial_accumulator_value", a[4],
                        "foreach", Py.NONE, "maximize", false),
                (a, ps) -> new Adagrad(ps, Args.number(a[1]), Args.number(a[2]), Args.number(a[3]), Args.number(a[4]),
                        Args.number(a[5])));
        m.put("lr_scheduler", LrSchedulers.create());
        return m;
    }

    /**
     * PyTorch's argument checks, worded with the values as the script wrote them ({@code -1}, not
     * {@code -1.0}); pairs of (label, value) must all be non-negative.
     */
    private static void nonNegative(Object... labelsAndValues) {
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            Object v = labelsAndValues[i + 1];
            if (Args.number(v) < 0) {
                throw Py.valueError("Invalid " + labelsAndValues[i] + ": " + org.autogradstudio.script.runtime.Ops.repr(v));
            }
        }
    }

    /** Registers {@code torch.optim.NAME}: a type whose instances are that optimizer. */
    private static void optimizer(PyModule m, String signature, Options options, Maker maker) {
        Signature sig = Signature.parse(signature);
        String name = sig.name();
        HostType[] type = new HostType[1];
        type[0] = new HostType(name, o -> o instanceof OptimizerObject p && p.name.equals(name), new PyBuiltin(name, (args, kw) -> {
            Object[] a = sig.bind(args, kw);
            List<TensorObject> ps = params(a[0], name);
            if (Py.isNone(a[1])) {
                // SGD's lr is PyTorch's `required`: the param group it makes lacks one
                throw TorchFrames.optimizerInit(name, Py.valueError(
                        "parameter group didn't specify a value of required optimization parameter lr"), 66, 330,
                        "raise ValueError(\"parameter group didn't specify a value of required optimization parameter \" +");
            }
            return create(name, type[0], ps, options.of(a), () -> maker.make(a, tensors(ps)));
        })).inModule("torch.optim." + name.toLowerCase(java.util.Locale.ROOT)); // torch.optim.sgd.SGD
        m.put(name, type[0]);
    }

    /** Adam's {@code betas} as the param group shows them: a tuple, (0.9, 0.999) by default. */
    private static Object betas(Object given) {
        return Py.tuple((Py.isNone(given) ? List.<Object>of(0.9, 0.999) : Args.sequence(given)).toArray());
    }

    private static double beta(Object given, int i) {
        return Args.number(Py.isNone(given) ? (i == 0 ? 0.9 : 0.999) : Args.sequence(given).get(i));
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

    /** The params argument of {@code optimizer}, read once (it may be a generator such as {@code model.parameters()}). */
    private static List<TensorObject> params(Object o, String optimizer) {
        List<TensorObject> out = new ArrayList<>();
        if (o instanceof TensorObject t) {
            throw TorchFrames.optimizerInit(optimizer, Py.typeError("params argument given to the optimizer should be an iterable "
                    + "of Tensors or dicts, but got torch." + TensorMethods.typeString(t.tensor().dtype())), 52, 0,
                    "raise TypeError(\"params argument given to the optimizer should be \"");
        }
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
                throw TorchFrames.optimizerInit(optimizer, Py.valueError("can't optimize a non-leaf Tensor"), 66, 326,
                        "raise ValueError(\"can't optimize a non-leaf Tensor\")");
            }
            out.add(t);
        }
        return out;
    }

    /** An optimizer object; {@code param_groups[0]['lr']} is live, so schedules written by hand work. */
    static final class OptimizerObject implements PyObject {
        private static final Signature ZERO_GRAD = Signature.parse("zero_grad(set_to_none=False)");
        private static final Signature STEP = Signature.parse("step(closure=None)");
        private final String name;
        private final PyType type;
        private final Optimizer optimizer;
        private final PyDict group = new PyDict();
        private final PyList groups = new PyList();
        /** {@code optimizer.defaults}: the options it was made with (param_groups may change later). */
        private final PyDict defaults = new PyDict();

        OptimizerObject(String name, PyType type, Optimizer optimizer, List<TensorObject> params, Map<String, Object> options) {
            this.name = name;
            this.type = type;
            this.optimizer = optimizer;
            PyList ps = new PyList();
            params.forEach(ps::append);
            group.put("params", ps);
            options.forEach(group::put);
            options.forEach(defaults::put);
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
                    case "step": {
                        // step(closure): the closure re-evaluates the loss, with grad enabled, and step returns it
                        Object closure = STEP.bind(args, kwargs)[0];
                        Object loss = Py.NONE;
                        if (!Py.isNone(closure)) {
                            boolean previous = org.autogradstudio.engine.GradMode.set(true);
                            try {
                                loss = Ops.call(closure, Py.NO_ARGS, Py.NO_KWARGS);
                            } finally {
                                org.autogradstudio.engine.GradMode.set(previous);
                            }
                        }
                        optimizer.setLr(Args.number(group.get("lr")));
                        optimizer.step();
                        return loss;
                    }
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
                case "defaults": return defaults;
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
