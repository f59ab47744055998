package org.autogradstudio.script.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/** A module's global namespace, in definition order, backed by {@link GlobalRef}s. */
public final class Globals {
    private final LinkedHashMap<String, GlobalRef> refs = new LinkedHashMap<>();
    final Map<String, Object> builtins;
    private java.util.function.Predicate<String> watchedNames = name -> false;
    private java.util.function.BiConsumer<String, Object> watcher;

    public Globals(Map<String, Object> builtins) {
        this.builtins = builtins;
    }

    GlobalRef ref(String name) {
        GlobalRef r = refs.get(name);
        if (r == null) {
            r = new GlobalRef(name);
            if (watcher != null && watchedNames.test(name)) {
                r.watcher = watcher;
            }
            refs.put(name, r);
        }
        return r;
    }

    /** The names bound now, in the order the module first named them. */
    java.util.List<String> boundNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (GlobalRef r : refs.values()) {
            if (r.value != null) {
                names.add(r.name);
            }
        }
        return names;
    }

    /** The value of a global, or null when unbound. */
    public Object get(String name) {
        GlobalRef r = refs.get(name);
        return r == null ? null : r.value;
    }

    /**
     * Reports every assignment to a global whose name matches {@code names} (e.g. loss-like
     * variables in a training loop) to {@code onAssign}, on the script thread.
     */
    public void watch(java.util.function.Predicate<String> names, java.util.function.BiConsumer<String, Object> onAssign) {
        this.watchedNames = names;
        this.watcher = onAssign;
        for (GlobalRef r : refs.values()) {
            r.watcher = names.test(r.name) ? onAssign : null;
        }
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
