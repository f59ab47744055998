package org.autogradstudio.script.interp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.autogradstudio.script.runtime.PyObject;

/**
 * The modules {@code import} can find, shared by all sessions of an interpreter: host modules
 * (a factory per dotted name, called once per session) and Python source modules (from
 * resolvers, e.g. a lessons folder or resources inside the jar).
 */
public final class ModuleRegistry {
    /** Source text of a Python module and the file name shown in its tracebacks. */
    public record ModuleSource(String fileName, String text) {
    }

    private final Map<String, Supplier<? extends PyObject>> factories = new ConcurrentHashMap<>();
    private final List<Function<String, Optional<ModuleSource>>> resolvers = new CopyOnWriteArrayList<>();

    public void register(String name, Supplier<? extends PyObject> factory) {
        factories.put(name, factory);
    }

    public void addSourceResolver(Function<String, Optional<ModuleSource>> resolver) {
        resolvers.add(resolver);
    }

    Supplier<? extends PyObject> factory(String name) {
        return factories.get(name);
    }

    Optional<ModuleSource> source(String name) {
        for (Function<String, Optional<ModuleSource>> r : resolvers) {
            Optional<ModuleSource> s = r.apply(name);
            if (s != null && s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }
}
