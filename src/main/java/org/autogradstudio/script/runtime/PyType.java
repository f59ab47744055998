package org.autogradstudio.script.runtime;

import java.util.List;

/**
 * A Python type object: what {@code type(x)} returns and what {@code isinstance} and
 * {@code except} test against. Built-in types, classes defined by scripts ({@link PyClass}) and
 * host types ({@link HostType}) all extend it.
 */
public abstract class PyType implements PyObject {

    /** The type's {@code __name__}. */
    public abstract String name();

    /** The method resolution order: this type first, {@code object} last. */
    public abstract List<PyType> mro();

    public boolean isSubclassOf(PyType other) {
        if (this == other || other == Types.OBJECT) {
            return true;
        }
        return mro().contains(other);
    }

    /** {@code isinstance(obj, this)}. */
    public boolean isInstance(Object obj) {
        return Ops.type(obj).isSubclassOf(this);
    }

    /** A class-level attribute (method, constant) or null. */
    public Object lookup(String name) {
        return null;
    }

    @Override
    public String typeName() {
        return "type";
    }

    @Override
    public PyType type() {
        return Types.TYPE;
    }

    @Override
    public Object getAttr(String name) {
        switch (name) {
            case "__name__":
            case "__qualname__":
                return name();
            case "__mro__":
                return new PyTuple(mro().toArray());
            default:
                return lookup(name);
        }
    }

    @Override
    public String repr() {
        return "<class '" + name() + "'>";
    }

    @Override
    public String toString() {
        return repr();
    }
}
