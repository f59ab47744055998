package org.autogradstudio.script.torch;

import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.Signature;

/**
 * {@code torch.optim.lr_scheduler}: StepLR, MultiStepLR, ExponentialLR, LambdaLR and
 * CosineAnnealingLR. A schedule writes {@code param_groups[i]['lr']}, which the optimizer reads
 * at every step, with PyTorch 1.13's recursive formulas in Python floats, so the learning rates a
 * script prints are PyTorch's to the last digit. Like PyTorch, making one takes its first step
 * (epoch 0) and records {@code initial_lr} in each group.
 */
final class LrSchedulers {
    private LrSchedulers() {
    }

    /** The learning rates of one step, given the schedule's state. */
    private interface Rule {
        double lr(Schedule s, int group, double current);
    }

    static PyModule create() {
        PyModule m = TorchModules.module("torch.optim.lr_scheduler", "optim/lr_scheduler.py");
        kind(m, "StepLR(optimizer, step_size, gamma=0.1, last_epoch=-1, verbose=False)", (s, a) -> {
            int stepSize = Args.integer(a[1]);
            double gamma = Args.number(a[2]);
            return (sc, g, lr) -> sc.epoch == 0 || sc.epoch % stepSize != 0 ? lr : lr * gamma;
        });
        kind(m, "MultiStepLR(optimizer, milestones, gamma=0.1, last_epoch=-1, verbose=False)", (s, a) -> {
            List<Object> milestones = Args.sequence(a[1]);
            double gamma = Args.number(a[2]);
            return (sc, g, lr) -> {
                long times = milestones.stream().filter(x -> Py.toLong(x) == sc.epoch).count();
                return times == 0 ? lr : lr * Math.pow(gamma, times);
            };
        });
        kind(m, "ExponentialLR(optimizer, gamma, last_epoch=-1, verbose=False)", (s, a) -> {
            double gamma = Args.number(a[1]);
            return (sc, g, lr) -> sc.epoch == 0 ? lr : lr * gamma;
        });
        kind(m, "LambdaLR(optimizer, lr_lambda, last_epoch=-1, verbose=False)", (s, a) -> {
            Object lambda = a[1];
            return (sc, g, lr) -> sc.base.get(g) * Args.number(Ops.call(lambda, new Object[] {(long) sc.epoch}, Py.NO_KWARGS));
        });
        kind(m, "CosineAnnealingLR(optimizer, T_max, eta_min=0, last_epoch=-1, verbose=False)", (s, a) -> {
            double tMax = Args.number(a[1]);
            double etaMin = Args.number(a[2]);
            return (sc, g, lr) -> {
                double base = sc.base.get(g);
                if (sc.epoch == 0) {
                    return lr;
                }
                if (sc.stepCount == 1 && sc.epoch > 0) {
                    return etaMin + (base - etaMin) * (1 + Math.cos(sc.epoch * Math.PI / tMax)) / 2;
                }
                if (Math.floorMod((long) (sc.epoch - 1 - tMax), (long) (2 * tMax)) == 0 && tMax == Math.rint(tMax)) {
                    return lr + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
                }
                return (1 + Math.cos(Math.PI * sc.epoch / tMax)) / (1 + Math.cos(Math.PI * (sc.epoch - 1) / tMax))
                        * (lr - etaMin) + etaMin;
            };
        });
        return m;
    }

    /** Makes the rule of a schedule from its bound constructor arguments. */
    private interface Factory {
        Rule make(Signature s, Object[] a);
    }

    private static void kind(PyModule m, String signature, Factory factory) {
        Signature sig = Signature.parse(signature);
        m.put(sig.name(), PyBuiltin.of(signature, a -> new Schedule(sig.name(), a[0], factory.make(sig, a),
                Args.integer(a[a.length - 2]))));
    }

    /** One schedule object: its optimizer's groups, their base rates, the epoch and the step count. */
    static final class Schedule implements PyObject {
        private final String name;
        private final Object optimizer;
        private final List<PyDict> groups = new ArrayList<>();
        final List<Double> base = new ArrayList<>();
        private final Rule rule;
        int epoch;
        int stepCount;
        private List<Object> last = List.of();

        Schedule(String name, Object optimizer, Rule rule, int lastEpoch) {
            this.name = name;
            this.optimizer = optimizer;
            this.rule = rule;
            Object pg = Ops.getAttr(optimizer, "param_groups");
            Ops.iter(pg).forEachRemaining(g -> groups.add((PyDict) g));
            for (PyDict g : groups) {
                if (lastEpoch == -1 && !g.containsKey("initial_lr")) {
                    g.put("initial_lr", g.get("lr"));
                }
                Object initial = g.get("initial_lr");
                if (initial == null) {
                    throw new org.autogradstudio.script.runtime.PyException("KeyError",
                            "param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer");
                }
                base.add(Args.number(initial));
            }
            this.epoch = lastEpoch;
            step();
        }

        void step() {
            stepCount++;
            epoch++;
            List<Object> lrs = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                lrs.add(rule.lr(this, i, Args.number(groups.get(i).get("lr"))));
            }
            for (int i = 0; i < groups.size(); i++) {
                groups.get(i).put("lr", lrs.get(i));
            }
            last = lrs;
        }

        @Override
        public String typeName() {
            return name;
        }

        @Override
        public Object getAttr(String attr) {
            switch (attr) {
                case "step": return new PyBuiltin("step", (a, k) -> {
                    step();
                    return Py.NONE;
                });
                case "get_last_lr": return new PyBuiltin("get_last_lr", (a, k) -> Py.list(last.toArray()));
                case "last_epoch": return (long) epoch;
                case "base_lrs": return Py.list(base.toArray());
                case "optimizer": return optimizer;
                default: return null;
            }
        }

        @Override
        public String repr() {
            return "<torch.optim.lr_scheduler." + name + " object at " + Py.address(this) + ">";
        }
    }
}
