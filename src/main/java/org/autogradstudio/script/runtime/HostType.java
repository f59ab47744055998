package org.autogradstudio.script.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A type object for host (Java) objects, e.g. {@code torch.Tensor}: {@code isinstance} uses the
 * given predicate, calling it uses the optional constructor, and class attributes can be added
 * with {@link #put}. {@link #of} gives every PyObject class a default type named after
 * {@link PyObject#typeName()}.
 */
public final class HostType extends PyType {
    private static final ClassValue<HostType> DEFAULTS = new ClassValue<>() {
        @Override
        protected HostType computeValue(Class<?> type) {
            return new HostType(type.getSimpleName(), type::isInstance, null);
        }
    };

    /** The types of host objects whose {@link PyObject#typeName} is not their Java class's name, by class and name. */
    private static final Map<String, HostType> NAMED = new java.util.concurrent.ConcurrentHashMap<>();

    private final String name;
    private final Predicate<Object> instanceCheck;
    private final PyObject constructor;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final PyType base;
    /** The defining module shown in the repr ({@code torch.nn.parameter}), or null for a bare name. */
    private String module;

    public HostType(String name, Predicate<Object> instanceCheck, PyObject constructor) {
        this(name, instanceCheck, constructor, null);
    }

    /** A host type whose {@code __mro__} includes {@code base} (for isinstance against the base). */
    public HostType(String name, Predicate<Object> instanceCheck, PyObject constructor, PyType base) {
        this.name = name;
        this.instanceCheck = instanceCheck;
        this.constructor = constructor;
        this.base = base;
    }

    /** The default type of a host object's Java class. */
    public static HostType of(PyObject obj) {
        HostType t = DEFAULTS.get(obj.getClass());
        String name = obj.typeName(), module = obj.typeModule();
        if (t.name.equals(name) && module == null) {
            return t;
        }
        // one type per name, so that type(a) is type(b) for two of a kind
        return NAMED.computeIfAbsent(obj.getClass().getName() + ' ' + module + '.' + name,
                k -> new HostType(name, obj.getClass()::isInstance, null).inModule(module));
    }

    /** Names the module the type is defined in, so its repr reads {@code <class 'module.Name'>}. */
    public HostType inModule(String moduleName) {
        this.module = moduleName;
        return this;
    }

    @Override
    public String repr() {
        return module == null ? super.repr() : "<class '" + module + "." + name + "'>";
    }

    /** Adds a class attribute ({@code torch.Tensor.foo}). */
    public HostType put(String attr, Object value) {
        attributes.put(attr, value);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PyType> mro() {
        if (base == null) {
            return List.of(this, Types.OBJECT);
        }
        java.util.ArrayList<PyType> m = new java.util.ArrayList<>();
        m.add(this);
        m.addAll(base.mro());
        return m;
    }

    @Override
    public boolean isInstance(Object obj) {
        return instanceCheck.test(obj);
    }

    @Override
    public Object lookup(String attr) {
        Object v = attributes.get(attr);
        if (v == null && base != null) {
            return base.lookup(attr);
        }
        return v;
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        if (constructor == null) {
            throw Py.typeError("cannot create '" + name + "' instances");
        }
        return Ops.call(constructor, args, kwargs);
    }
}
