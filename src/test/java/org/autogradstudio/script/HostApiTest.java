package org.autogradstudio.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autogradstudio.script.runtime.BinaryOp;
import org.autogradstudio.script.runtime.CompareOp;
import org.autogradstudio.script.runtime.HostType;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyType;
import org.autogradstudio.script.runtime.UnaryOp;
import org.junit.jupiter.api.Test;

/** The extension points the torch bindings use: host objects, modules, types, errors, sessions. */
class HostApiTest {
    static final HostType TENSOR = new HostType("Tensor", o -> o instanceof Scalar, null);
    static final List<String> LOG = new ArrayList<>();

    /** A tiny tensor-like host object holding one double. */
    static final class Scalar implements PyObject {
        double v;
        Scalar grad;

        Scalar(double v) {
            this.v = v;
        }

        static double of(Object o) {
            return o instanceof Scalar s ? s.v : Py.toDouble(o);
        }

        @Override
        public String typeName() {
            return "Tensor";
        }

        @Override
        public PyType type() {
            return TENSOR;
        }

        @Override
        public Object getAttr(String name) {
            switch (name) {
                case "grad": return grad == null ? Py.NONE : grad;
                case "item": return new PyBuiltin("item", (a, k) -> v);
                default: return null;
            }
        }

        @Override
        public Object callMethod(String name, Object[] args, Map<String, Object> kwargs) {
            if (name.equals("zero_")) {
                v = 0;
                return this;
            }
            return PyObject.super.callMethod(name, args, kwargs);
        }

        @Override
        public Object binaryOp(BinaryOp op, Object other) {
            if (!(other instanceof Scalar) && !(other instanceof Long) && !(other instanceof Double)) {
                return Py.NOT_IMPLEMENTED;
            }
            double o = of(other);
            switch (op) {
                case ADD: return new Scalar(v + o);
                case SUB: return new Scalar(v - o);
                case MUL: return new Scalar(v * o);
                case POW: return new Scalar(Math.pow(v, o));
                case MATMUL: return new Scalar(v * o);
                default: return Py.NOT_IMPLEMENTED;
            }
        }

        @Override
        public Object reflectedBinaryOp(BinaryOp op, Object other) {
            if (op == BinaryOp.SUB) {
                return new Scalar(of(other) - v);
            }
            return binaryOp(op, other);
        }

        @Override
        public Object inPlaceOp(BinaryOp op, Object other) {
            if (op == BinaryOp.SUB) {
                v -= of(other);
                return this;
            }
            return Py.NOT_IMPLEMENTED;
        }

        @Override
        public Object unaryOp(UnaryOp op) {
            return op == UnaryOp.NEG ? new Scalar(-v) : op == UnaryOp.ABS ? new Scalar(Math.abs(v)) : Py.NOT_IMPLEMENTED;
        }

        @Override
        public Object compare(CompareOp op, Object other) {
            return op.test(Double.compare(v, of(other)));
        }

        @Override
        public Object getItem(Object key) {
            LOG.add("getitem " + Ops.repr(key));
            return this;
        }

        @Override
        public void setItem(Object key, Object value) {
            LOG.add("setitem " + Ops.repr(key) + " = " + Ops.repr(value));
        }

        @Override
        public double toDouble() {
            return v;
        }

        @Override
        public String repr() {
            return "tensor(" + v + ")";
        }

        @Override
        public String format(String spec) {
            return spec.isEmpty() ? String.valueOf(v) : String.format("%" + spec, v);
        }
    }

    /** A context manager that records enter/exit. */
    static final class NoGrad implements PyObject {
        @Override
        public Object enter() {
            LOG.add("enter");
            return Py.NONE;
        }

        @Override
        public boolean exit(PyException error) {
            LOG.add("exit " + (error == null ? "ok" : error.typeName()));
            return false;
        }
    }

    static Interpreter interpreter() {
        Interpreter in = new Interpreter();
        in.registerModule("fake", () -> {
            PyModule m = new PyModule("fake");
            m.put("Tensor", TENSOR);
            m.put("tensor", PyBuiltin.of("tensor(data, *, requires_grad=False)", a -> {
                Scalar s = new Scalar(Py.toDouble(a[0]));
                if (Py.isTrue(a[1])) {
                    s.grad = new Scalar(0.5);
                }
                return s;
            }));
            m.put("no_grad", new PyBuiltin("no_grad", (a, k) -> new NoGrad()));
            m.put("clamp", PyBuiltin.of("clamp(input, min=None, max=None)", a -> a[0]));
            m.put("fail", new PyBuiltin("fail", (a, k) -> {
                throw new PyException("RuntimeError", "element 0 of tensors does not require grad and does not have a grad_fn");
            }));
            return m;
        });
        in.registerModule("fake.nn", () -> new PyModule("fake.nn").put("name", "nn"));
        in.registerModule("fake.nn.functional", () -> new PyModule("fake.nn.functional").put("relu",
                new PyBuiltin("relu", (a, k) -> new Scalar(Math.max(0, Scalar.of(a[0]))))));
        in.addSourceModule("helper", "helper.py", "import fake\nclass Model:\n    def __init__(self):\n"
                + "        self.w = fake.tensor(2.0)\n    def __call__(self, x):\n        return self.forward(x)\n"
                + "    def forward(self, x):\n        return self.w * x\ndef double(v):\n    return 2 * v\n");
        return in;
    }

    static String run(String src) {
        LOG.clear();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        RunResult r = interpreter().newSession(out, err).runScript(src, "host.py");
        if (!r.ok()) {
            out.append(r.errorSummary()).append('\n');
        }
        return out.toString();
    }

    @Test
    void inPlaceOperatorsUpdateTheSameObject() {
        String out = run("import fake\nw = fake.tensor(1.0, requires_grad=True)\nold = w\nwith fake.no_grad():\n"
                + "    w -= 0.1 * w.grad\n    w.grad.zero_()\nprint(w is old, w, w.grad, id(w) == id(old))\n"
                + "b = fake.tensor(3.0)\nb2 = b\nb += 1\nprint(b is b2, b, b2)\n");
        assertEquals("True tensor(0.95) tensor(0.0) True\nFalse tensor(4.0) tensor(3.0)\n", out);
        assertEquals(List.of("enter", "exit ok"), LOG);
    }

    @Test
    void operatorsDispatchWithReflectedFallbacks() {
        String out = run("import fake\nx = fake.tensor(3.0)\nprint(x ** 2, 1 - x, 2 * x, x @ x, -x, abs(-x), x > 2, "
                + "2 < x, x == 3, float(x), x.item(), f'{x:.2f}', sum([x, x]), max(x, fake.tensor(1.0)))\n");
        assertEquals("tensor(9.0) tensor(-2.0) tensor(6.0) tensor(9.0) tensor(-3.0) tensor(3.0) True True True 3.0 "
                + "3.0 3.00 tensor(6.0) tensor(3.0)\n", out);
    }

    @Test
    void subscriptKeysArePythonValues() {
        run("import fake\nt = fake.tensor(1.0)\nt[0]\nt[1:2, None, ..., -1, [1, 2]]\nt[::2]\nt[0] = 10\n");
        assertEquals(List.of("getitem 0", "getitem (slice(1, 2, None), None, Ellipsis, -1, [1, 2])",
                "getitem slice(None, None, 2)", "setitem 0 = 10"), LOG);
    }

    @Test
    void withCallsExitOnErrorsToo() {
        String out = run("import fake\ntry:\n    with fake.no_grad():\n        1/0\nexcept ZeroDivisionError:\n"
                + "    print('caught')\n");
        assertEquals("caught\n", out);
        assertEquals(List.of("enter", "exit ZeroDivisionError"), LOG);
    }

    @Test
    void hostErrorsAreCatchableAndPrintable() {
        assertEquals("RuntimeError element 0 of tensors does not require grad and does not have a grad_fn\n",
                run("import fake\ntry:\n    fake.fail()\nexcept RuntimeError as e:\n    print(type(e).__name__, e)\n"));
        assertEquals("RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn\n",
                run("import fake\nfake.fail()\n"));
    }

    @Test
    void signaturesGivePythonsTypeErrors() {
        assertEquals("TypeError: clamp() got an unexpected keyword argument 'mn'\n",
                run("import fake\nfake.clamp(1, mn=2)\n"));
        assertEquals("TypeError: tensor() missing 1 required positional argument: 'data'\n",
                run("import fake\nfake.tensor()\n"));
        assertEquals("TypeError: tensor() takes 1 positional argument but 2 were given\n",
                run("import fake\nfake.tensor(1, 2)\n"));
    }

    @Test
    void isinstanceAndTypeUseTheHostType() {
        assertEquals("True False Tensor <class 'Tensor'>\n", run("import fake\nt = fake.tensor(1)\n"
                + "print(isinstance(t, fake.Tensor), isinstance(1, fake.Tensor), type(t).__name__, type(t))\n"));
    }

    @Test
    void dottedModulesAndFromImports() {
        assertEquals("tensor(2.0) nn nn True\n", run("import fake.nn.functional as F\nfrom fake import nn\nimport fake.nn\n"
                + "print(F.relu(fake.tensor(2.0)), nn.name, fake.nn.name, fake.nn.functional is F)\n"));
        assertEquals("ImportError: cannot import name 'missing' from 'fake' (unknown location)\n",
                run("from fake import missing\n"));
    }

    @Test
    void sourceModulesDefineClassesAndFunctions() {
        assertEquals("tensor(6.0) 8\n", run("import helper\nfrom helper import double\nm = helper.Model()\n"
                + "print(m(3), double(4))\n"));
    }

    @Test
    void trainingLoopOverheadIsSmall() {
        String src = "import fake\nx = fake.tensor(1.0)\ny = fake.tensor(2.0)\nw = fake.tensor(0.0, requires_grad=True)\n"
                + "b = fake.tensor(0.0, requires_grad=True)\nfor epoch in range(5000):\n"
                + "    l = ((w * x + b - y) ** 2)\n    with fake.no_grad():\n        w -= 0.01 * w.grad\n"
                + "        b -= 0.01 * b.grad\n        w.grad.zero_()\n        b.grad.zero_()\nprint(l.item() >= 0)\n";
        assertEquals("True\n", run(src));
        // Speed is measured, not asserted (house rule); the figure is printed for the record.
        long t0 = System.nanoTime();
        run(src);
        System.out.println("5000-iteration loop: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertTrue(LOG.size() == 10000 * 1 || LOG.size() == 10000);
    }
    @Test
    void moduleBodiesAreMadeOnceOnFirstCallAndBoundBySignature() {
        List<String> made = new ArrayList<>();
        PyBuiltin.Bodies bodies = name -> {
            made.add(name);
            switch (name) {
                case "scale": return (a, k) -> Py.toDouble(a[0]) * Py.toDouble(a[1]);
                case "count": return (a, k) -> (long) a.length + k.size();
                default: throw new IllegalStateException(name);
            }
        };
        Interpreter in = new Interpreter();
        in.registerModule("lazy", () -> new PyModule("lazy")
                .put("scale", PyBuiltin.bound("scale(x, factor=2.0)", bodies))
                .put("count", new PyBuiltin("count", bodies)));
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        RunResult r = in.newSession(out, err).runScript("import lazy\nprint(lazy.scale)\n"
                + "print(lazy.scale(3), lazy.scale(3, 4), lazy.scale(factor=0.5, x=3))\n"
                + "print(lazy.count(1, 2, k=3))\nlazy.scale()\n", "lazy.py");
        assertEquals("<built-in function scale>\n6.0 12.0 1.5\n3\n", out.toString());
        assertEquals("TypeError: scale() missing 1 required positional argument: 'x'", r.errorSummary());
        assertEquals(List.of("scale", "count"), made);
    }
}
