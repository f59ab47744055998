package org.autogradstudio.script.interp;

import java.util.List;
import java.util.Map;
import org.autogradstudio.script.runtime.Descriptors;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyClass;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyType;
import org.autogradstudio.script.runtime.Types;

/** {@code super()}: attribute lookup starting after {@code cls} in the instance's MRO. */
final class PySuper implements PyObject {
    private final PyType cls;
    private final Object self;

    PySuper(PyType cls, Object self) {
        this.cls = cls;
        this.self = self;
    }

    @Override
    public String typeName() {
        return "super";
    }

    @Override
    public Object getAttr(String name) {
        PyType start = self instanceof PyType t && !(Ops.type(self).isSubclassOf(cls)) ? t : Ops.type(self);
        List<PyType> mro = start.mro();
        int i = mro.indexOf(cls);
        for (int k = i + 1; k < mro.size(); k++) {
            PyType t = mro.get(k);
            if (t instanceof PyClass c) {
                Object v = c.dict().get(name);
                if (v != null) {
                    return Descriptors.bind(v, self == start ? null : self, start);
                }
            } else if (t == Types.OBJECT) {
                return objectMethod(name);
            } else {
                Object v = t.lookup(name);
                if (v != null) {
                    return Descriptors.bind(v, self, start);
                }
            }
        }
        return null;
    }

    private Object objectMethod(String name) {
        switch (name) {
            case "__init__": return new PyBuiltin("__init__", (a, k) -> Py.NONE);
            case "__init_subclass__": return new PyBuiltin("__init_subclass__", (a, k) -> Py.NONE);
            case "__setattr__":
                return new org.autogradstudio.script.runtime.PyBoundMethod(self,
                        org.autogradstudio.script.runtime.Types.OBJECT.lookup("__setattr__"));
            case "__getattribute__":
                return new PyBuiltin("__getattribute__", (a, k) -> Ops.getAttr(self, (String) a[0]));
            case "__repr__": case "__str__":
                return new PyBuiltin(name, (a, k) -> "<" + Ops.typeName(self) + " object at " + Py.address(self) + ">");
            default: return null;
        }
    }

    @Override
    public Object callMethod(String name, Object[] args, Map<String, Object> kwargs) {
        Object f = getAttr(name);
        if (f == null) {
            throw Py.attributeError("'super' object has no attribute '" + name + "'");
        }
        return Ops.call(f, args, kwargs);
    }

    @Override
    public String repr() {
        return "<super: " + cls.repr() + ", <" + Ops.typeName(self) + " object>>";
    }
}
