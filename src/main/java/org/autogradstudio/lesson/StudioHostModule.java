package org.autogradstudio.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyTuple;
import org.autogradstudio.script.torch.TorchModules;

/**
 * The native {@code _studio_host} module that {@code lessons/studio.py} calls when it runs inside the
 * app: it hands comparisons and chart points to the session. Under real Python the module does not
 * exist and studio.py just prints, so lesson files stay runnable everywhere.
 */
final class StudioHostModule {
    private StudioHostModule() {
    }

    /** What a {@code compare} call hands over; {@code autogradTensor} is the autograd value when it is a tensor. */
    interface CompareSink {
        void compare(String label, List<Double> manual, Tensor autogradTensor, List<Double> autograd, boolean ok,
                List<Comparison.Factor> factors);
    }

    static PyModule create(CompareSink comparisons, BiConsumer<String, Double> charts) {
        PyModule m = new PyModule("_studio_host");
        m.put("compare", PyBuiltin.of("compare(label, manual, autograd, ok=None, factors=None)", a -> {
            List<Double> manual = numbers(a[1]);
            List<Double> autograd = numbers(a[2]);
            boolean ok = Py.isNone(a[3]) ? manual.equals(autograd) : Py.isTrue(a[3]);
            comparisons.compare(Py.str(a[0]), manual, TorchModules.tensorOf(a[2]), autograd, ok, factors(a[4]));
            return Py.NONE;
        }));
        m.put("chart", PyBuiltin.of("chart(name, value)", a -> {
            List<Double> v = numbers(a[1]);
            if (!v.isEmpty()) {
                charts.accept(Py.str(a[0]), v.get(0));
            }
            return Py.NONE;
        }));
        return m;
    }

    /** The factors as a list of (name, value) pairs or a dict {name: value}. */
    private static List<Comparison.Factor> factors(Object o) {
        List<Comparison.Factor> out = new ArrayList<>();
        if (o instanceof PyDict d) {
            for (Object k : d.keys()) {
                out.add(new Comparison.Factor(Py.str(k), numbers(d.get(k))));
            }
        } else if (o instanceof PyList || o instanceof PyTuple) {
            for (Object item : o instanceof PyList l ? l.items() : ((PyTuple) o).items()) {
                if (item instanceof PyTuple pair && pair.size() == 2) {
                    out.add(new Comparison.Factor(Py.str(pair.get(0)), numbers(pair.get(1))));
                }
            }
        }
        return out;
    }

    /** A float, int, bool, tensor or (nested) list as a flat list of doubles. */
    static List<Double> numbers(Object o) {
        List<Double> out = new ArrayList<>();
        collect(o, out);
        return out;
    }

    private static void collect(Object o, List<Double> out) {
        Tensor t = TorchModules.tensorOf(o);
        if (t != null) {
            for (double v : t.toArray()) {
                out.add(v);
            }
        } else if (o instanceof PyList l) {
            l.items().forEach(x -> collect(x, out));
        } else if (o instanceof PyTuple tuple) {
            tuple.items().forEach(x -> collect(x, out));
        } else if (o instanceof Double || o instanceof Long || o instanceof Boolean) {
            out.add(Py.toDouble(o));
        }
    }
}
