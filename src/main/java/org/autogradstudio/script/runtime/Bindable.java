package org.autogradstudio.script.runtime;

import java.util.Map;

/**
 * A callable that becomes a bound method when found on a class (Python functions, built-in
 * methods of built-in classes). {@link #callWithSelf} lets the interpreter call
 * {@code obj.method(x)} without allocating a bound-method object.
 */
public interface Bindable extends PyObject {
    Object callWithSelf(Object self, Object[] args, Map<String, Object> kwargs);

    /** The name used in a bound method's repr. */
    String qualifiedName();
}
