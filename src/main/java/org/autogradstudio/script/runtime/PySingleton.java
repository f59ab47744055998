package org.autogradstudio.script.runtime;

/** None, Ellipsis and NotImplemented: objects with a fixed repr and type. */
public final class PySingleton implements PyObject {
    private final String repr;
    private final String typeName;
    private final boolean truth;

    PySingleton(String repr, String typeName, boolean truth) {
        this.repr = repr;
        this.typeName = typeName;
        this.truth = truth;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public PyType type() {
        return this == Py.NONE ? Types.NONE_TYPE : HostType.of(this);
    }

    @Override
    public String repr() {
        return repr;
    }

    @Override
    public boolean isTrue() {
        return truth;
    }

    @Override
    public String toString() {
        return repr;
    }
}
