package org.autogradstudio.script.interp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Registers the modules implemented by the interpreter itself: {@code math}, {@code random},
 * {@code time}, {@code warnings}, {@code copy} and {@code traceback} in Java; {@code collections},
 * {@code contextlib}, {@code dataclasses}, {@code functools}, {@code itertools}, {@code json},
 * {@code operator}, {@code string} and {@code typing} in its own Python (resources beside this
 * class, each read on its first import, once per JVM).
 */
public final class StandardModules {
    private StandardModules() {
    }

    public static void register(ModuleRegistry registry) {
        registry.register("math", MathModule::create);
        registry.register("random", RandomModule::create);
        registry.register("time", TimeModule::create);
        registry.register("warnings", WarningsModule::create);
        registry.register("copy", CopyModule::create);
        registry.register("traceback", TracebackModule::create);
        registry.addSourceResolver(name -> PYTHON_MODULES.contains(name)
                ? Optional.of(new ModuleRegistry.ModuleSource(name + ".py", Sources.of(name))) : Optional.empty());
    }

    /** The standard modules written in the interpreter's own Python. */
    private static final java.util.Set<String> PYTHON_MODULES = java.util.Set.of("collections", "contextlib", "dataclasses",
            "functools", "itertools", "json", "operator", "string", "typing");

    /** Their sources, each read on its first import. */
    private static final class Sources {
        private static final java.util.Map<String, String> READ = new java.util.concurrent.ConcurrentHashMap<>();

        static String of(String module) {
            return READ.computeIfAbsent(module, m -> source(m + ".py"));
        }
    }

    /** A module's source shipped beside these classes; missing is a broken build, so it fails loudly. */
    private static String source(String name) {
        try (InputStream in = StandardModules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + StandardModules.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
