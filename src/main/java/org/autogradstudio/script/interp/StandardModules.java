package org.autogradstudio.script.interp;

/** Registers the modules implemented by the interpreter itself ({@code math}, {@code random}). */
public final class StandardModules {
    private StandardModules() {
    }

    public static void register(ModuleRegistry registry) {
        registry.register("math", MathModule::create);
        registry.register("random", RandomModule::create);
    }
}
