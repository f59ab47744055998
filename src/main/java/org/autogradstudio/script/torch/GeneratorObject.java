package org.autogradstudio.script.torch;

import org.autogradstudio.engine.Generator;
import org.autogradstudio.engine.RandomSource;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyObject;

/**
 * {@code torch.Generator}: a random stream of its own ({@code torch.randperm(n, generator=g)},
 * a DataLoader's shuffling); {@code torch.manual_seed} returns the default one, as PyTorch does.
 */
final class GeneratorObject implements PyObject {
    static final GeneratorObject DEFAULT = new GeneratorObject(RandomSource.defaultGenerator());

    private final Generator generator;

    GeneratorObject(Generator generator) {
        this.generator = generator;
    }

    Generator generator() {
        return generator;
    }

    /** The generator of a {@code generator=} argument: the default one for None. */
    static Generator of(Object arg) {
        if (arg == null || Py.isNone(arg)) {
            return RandomSource.defaultGenerator();
        }
        if (arg instanceof GeneratorObject g) {
            return g.generator;
        }
        throw Py.typeError("generator must be a torch.Generator, not " + Py.typeName(arg));
    }

    @Override
    public String typeName() {
        return "Generator";
    }

    @Override
    public String typeModule() {
        return "torch._C";
    }

    @Override
    public Object getAttr(String name) {
        switch (name) {
            case "manual_seed":
                return new PyBuiltin("manual_seed", (a, k) -> {
                    generator.manualSeed(Py.toLong(a[0]));
                    return this;
                });
            case "initial_seed":
                return new PyBuiltin("initial_seed", (a, k) -> generator.initialSeed());
            case "device":
                return DeviceObject.CPU;
            default:
                return null;
        }
    }

    @Override
    public String repr() {
        return "<torch._C.Generator object at " + Py.address(this) + ">";
    }
}
