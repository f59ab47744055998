package org.autogradstudio.script.torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.script.interp.ErrorTranslator;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyInstance;
import org.autogradstudio.script.runtime.PyIterator;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.Slice;

/**
 * The container modules of {@code torch.nn}: {@code Sequential} (a forward through its children),
 * {@code ModuleList} (numbered children) and {@code ModuleDict} (children by name), built on
 * {@link NnLayers}' module registry.
 */
final class NnContainers {
    private final NnLayers layers;

    NnContainers(NnLayers layers) {
        this.layers = layers;
    }

    /** {@code nn.Sequential(*modules)}: numbered children, each fed the one before's output. */
    Map<String, Object> sequentialMethods() {
        Map<String, Object> d = new LinkedHashMap<>();
        NnLayers.method(d, "__init__(*args)", (s, a) -> {
            PyInstance m = layers.self(s, "__init__");
            NnLayers.initModule(m);
            Object[] mods = ((org.autogradstudio.script.runtime.PyTuple) a[0]).toArray();
            for (int i = 0; i < mods.length; i++) {
                layers.addModule(m, Integer.toString(i), mods[i]);
            }
            return Py.NONE;
        });
        NnLayers.method(d, "forward(input)", (s, a) -> {
            Object x = a[0];
            for (Map.Entry<String, PyInstance> c : NnLayers.children(layers.self(s, "forward"))) {
                try {
                    x = Ops.call(c.getValue(), new Object[] {x}, Py.NO_KWARGS);
                } catch (RuntimeException e) {
                    throw TorchFrames.sequentialForward(ErrorTranslator.translate(e));
                }
            }
            return x;
        });
        containerMethods(d, false);
        return d;
    }

    /** {@code nn.ModuleList(modules=None)}: numbered submodules without a forward of its own. */
    Map<String, Object> moduleListMethods() {
        Map<String, Object> d = new LinkedHashMap<>();
        NnLayers.method(d, "__init__(modules=None)", (s, a) -> {
            PyInstance m = layers.self(s, "__init__");
            NnLayers.initModule(m);
            if (!Py.isNone(a[0])) {
                Ops.iter(a[0]).forEachRemaining(child -> layers.addModule(m, Integer.toString(NnLayers.modules(m).size()), child));
            }
            return Py.NONE;
        });
        NnLayers.method(d, "extend(modules)", (s, a) -> {
            PyInstance m = layers.self(s, "extend");
            Ops.iter(a[0]).forEachRemaining(child -> layers.addModule(m, Integer.toString(NnLayers.modules(m).size()), child));
            return s;
        });
        containerMethods(d, true);
        return d;
    }

    /** {@code nn.ModuleDict}: submodules by name, with a dict's methods; iterating gives the names. */
    Map<String, Object> moduleDictMethods() {
        Map<String, Object> d = new LinkedHashMap<>();
        NnLayers.method(d, "__init__(modules=None)", (s, a) -> {
            PyInstance m = layers.self(s, "__init__");
            NnLayers.initModule(m);
            if (!Py.isNone(a[0])) {
                updateModules(m, a[0]);
            }
            return Py.NONE;
        });
        NnLayers.method(d, "update(modules)", (s, a) -> {
            updateModules(layers.self(s, "update"), a[0]);
            return Py.NONE;
        });
        NnLayers.method(d, "__len__()", (s, a) -> (long) NnLayers.modules(layers.self(s, "__len__")).size());
        NnLayers.method(d, "__iter__()", (s, a) -> new PyIterator(NnLayers.modules(layers.self(s, "__iter__")).keys().iterator(), "odict_keyiterator"));
        NnLayers.method(d, "__contains__(key)", (s, a) -> NnLayers.modules(layers.self(s, "__contains__")).containsKey(a[0]));
        NnLayers.method(d, "__getitem__(key)", (s, a) -> {
            PyDict mods = NnLayers.modules(layers.self(s, "__getitem__"));
            if (!mods.containsKey(a[0])) {
                throw Py.keyError(a[0]);
            }
            return mods.get(a[0]);
        });
        NnLayers.method(d, "__setitem__(key, module)", (s, a) -> {
            layers.addModule(layers.self(s, "__setitem__"), a[0], a[1]);
            return Py.NONE;
        });
        NnLayers.method(d, "__delitem__(key)", (s, a) -> {
            PyDict mods = NnLayers.modules(layers.self(s, "__delitem__"));
            if (!mods.containsKey(a[0])) {
                throw Py.keyError(a[0]);
            }
            mods.delItem(a[0]);
            return Py.NONE;
        });
        NnLayers.method(d, "keys()", (s, a) -> new PyList(NnLayers.modules(layers.self(s, "keys")).keys()));
        NnLayers.method(d, "values()", (s, a) -> new PyList(NnLayers.modules(layers.self(s, "values")).values()));
        NnLayers.method(d, "items()", (s, a) -> new PyList(NnLayers.modules(layers.self(s, "items")).items()));
        NnLayers.method(d, "pop(key)", (s, a) -> {
            PyDict mods = NnLayers.modules(layers.self(s, "pop"));
            if (!mods.containsKey(a[0])) {
                throw Py.keyError(a[0]);
            }
            Object v = mods.get(a[0]);
            mods.delItem(a[0]);
            return v;
        });
        return d;
    }

    /** A ModuleDict's {@code update}: from a mapping, or from (name, module) pairs. */
    private void updateModules(PyInstance m, Object source) {
        if (source instanceof PyDict given) {
            for (Object k : given.keys()) {
                layers.addModule(m, k, given.get(k));
            }
            return;
        }
        Ops.iter(source).forEachRemaining(pair -> {
            Object[] kv = Ops.toArray(pair);
            if (kv.length != 2) {
                throw Py.valueError("ModuleDict update sequence element has length " + kv.length + "; 2 is required");
            }
            layers.addModule(m, kv[0], kv[1]);
        });
    }

    /**
     * What Sequential and ModuleList share: len, iteration, indexing and slicing, append. A slice
     * of a Sequential keeps its keys; a ModuleList's slice is numbered from 0 again, as in PyTorch.
     */
    private void containerMethods(Map<String, Object> d, boolean renumberSlices) {
        NnLayers.method(d, "__len__()", (s, a) -> (long) NnLayers.modules(layers.self(s, "__len__")).size());
        NnLayers.method(d, "__iter__()", (s, a) -> {
            List<Object> out = new ArrayList<>(NnLayers.modules(layers.self(s, "__iter__")).values());
            return new PyIterator(out.iterator(), "odict_valueiterator");
        });
        NnLayers.method(d, "__getitem__(idx)", (s, a) -> {
            PyInstance m = layers.self(s, "__getitem__");
            PyDict mods = NnLayers.modules(m);
            List<Object> keys = mods.keys();
            if (a[0] instanceof Slice slice) {
                PyInstance sub = new PyInstance(m.pyClass());
                NnLayers.initModule(sub);
                long[] r = slice.indices(keys.size());
                for (long i = r[0]; r[2] > 0 ? i < r[1] : i > r[1]; i += r[2]) {
                    Object key = renumberSlices ? Integer.toString(NnLayers.modules(sub).size()) : keys.get((int) i);
                    layers.addModule(sub, key, mods.get(keys.get((int) i)));
                }
                return sub;
            }
            long i = org.autogradstudio.script.runtime.Numbers.indexValue(a[0]);
            int n = keys.size();
            if (i < -n || i >= n) {
                throw Py.indexError("index " + i + " is out of range");
            }
            return mods.get(keys.get((int) (i < 0 ? i + n : i)));
        });
        NnLayers.method(d, "append(module)", (s, a) -> {
            PyInstance m = layers.self(s, "append");
            layers.addModule(m, Integer.toString(NnLayers.modules(m).size()), a[0]);
            return s;
        });
    }
}
