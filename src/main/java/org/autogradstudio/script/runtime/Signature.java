package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A host function's parameters written as Python: {@code "clamp(input, min=None, max=None)"},
 * {@code "tensor(data, *, dtype=None, requires_grad=False)"}, {@code "f(*args, **kwargs)"}.
 * Defaults may be None, True, False, numbers, quoted strings or {@code ()}.
 * {@link #bind} returns the arguments in parameter order ({@code *args} as a tuple,
 * {@code **kwargs} as a dict) or raises Python's TypeError.
 */
public final class Signature {
    private final ArgBinder binder;
    private final Object[] defaults;
    private final Map<String, Object> kwDefaults;

    /** Positional parameters only: calls without keywords bind by copying (see {@link #bind}). */
    private final boolean simple;
    private final int nPositional;

    private Signature(ArgBinder binder, Object[] defaults, Map<String, Object> kwDefaults) {
        this.binder = binder;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.simple = binder.isSimple();
        this.nPositional = binder.positionalCount();
    }

    /**
     * Signatures already parsed, by their text: a Signature is immutable (its defaults are None,
     * booleans, numbers, strings or the empty tuple), and every interpreter's {@code import torch}
     * builds some hundreds of host functions from the same texts.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Signature> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    public static Signature parse(String text) {
        Signature known = PARSED.get(text);
        if (known == null) {
            known = parseText(text);
            PARSED.putIfAbsent(text, known);
        }
        return known;
    }

    private static Signature parseText(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("bad signature: " + text);
        }
        String name = text.substring(0, open).strip();
        List<String> positional = new ArrayList<>();
        List<String> kwOnly = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        Map<String, Object> kwDefaults = new HashMap<>();
        String varArgs = null;
        String varKw = null;
        boolean star = false;
        for (String part : splitParams(text.substring(open + 1, close))) {
            String p = part.strip();
            if (p.isEmpty() || p.equals("/")) {
                continue;
            }
            if (p.equals("*")) {
                star = true;
            } else if (p.startsWith("**")) {
                varKw = p.substring(2).strip();
            } else if (p.startsWith("*")) {
                varArgs = p.substring(1).strip();
                star = true;
            } else {
                int eq = p.indexOf('=');
                String pname = (eq < 0 ? p : p.substring(0, eq)).strip();
                Object def = eq < 0 ? null : literal(p.substring(eq + 1).strip());
                if (star) {
                    kwOnly.add(pname);
                    if (def != null) {
                        kwDefaults.put(pname, def);
                    }
                } else {
                    positional.add(pname);
                    if (def != null) {
                        defaults.add(def);
                    } else if (!defaults.isEmpty()) {
                        throw new IllegalArgumentException("non-default argument follows default argument: " + text);
                    }
                }
            }
        }
        return new Signature(new ArgBinder(name, positional, varArgs, kwOnly, varKw), defaults.toArray(), kwDefaults);
    }

    private static List<String> splitParams(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static Object literal(String s) {
        switch (s) {
            case "None": return Py.NONE;
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "()": return PyTuple.EMPTY;
            default: break;
        }
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"')) {
            return s.substring(1, s.length() - 1);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e2) {
                throw new IllegalArgumentException("unsupported default value: " + s);
            }
        }
    }

    public String name() {
        return binder.name();
    }

    /** Parameter names in the order {@link #bind} returns them. */
    public String[] names() {
        return binder.names();
    }

    public Object[] bind(Object[] args, Map<String, Object> kwargs) {
        if (simple && kwargs.isEmpty()) {
            int n = args.length;
            int firstDefault = nPositional - defaults.length;
            if (n == nPositional) {
                return n == 0 ? Py.NO_ARGS : args.clone();
            }
            if (n < nPositional && n >= firstDefault) {
                Object[] out = java.util.Arrays.copyOf(args, nPositional);
                System.arraycopy(defaults, n - firstDefault, out, n, nPositional - n);
                return out;
            }
        }
        Object[] out = new Object[binder.slotCount()];
        binder.bind(out, false, null, args, kwargs, defaults, kwDefaults);
        return out;
    }
}
