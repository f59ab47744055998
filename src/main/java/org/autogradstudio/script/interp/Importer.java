package org.autogradstudio.script.interp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.syntax.SourceText;

/**
 * A session's {@code import}: finds modules in the registry, loads each once per session (the
 * equivalent of {@code sys.modules}), links submodules as attributes of their parents, and refuses
 * anything else with {@code ModuleNotFoundError} (there is no file system or process access).
 */
final class Importer {
    /** Modules that exist in CPython but are deliberately absent from the sandbox. */
    private static final Set<String> UNAVAILABLE = Set.of("os", "sys", "subprocess", "socket", "shutil", "pathlib",
            "io", "pickle", "ctypes", "multiprocessing", "threading", "urllib", "http", "requests", "importlib",
            "signal", "glob", "tempfile", "builtins", "gc", "inspect", "platform", "asyncio", "ssl", "select");

    private final ModuleRegistry registry;
    private final Map<String, Object> loaded = new HashMap<>();
    private ExecContext ctx;

    Importer(ModuleRegistry registry) {
        this.registry = registry;
    }

    void bind(ExecContext context) {
        this.ctx = context;
    }

    /** Forgets loaded modules (a kernel restart). */
    void reset() {
        loaded.clear();
    }

    /** Loads {@code a}, {@code a.b}, {@code a.b.c} in turn and returns the last. */
    Object importModule(String dotted) {
        String[] parts = dotted.split("\\.");
        Object module = null;
        String prefix = "";
        for (int i = 0; i < parts.length; i++) {
            String name = i == 0 ? parts[0] : prefix + "." + parts[i];
            Object m = load(name, module, parts[i]);
            module = m;
            prefix = name;
        }
        return module;
    }

    private Object load(String name, Object parent, String shortName) {
        Object m = loaded.get(name);
        if (m != null) {
            return m;
        }
        if (parent != null) {
            Object attr = Ops.getAttrOrNull(parent, shortName);
            if (attr instanceof PyObject) {
                loaded.put(name, attr);
                return attr;
            }
        }
        Supplier<? extends PyObject> factory = registry.factory(name);
        if (factory != null) {
            m = factory.get();
            loaded.put(name, m);
        } else {
            Optional<ModuleRegistry.ModuleSource> src = registry.source(name);
            if (src.isEmpty()) {
                throw notFound(name);
            }
            m = loadSource(name, src.get());
        }
        if (parent instanceof PyObject p && Ops.getAttrOrNull(parent, shortName) == null) {
            p.setAttr(shortName, m);
        }
        return m;
    }

    private Object loadSource(String name, ModuleRegistry.ModuleSource src) {
        Globals g = new Globals(ctx.builtins);
        g.put("__name__", name);
        g.put("__file__", src.fileName());
        SourceModule module = new SourceModule(name, src.fileName(), g);
        loaded.put(name, module);
        try {
            CompiledCode code = Compiler.compile(new SourceText(src.fileName(), src.text()), g, ctx, false);
            code.run(ctx);
        } catch (PyException e) {
            loaded.remove(name);
            throw e;
        }
        return module;
    }

    static PyException notFound(String name) {
        String top = name.split("\\.")[0];
        String suffix = UNAVAILABLE.contains(top) ? " (not available in Autograd Studio)" : "";
        return new PyException("ModuleNotFoundError", "No module named '" + name + "'" + suffix);
    }
}
