package org.autogradstudio.script.interp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Registers the modules implemented by the interpreter itself: {@code math} and {@code random}
 * in Java, {@code collections} in its own Python (a resource beside this class, read on the first
 * import and once per JVM).
 */
public final class StandardModules {
    private StandardModules() {
    }

    public static void register(ModuleRegistry registry) {
        registry.register("math", MathModule::create);
        registry.register("random", RandomModule::create);
        registry.addSourceResolver(name -> name.equals("collections")
                ? Optional.of(new ModuleRegistry.ModuleSource("collections.py", Collections.SOURCE)) : Optional.empty());
    }

    /** {@code collections}' source, loaded with this holder class. */
    private static final class Collections {
        static final String SOURCE = source("collections.py");
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
