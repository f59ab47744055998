package org.autogradstudio.script.runtime;

import java.math.BigInteger;

/** The built-in types ({@code int}, {@code str}, {@code list} ...) as shared type objects. */
public final class Types {
    public static final BuiltinType OBJECT = new BuiltinType("object", null, o -> true, null,
            (a, k) -> new PlainObject());
    public static final BuiltinType TYPE = new BuiltinType("type", OBJECT, o -> o instanceof PyType, null,
            Conversions::type);
    public static final BuiltinType INT = new BuiltinType("int", OBJECT,
            o -> o instanceof Long || o instanceof BigInteger || o instanceof Boolean, null, Conversions::toInt);
    public static final BuiltinType BOOL = new BuiltinType("bool", INT, o -> o instanceof Boolean, null,
            Conversions::toBool);
    public static final BuiltinType FLOAT = new BuiltinType("float", OBJECT, o -> o instanceof Double, null,
            Conversions::toFloat);
    public static final BuiltinType STR = new BuiltinType("str", OBJECT, o -> o instanceof String,
            StrMethods.TABLE::has, Conversions::toStr);
    public static final BuiltinType LIST = new BuiltinType("list", OBJECT, o -> o instanceof PyList,
            ListMethods.TABLE::has, Conversions::toList);
    public static final BuiltinType TUPLE = new BuiltinType("tuple", OBJECT, o -> o instanceof PyTuple,
            PyTuple.TupleMethods.TABLE::has, Conversions::toTuple);
    public static final BuiltinType DICT = new BuiltinType("dict", OBJECT, o -> o instanceof PyDict,
            DictMethods.TABLE::has, Conversions::toDict);
    public static final BuiltinType SET = new BuiltinType("set", OBJECT, o -> o instanceof PySet,
            PySet.SetMethods.TABLE::has, Conversions::toSet);
    public static final BuiltinType NONE_TYPE = new BuiltinType("NoneType", OBJECT, o -> o == Py.NONE, null,
            (a, k) -> Py.NONE);
    public static final BuiltinType RANGE = new BuiltinType("range", OBJECT, o -> o instanceof PyRange, null,
            Conversions::range);
    public static final BuiltinType SLICE = new BuiltinType("slice", OBJECT, o -> o instanceof Slice, null,
            Conversions::slice);
    public static final BuiltinType MODULE = new BuiltinType("module", OBJECT, o -> o instanceof PyModule, null,
            null);

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
