package org.autogradstudio.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.autogradstudio.script.interp.ModuleRegistry;
import org.autogradstudio.script.interp.StandardModules;
import org.autogradstudio.script.runtime.PyObject;

/**
 * The entry point: holds the modules scripts may import and creates sessions.
 * <pre>{@code
 * Interpreter interp = new Interpreter();
 * interp.registerModule("torch", TorchModule::create);            // a PyModule per session
 * interp.registerModule("torch.nn.functional", FunctionalModule::create);
 * interp.addModulePath(lessonsFolder);                            // import studio -> studio.py
 * try (ScriptSession s = interp.newSession(System.out, System.err)) {
 *     RunResult r = s.runScript(source, "lesson.py");
 *     if (!r.ok()) System.exit(1);                                 // traceback already on err
 * }
 * }</pre>
 * Registration is thread-safe and affects sessions created afterwards and modules not yet imported.
 */
public final class Interpreter {
    private final ModuleRegistry modules = new ModuleRegistry();

    public Interpreter() {
        StandardModules.register(modules);
    }

    /**
     * Makes {@code import name} (dotted names for submodules, e.g. "torch.nn.functional") load the
     * object the factory creates, once per session. A submodule is also reachable as an attribute
     * of its parent: put it there yourself or let the first import do it.
     */
    public Interpreter registerModule(String name, Supplier<? extends PyObject> factory) {
        modules.register(name, factory);
        return this;
    }

    /** A module written in Python, given as source text (e.g. read from the jar's resources). */
    public Interpreter addSourceModule(String name, String fileName, String source) {
        modules.addSourceResolver(n -> n.equals(name) ? Optional.of(new ModuleRegistry.ModuleSource(fileName, source))
                : Optional.empty());
        return this;
    }

    /** Lets {@code import x} / {@code import x.y} load {@code folder/x.py} / {@code folder/x/y.py}. */
    public Interpreter addModulePath(Path folder) {
        modules.addSourceResolver(n -> {
            Path p = folder.resolve(n.replace('.', '/') + ".py");
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ModuleRegistry.ModuleSource(p.toString(),
                        Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
        return this;
    }

    /** A custom source lookup: module name to source, or empty. */
    public Interpreter addSourceResolver(Function<String, Optional<ModuleRegistry.ModuleSource>> resolver) {
        modules.addSourceResolver(resolver);
        return this;
    }

    public ScriptSession newSession(Appendable out, Appendable err) {
        return new ScriptSession(modules, out, err);
    }

    /** A session whose output and errors are collected into one StringBuilder each. */
    public ScriptSession newSession(StringBuilder out, StringBuilder err) {
        return new ScriptSession(modules, out, err);
    }
}
