package org.autogradstudio.script.torch;

import java.nio.file.Path;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.script.Interpreter;
import org.autogradstudio.script.runtime.PyModule;

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

    /** {@code import torch} (with {@code torch.nn}, {@code torch.nn.functional}, {@code torch.optim} as attributes). */
    public static void install(Interpreter interp) {
        interp.registerModule("torch", () -> {
            PyModule torch = TorchModule.create();
            PyModule functional = NnModules.functional();
            torch.put("nn", NnModules.nn(functional));
            torch.put("optim", OptimModule.create());
            return torch;
        });
    }

    /** A script value for an engine tensor (what the script sees as a {@code torch.Tensor}). */
    public static Object valueOf(Tensor tensor) {
        return TensorObject.wrap(tensor);
    }

    /** The engine tensor behind a script value, or null when it is not a tensor. */
    public static Tensor tensorOf(Object value) {
        return value instanceof TensorObject t ? t.tensor() : null;
    }

    /**
     * The parameters of an {@code nn.Module} value by their {@code named_parameters()} names
     * ({@code fc.weight}); empty for anything else.
     */
    public static java.util.Map<String, Tensor> moduleParameters(Object value) {
        return NnLayers.parametersOf(value);
    }
}
