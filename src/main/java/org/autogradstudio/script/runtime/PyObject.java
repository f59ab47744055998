package org.autogradstudio.script.runtime;

import java.util.Iterator;
import java.util.Map;

/**
 * A Python object implemented in Java: what host objects (tensors, modules, optimizers) implement
 * to be usable from scripts. Every method has a default that behaves like a plain Python object
 * lacking the corresponding special method, so an implementation overrides only what it supports.
 *
 * <p>Values crossing the boundary use the interpreter's representation: {@code Long} or
 * {@code BigInteger} for int, {@code Double} for float, {@code Boolean}, {@code String},
 * {@link Py#NONE}, {@link PyList}, {@link PyTuple}, {@link PyDict}, {@link Slice}, and other
 * {@code PyObject}s. A method returning Java {@code null}, {@code Integer} or {@code Float} is
 * normalised by the interpreter ({@code null} becomes {@code None}).
 *
 * <p>Operators follow Python's protocol: return {@link Py#NOT_IMPLEMENTED} when an operand is not
 * supported, and the interpreter tries the other operand's reflected method and finally raises
 * Python's {@code TypeError}. Errors are raised by throwing {@link PyException}.
 */
public interface PyObject {

    /** The type name shown in messages and by {@code type(x).__name__}, e.g. {@code "Tensor"}. */
    default String typeName() {
        return getClass().getSimpleName();
    }

    /** The module whose name {@code type(x)} shows before the type's ({@code torch} for {@code torch.Size}), or null for none. */
    default String typeModule() {
        return null;
    }

    /**
     * {@code copy.deepcopy(obj)} of a host object: a copy whose members are copied with
     * {@code copyMember} (which keeps shared members shared), or null when it cannot be copied.
     */
    default Object deepCopy(java.util.function.UnaryOperator<Object> copyMember) {
        return null;
    }

    /** The object's type for {@code type(x)} and {@code isinstance}; hosts usually return a shared {@link HostType}. */
    default PyType type() {
        return HostType.of(this);
    }

    /** {@code obj.name}; return null when there is no such attribute (AttributeError is raised for you). */
    default Object getAttr(String name) {
        return null;
    }

    /** What {@code dir(obj)} lists besides an instance's or a module's own names (a host type's attributes and methods). */
    default java.util.Collection<String> dirNames() {
        return java.util.List.of();
    }

    /** {@code obj.name = value}. */
    default void setAttr(String name, Object value) {
        throw Py.attributeError("'" + typeName() + "' object has no attribute '" + name + "'");
    }

    /** {@code del obj.name}. */
    default void delAttr(String name) {
        throw Py.attributeError("'" + typeName() + "' object has no attribute '" + name + "'");
    }

    /**
     * {@code obj.name(*args, **kwargs)}. The default looks the attribute up and calls it; override
     * to dispatch methods without allocating a bound-method object on hot paths.
     */
    default Object callMethod(String name, Object[] args, Map<String, Object> kwargs) {
        Object f = getAttr(name);
        if (f == null) {
            throw Py.noAttribute(this, name);
        }
        return Ops.call(f, args, kwargs);
    }

    /** {@code obj(*args, **kwargs)}; kwargs is never null (empty when there are none). */
    default Object call(Object[] args, Map<String, Object> kwargs) {
        throw Py.typeError("'" + typeName() + "' object is not callable");
    }

    /** {@code self OP other} ({@code __add__}, {@code __matmul__} ...), or {@link Py#NOT_IMPLEMENTED}. */
    default Object binaryOp(BinaryOp op, Object other) {
        return Py.NOT_IMPLEMENTED;
    }

    /** {@code other OP self} ({@code __radd__} ...), tried when the left operand does not support the operation. */
    default Object reflectedBinaryOp(BinaryOp op, Object other) {
        return Py.NOT_IMPLEMENTED;
    }

    /**
     * {@code self OP= other} ({@code __iadd__}, {@code __isub__} ...): update self and return it.
     * Returning {@link Py#NOT_IMPLEMENTED} falls back to {@code self = self OP other}.
     */
    default Object inPlaceOp(BinaryOp op, Object other) {
        return Py.NOT_IMPLEMENTED;
    }

    /** {@code -self}, {@code +self}, {@code ~self}, {@code abs(self)}, or {@link Py#NOT_IMPLEMENTED}. */
    default Object unaryOp(UnaryOp op) {
        return Py.NOT_IMPLEMENTED;
    }

    /**
     * Rich comparison {@code self OP other}; any result object is allowed (a tensor of booleans).
     * {@link Py#NOT_IMPLEMENTED} makes {@code ==}/{@code !=} fall back to identity and the
     * orderings raise TypeError.
     */
    default Object compare(CompareOp op, Object other) {
        return Py.NOT_IMPLEMENTED;
    }

    /**
     * {@code self[key]}. The key is the Python value: Long, {@link Slice}, {@link PyTuple} of those,
     * {@link Py#NONE}, {@link Py#ELLIPSIS}, {@link PyList}, Boolean or another object.
     */
    default Object getItem(Object key) {
        throw Py.typeError("'" + typeName() + "' object is not subscriptable");
    }

    /** {@code self[key] = value}. */
    default void setItem(Object key, Object value) {
        throw Py.typeError("'" + typeName() + "' object does not support item assignment");
    }

    /** {@code del self[key]}. */
    default void delItem(Object key) {
        throw Py.typeError("'" + typeName() + "' object doesn't support item deletion");
    }

    /** {@code item in self}; the default iterates. */
    default boolean contains(Object item) {
        Iterator<Object> it;
        try {
            it = iter();
        } catch (PyException e) {
            throw Py.typeError("argument of type '" + typeName() + "' is not iterable");
        }
        while (it.hasNext()) {
            Object x = it.next();
            if (x == item || Ops.eq(x, item)) {
                return true;
            }
        }
        return false;
    }

    /** {@code len(self)}. */
    default int len() {
        throw Py.typeError("object of type '" + typeName() + "' has no len()");
    }

    /** {@code iter(self)}: a Java iterator over Python values. */
    default Iterator<Object> iter() {
        throw Py.typeError("'" + typeName() + "' object is not iterable");
    }

    /** {@code bool(self)}: used by {@code if}, {@code while}, {@code and}/{@code or}/{@code not}. */
    default boolean isTrue() {
        return true;
    }

    /** {@code float(self)} ({@code __float__}); also lets {@code math.exp(t)} accept the object. */
    default double toDouble() {
        throw Py.typeError("float() argument must be a string or a real number, not '" + typeName() + "'");
    }

    /** {@code int(self)} ({@code __int__}): a Long or BigInteger. */
    default Object toInt() {
        throw Py.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + typeName() + "'");
    }

    /** {@code __index__}: an integer usable as a list index or in {@code range()}. */
    default Object index() {
        throw Py.typeError("'" + typeName() + "' object cannot be interpreted as an integer");
    }

    /** {@code repr(self)}. */
    default String repr() {
        return "<" + typeName() + " object at " + Py.address(this) + ">";
    }

    /** {@code str(self)} and {@code print(self)}; defaults to {@link #repr()}. */
    default String str() {
        return repr();
    }

    /** {@code format(self, spec)} and f-string fields; an empty spec means {@link #str()}. */
    default String format(String spec) {
        if (spec.isEmpty()) {
            return str();
        }
        throw Py.typeError("unsupported format string passed to " + typeName() + ".__format__");
    }

    /** {@code with self [as x]:} entry; the result is bound to {@code x}. */
    default Object enter() {
        throw Py.typeError("'" + typeName() + "' object does not support the context manager protocol");
    }

    /** {@code with} exit; {@code error} is null on normal exit. Return true to suppress the error. */
    default boolean exit(PyException error) {
        return false;
    }

    /** False for mutable containers that cannot be dict keys or set members. */
    default boolean isHashable() {
        return true;
    }
}
