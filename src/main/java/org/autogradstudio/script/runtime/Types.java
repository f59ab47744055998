package org.autogradstudio.script.runtime;

import java.math.BigInteger;

/** The built-in types ({@code int}, {@code str}, {@code list} ...) as shared type objects. */
public final class Types {
    public static final BuiltinType OBJECT = new BuiltinType("object", null);
    public static final BuiltinType TYPE = new BuiltinType("type", OBJECT);
    public static final BuiltinType INT = new BuiltinType("int", OBJECT);
    public static final BuiltinType BOOL = new BuiltinType("bool", INT);
    public static final BuiltinType FLOAT = new BuiltinType("float", OBJECT);
    public static final BuiltinType STR = new BuiltinType("str", OBJECT);
    public static final BuiltinType LIST = new BuiltinType("list", OBJECT);
    public static final BuiltinType TUPLE = new BuiltinType("tuple", OBJECT);
    public static final BuiltinType DICT = new BuiltinType("dict", OBJECT);
    public static final BuiltinType SET = new BuiltinType("set", OBJECT);
    public static final BuiltinType NONE_TYPE = new BuiltinType("NoneType", OBJECT);
    public static final BuiltinType RANGE = new BuiltinType("range", OBJECT);
    public static final BuiltinType SLICE = new BuiltinType("slice", OBJECT);
    public static final BuiltinType MODULE = new BuiltinType("module", OBJECT);

    /** {@code isinstance(o, t)} for the type named {@code name}. */
    static boolean isInstance(String name, Object o) {
        switch (name) {
            case "object": return true;
            case "type": return o instanceof PyType;
            case "int": return o instanceof Long || o instanceof BigInteger || o instanceof Boolean;
            case "bool": return o instanceof Boolean;
            case "float": return o instanceof Double;
            case "str": return o instanceof String;
            case "list": return o instanceof PyList;
            case "tuple": return o instanceof PyTuple;
            case "dict": return o instanceof PyDict;
            case "set": return o instanceof PySet;
            case "NoneType": return o == Py.NONE;
            case "range": return o instanceof PyRange;
            case "slice": return o instanceof Slice;
            case "module": return o instanceof PyModule;
            default: throw new IllegalStateException(name);
        }
    }

    /** Whether the type has an unbound method {@code str.lower} (types without a method table: false). */
    static boolean hasMethod(String name, String method) {
        switch (name) {
            case "str": return StrMethods.TABLE.has(method);
            case "list": return ListMethods.TABLE.has(method);
            case "tuple": return PyTuple.TupleMethods.TABLE.has(method);
            case "dict": return DictMethods.TABLE.has(method);
            case "set": return PySet.SetMethods.TABLE.has(method);
            default: return false;
        }
    }

    /** Whether the type can be called to create instances ({@code module} cannot). */
    static boolean isConstructible(String name) {
        return !name.equals("module");
    }

    /** {@code int("3")}, {@code list(range(3))} ...: the type named {@code name} called. */
    static Object construct(String name, Object[] a, java.util.Map<String, Object> k) {
        switch (name) {
            case "object": return new PlainObject();
            case "type": return Conversions.type(a, k);
            case "int": return Conversions.toInt(a, k);
            case "bool": return Conversions.toBool(a, k);
            case "float": return Conversions.toFloat(a, k);
            case "str": return Conversions.toStr(a, k);
            case "list": return Conversions.toList(a, k);
            case "tuple": return Conversions.toTuple(a, k);
            case "dict": return Conversions.toDict(a, k);
            case "set": return Conversions.toSet(a, k);
            case "NoneType": return Py.NONE;
            case "range": return Conversions.range(a, k);
            case "slice": return Conversions.slice(a, k);
            default: throw new IllegalStateException(name);
        }
    }

    private Types() {
    }

    /** What {@code object()} creates. */
    static final class PlainObject implements PyObject {
        @Override
        public String typeName() {
            return "object";
        }

        @Override
        public PyType type() {
            return OBJECT;
        }
    }
}
