package org.autogradstudio.script.torch;

import java.nio.file.Path;
import org.autogradstudio.script.Interpreter;

/** Registers {@code torch} and its submodules with an interpreter. */
public final class TorchModules {
    private TorchModules() {
    }

    /** An interpreter with torch installed; {@code folder} (may be null) is searched for {@code import x}. */
    public static Interpreter newInterpreter(Path folder) {
        Interpreter interp = new Interpreter();
        install(interp);
        if (folder != null) {
            interp.addModulePath(folder);
        }
        return interp;
    }

    public static void install(Interpreter interp) {
    }
}
