package org.autogradstudio.script.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Python's built-in exception hierarchy as shared, immutable classes. {@link #get} resolves a
 * name given by host code; unknown names become subclasses of {@code Exception}.
 */
public final class ExceptionTypes {
    private static final Map<String, PyClass> BUILTIN = new LinkedHashMap<>();
    private static final Map<String, PyClass> EXTRA = new ConcurrentHashMap<>();

    static {
        define("BaseException", null);
        define("SystemExit", "BaseException");
        define("KeyboardInterrupt", "BaseException");
        define("GeneratorExit", "BaseException");
        define("Exception", "BaseException");
        define("ArithmeticError", "Exception");
        define("ZeroDivisionError", "ArithmeticError");
        define("OverflowError", "ArithmeticError");
        define("FloatingPointError", "ArithmeticError");
        define("AssertionError", "Exception");
        define("AttributeError", "Exception");
        define("BufferError", "Exception");
        define("EOFError", "Exception");
        define("ImportError", "Exception");
        define("ModuleNotFoundError", "ImportError");
        define("LookupError", "Exception");
        define("IndexError", "LookupError");
        define("KeyError", "LookupError");
        define("MemoryError", "Exception");
        define("NameError", "Exception");
        define("UnboundLocalError", "NameError");
        define("OSError", "Exception");
        define("FileNotFoundError", "OSError");
        define("PermissionError", "OSError");
        define("RuntimeError", "Exception");
        define("NotImplementedError", "RuntimeError");
        define("RecursionError", "RuntimeError");
        define("StopIteration", "Exception");
        define("SyntaxError", "Exception");
        define("IndentationError", "SyntaxError");
        define("TabError", "IndentationError");
        define("SystemError", "Exception");
        define("TypeError", "Exception");
        define("ValueError", "Exception");
        define("UnicodeError", "ValueError");
        define("Warning", "Exception");
        define("UserWarning", "Warning");
        define("DeprecationWarning", "Warning");
        define("RuntimeWarning", "Warning");
        define("FutureWarning", "Warning");
    }

    private ExceptionTypes() {
    }

    private static void define(String name, String base) {
        Map<String, Object> dict = new LinkedHashMap<>();
        if (base == null) {
            dict.put("__init__", new BuiltinMethod("BaseException.__init__", (self, args, kw) -> {
                if (self instanceof PyExceptionObject e) {
                    e.setArgs(args);
                }
                return Py.NONE;
            }));
            dict.put("__str__", new BuiltinMethod("BaseException.__str__",
                    (self, args, kw) -> ((PyExceptionObject) self).defaultStr()));
            dict.put("__repr__", new BuiltinMethod("BaseException.__repr__",
                    (self, args, kw) -> ((PyExceptionObject) self).defaultExceptionRepr()));
            dict.put("with_traceback", new BuiltinMethod("BaseException.with_traceback", (self, args, kw) -> self));
        }
        List<PyType> bases = base == null ? List.of() : List.of(BUILTIN.get(base));
        BUILTIN.put(name, new PyClass(name, "builtins", bases, dict, true));
    }

    /** The class for a name; an unknown name becomes a subclass of Exception. */
    public static PyClass get(String name) {
        PyClass c = BUILTIN.get(name);
        if (c != null) {
            return c;
        }
        return EXTRA.computeIfAbsent(name, n -> new PyClass(n, "builtins", List.of(BUILTIN.get("Exception")),
                Map.of(), true));
    }

    /** All built-in exception classes by name, for the builtins namespace. */
    public static Map<String, PyClass> builtins() {
        return Collections.unmodifiableMap(BUILTIN);
    }
}
