package org.autogradstudio.script.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module: a named namespace. Host modules are built by filling one with {@link #put} (functions
 * as {@link PyBuiltin}s, types, constants, submodules) and registering a factory with the
 * interpreter.
 */
public class PyModule implements PyObject {
    private final String name;
    private final String file;
    private final Map<String, Object> attrs;
    /** Whether a missing name gets "Did you mean" (CPython offers none for a module of 750 names or more, as torch). */
    private boolean suggestsNames = true;

    /** A host (built-in) module. */
    public PyModule(String name) {
        this(name, null, new LinkedHashMap<>());
    }

    /** A module whose namespace is {@code attrs} (live), loaded from {@code file} when not null. */
    public PyModule(String name, String file, Map<String, Object> attrs) {
        this.name = name;
        this.file = file;
        this.attrs = attrs;
        attrs.putIfAbsent("__name__", name);
    }

    public String name() {
        return name;
    }

    /** The file the module was loaded from ({@code __file__}), or null for a built-in one. */
    public String file() {
        return file;
    }

    /** No "Did you mean" for names this module lacks: the real module has too many names for CPython to look. */
    public PyModule withoutSuggestions() {
        suggestsNames = false;
        return this;
    }

    public boolean suggestsNames() {
        return suggestsNames;
    }

    /** Adds or replaces an attribute; returns this for chaining. */
    public PyModule put(String attr, Object value) {
        attrs.put(attr, Py.fromJava(value));
        return this;
    }

    /** Adds a function. */
    public PyModule function(String fname, PyBuiltin.Body body) {
        return put(fname, new PyBuiltin(fname, body));
    }

    public Object get(String attr) {
        return attrs.get(attr);
    }

    /** The attributes (read-only view). */
    public Map<String, Object> attributes() {
        return Collections.unmodifiableMap(attrs);
    }

    @Override
    public String typeName() {
        return "module";
    }

    @Override
    public PyType type() {
        return Types.MODULE;
    }

    @Override
    public Object getAttr(String attr) {
        if (attr.equals("__dict__")) {
            return namespace();
        }
        Object v = get(attr);
        if (v == null && !attr.equals("__getattr__")) {
            // PEP 562: a module's own __getattr__ answers for names it does not have
            Object hook = get("__getattr__");
            if (hook != null) {
                return Ops.call(hook, new Object[] {attr}, Py.NO_KWARGS);
            }
        }
        return v;
    }

    /** {@code module.__dict__}. */
    protected PyDict namespace() {
        return PyDict.ofStrings(attrs);
    }

    @Override
    public void setAttr(String attr, Object value) {
        attrs.put(attr, value);
    }

    @Override
    public void delAttr(String attr) {
        if (attrs.remove(attr) == null) {
            throw Py.noAttribute(this, attr);
        }
    }

    @Override
    public String repr() {
        return file == null ? "<module '" + name + "' (built-in)>" : "<module '" + name + "' from '" + file + "'>";
    }
}
