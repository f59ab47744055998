package org.autogradstudio.script.torch;

import java.nio.file.Path;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.engine.TensorFormatter;
import org.autogradstudio.script.interp.PyGenerator;
import org.autogradstudio.script.Interpreter;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyModule;

/** Registers {@code torch} and its submodules with an interpreter. */
public final class TorchModules {
    static {
        // grad mode and print options are per thread, as in PyTorch: a generator's body runs on a
        // thread of its own and must see (and leave behind) the caller's
        PyGenerator.carry(PyGenerator.ThreadState.of(GradMode::isEnabled, enabled -> GradMode.set((Boolean) enabled)));
        PyGenerator.carry(PyGenerator.ThreadState.of(TensorFormatter::options,
                options -> TensorFormatter.setOptions((TensorFormatter.Options) options)));
    }

    private TorchModules() {
    }

    /**
     * A torch module, with the file PyTorch 1.13's stands in on the reference machine: its repr and
     * ImportError name it, as PyTorch's do.
     */
    static PyModule module(String name, String relativeFile) {
        return new PyModule(name, NnModules.TORCH_SOURCES + relativeFile, new java.util.LinkedHashMap<>());
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
        interp.registerModule("torch.utils", TorchModules::utils);
        // read on the first import (and once per JVM), not at every interpreter's start
        interp.addSourceResolver(name -> name.equals("torch.utils.data")
                ? java.util.Optional.of(new org.autogradstudio.script.interp.ModuleRegistry.ModuleSource("torch/utils/data.py",
                        DataModule.SOURCE)) : java.util.Optional.empty());
        // pasted notebooks plot their losses: a stand-in pyplot charts them in the studio
        interp.addSourceResolver(name -> name.equals("matplotlib") || name.equals("matplotlib.pyplot")
                ? java.util.Optional.of(new org.autogradstudio.script.interp.ModuleRegistry.ModuleSource(
                        name.replace('.', '/') + (name.equals("matplotlib") ? "/__init__.py" : ".py"), Matplotlib.of(name)))
                : java.util.Optional.empty());
    }

    /** {@code torch.utils.data}'s Python source, loaded with this holder class. */
    private static final class DataModule {
        static final String SOURCE = source("data.py");
    }

    /** The stand-in matplotlib's Python sources, read on first import. */
    private static final class Matplotlib {
        static final String PACKAGE = source("matplotlib/__init__.py");
        static final String PYPLOT = source("matplotlib/pyplot.py");

        static String of(String module) {
            return module.equals("matplotlib") ? PACKAGE : PYPLOT;
        }
    }

    /** A module's Python source shipped beside these classes; missing is a broken build, so it fails loudly. */
    private static String source(String name) {
        try (java.io.InputStream in = TorchModules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + TorchModules.class.getName());
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * {@code torch.utils}: the parent of {@code torch.utils.data}, with the one native piece the
     * DataLoader needs: the 63-bit seed PyTorch's RandomSampler draws from the default generator.
     */
    private static PyModule utils() {
        PyModule utils = TorchModules.module("torch.utils", "utils/__init__.py");
        utils.put("_base_seed", PyBuiltin.of("_base_seed()", a ->
                org.autogradstudio.engine.RandomSource.defaultGenerator().next64() & Long.MAX_VALUE));
        return utils;
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
