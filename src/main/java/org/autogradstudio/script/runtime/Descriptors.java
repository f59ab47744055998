package org.autogradstudio.script.runtime;

import java.util.Map;

/** {@code staticmethod}, {@code classmethod} and {@code property}: how class members bind. */
public final class Descriptors {
    private Descriptors() {
    }

    /** What {@code instance.name} (or {@code Class.name} with instance null) gives for a class member. */
    public static Object bind(Object member, Object instance, PyType owner) {
        if (member instanceof StaticMethod s) {
            return s.function;
        }
        if (member instanceof ClassMethod c) {
            return new PyBoundMethod(owner, c.function);
        }
        if (instance == null) {
            return member;
        }
        if (member instanceof Property p) {
            return p.get(instance);
        }
        if (member instanceof Bindable) {
            return new PyBoundMethod(instance, member);
        }
        return member;
    }

    public static final class StaticMethod implements PyObject {
        final Object function;

        public StaticMethod(Object function) {
            this.function = function;
        }

        @Override
        public String typeName() {
            return "staticmethod";
        }

        @Override
        public Object call(Object[] args, Map<String, Object> kwargs) {
            return Ops.call(function, args, kwargs);
        }
    }

    public static final class ClassMethod implements PyObject {
        final Object function;

        public ClassMethod(Object function) {
            this.function = function;
        }

        public Object function() {
            return function;
        }

        @Override
        public String typeName() {
            return "classmethod";
        }
    }

    public static final class Property implements PyObject {
        private final Object getter;
        private final Object setter;

        public Property(Object getter, Object setter) {
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        public String typeName() {
            return "property";
        }

        Object get(Object instance) {
            if (getter == null || getter == Py.NONE) {
                throw Py.attributeError("property has no getter");
            }
            return Ops.call(getter, new Object[] {instance}, Py.NO_KWARGS);
        }

        void set(Object instance, Object value) {
            if (setter == null || setter == Py.NONE) {
                throw Py.attributeError("property of '" + Ops.typeName(instance) + "' object has no setter");
            }
            Ops.call(setter, new Object[] {instance, value}, Py.NO_KWARGS);
        }

        @Override
        public Object getAttr(String name) {
            if (name.equals("setter")) {
                return new PyBuiltin("setter", (args, kw) -> new Property(getter, args[0]));
            }
            if (name.equals("getter")) {
                return new PyBuiltin("getter", (args, kw) -> new Property(args[0], setter));
            }
            return null;
        }
    }
}
