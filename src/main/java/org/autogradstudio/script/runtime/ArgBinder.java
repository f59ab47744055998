package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds call arguments to parameter slots as Python does, with Python's TypeError messages.
 * Slot order: positional parameters, {@code *args}, keyword-only parameters, {@code **kwargs}.
 * Shared by script functions and {@link Signature}.
 */
public final class ArgBinder {
    private final String name;
    private final String[] names;
    private final int nPositional;
    private final int varArgsSlot;
    private final int kwOnlyStart;
    private final int nKwOnly;
    private final int varKwSlot;

    public ArgBinder(String name, List<String> positional, String varArgs, List<String> kwOnly, String varKw) {
        this.name = name;
        List<String> all = new ArrayList<>(positional);
        nPositional = positional.size();
        varArgsSlot = varArgs == null ? -1 : all.size();
        if (varArgs != null) {
            all.add(varArgs);
        }
        kwOnlyStart = all.size();
        nKwOnly = kwOnly.size();
        all.addAll(kwOnly);
        varKwSlot = varKw == null ? -1 : all.size();
        if (varKw != null) {
            all.add(varKw);
        }
        names = all.toArray(new String[0]);
    }

    public int slotCount() {
        return names.length;
    }

    public int positionalCount() {
        return nPositional;
    }

    public String name() {
        return name;
    }

    /** Parameter names in slot order. */
    public String[] names() {
        return names.clone();
    }

    /** The simple case the interpreter fast-paths: only positional parameters. */
    public boolean isSimple() {
        return varArgsSlot < 0 && varKwSlot < 0 && nKwOnly == 0;
    }

    /**
     * Fills {@code out} (fresh, all null). {@code defaults} align with the last positional
     * parameters; {@code kwDefaults} holds keyword-only defaults (may be null). When
     * {@code hasSelf}, {@code self} is the first positional argument.
     */
    public void bind(Object[] out, boolean hasSelf, Object self, Object[] args, Map<String, Object> kwargs,
            Object[] defaults, Map<String, Object> kwDefaults) {
        int shift = hasSelf ? 1 : 0;
        int nargs = args.length + shift;
        if (hasSelf && nPositional > 0) {
            out[0] = self;
        }
        int npos = Math.min(nargs, nPositional);
        for (int i = shift; i < npos; i++) {
            out[i] = args[i - shift];
        }
        if (nargs > nPositional) {
            if (varArgsSlot < 0) {
                throw tooManyPositional(nargs, defaults == null ? 0 : defaults.length);
            }
            Object[] rest = new Object[nargs - nPositional];
            for (int i = nPositional; i < nargs; i++) {
                rest[i - nPositional] = i == 0 && hasSelf ? self : args[i - shift];
            }
            out[varArgsSlot] = new PyTuple(rest);
        } else if (varArgsSlot >= 0) {
            out[varArgsSlot] = PyTuple.EMPTY;
        }
        PyDict extra = varKwSlot >= 0 ? new PyDict() : null;
        if (!kwargs.isEmpty()) {
            for (Map.Entry<String, Object> e : kwargs.entrySet()) {
                int idx = keywordSlot(e.getKey());
                if (idx < 0) {
                    if (extra == null) {
                        throw Py.typeError(name + "() got an unexpected keyword argument '" + e.getKey() + "'");
                    }
                    extra.put(e.getKey(), e.getValue());
                } else if (out[idx] != null) {
                    throw Py.typeError(name + "() got multiple values for argument '" + e.getKey() + "'");
                } else {
                    out[idx] = e.getValue();
                }
            }
        }
        if (extra != null) {
            out[varKwSlot] = extra;
        }
        fillDefaults(out, defaults, kwDefaults);
    }

    private int keywordSlot(String key) {
        for (int i = 0; i < nPositional; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        for (int i = kwOnlyStart; i < kwOnlyStart + nKwOnly; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void fillDefaults(Object[] out, Object[] defaults, Map<String, Object> kwDefaults) {
        int nDefaults = defaults == null ? 0 : defaults.length;
        List<String> missing = null;
        for (int i = 0; i < nPositional; i++) {
            if (out[i] == null) {
                int d = i - (nPositional - nDefaults);
                if (d >= 0) {
                    out[i] = defaults[d];
                } else {
                    if (missing == null) {
                        missing = new ArrayList<>();
                    }
                    missing.add(names[i]);
                }
            }
        }
        if (missing != null) {
            throw missingError(missing, "positional");
        }
        for (int i = kwOnlyStart; i < kwOnlyStart + nKwOnly; i++) {
            if (out[i] == null) {
                Object d = kwDefaults == null ? null : kwDefaults.get(names[i]);
                if (d != null) {
                    out[i] = d;
                } else {
                    if (missing == null) {
                        missing = new ArrayList<>();
                    }
                    missing.add(names[i]);
                }
            }
        }
        if (missing != null) {
            throw missingError(missing, "keyword-only");
        }
    }

    private PyException missingError(List<String> missing, String kind) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < missing.size(); i++) {
            if (i > 0) {
                sb.append(missing.size() == 2 ? " and " : i == missing.size() - 1 ? ", and " : ", ");
            }
            sb.append('\'').append(missing.get(i)).append('\'');
        }
        int n = missing.size();
        return Py.typeError(name + "() missing " + n + " required " + kind + " argument" + (n == 1 ? "" : "s") + ": "
                + sb);
    }

    private PyException tooManyPositional(int given, int nDefaults) {
        String takes = nDefaults > 0 && nDefaults <= nPositional && nDefaults > 0
                ? "from " + (nPositional - nDefaults) + " to " + nPositional + " positional arguments"
                : nPositional + " positional argument" + (nPositional == 1 ? "" : "s");
        return Py.typeError(name + "() takes " + takes + " but " + given + (given == 1 ? " was" : " were") + " given");
    }
}
