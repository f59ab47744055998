package org.autogradstudio.script.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/** A module's global namespace, in definition order, backed by {@link GlobalRef}s. */
public final class Globals {
    private final LinkedHashMap<String, GlobalRef> refs = new LinkedHashMap<>();
    final Map<String, Object> builtins;

    public Globals(Map<String, Object> builtins) {
        this.builtins = builtins;
    }

    GlobalRef ref(String name) {
        GlobalRef r = refs.get(name);
        if (r == null) {
            r = new GlobalRef(name);
            refs.put(name, r);
        }
        return r;
    }

    /** The value of a global, or null when unbound. */
    public Object get(String name) {
        GlobalRef r = refs.get(name);
        return r == null ? null : r.value;
    }

    public void put(String name, Object value) {
        ref(name).value = value;
    }

    public boolean remove(String name) {
        GlobalRef r = refs.get(name);
        if (r == null || r.value == null) {
            return false;
        }
        r.value = null;
        return true;
    }

    /** Bound globals in definition order (a copy). */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (GlobalRef r : refs.values()) {
            if (r.value != null) {
                out.put(r.name, r.value);
            }
        }
        return out;
    }

    /** Unbinds every variable (compiled code keeps its refs valid). */
    public void clear() {
        for (GlobalRef r : refs.values()) {
            r.value = null;
        }
    }
}
