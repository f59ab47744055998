package org.autogradstudio.script.interp;

import java.util.ConcurrentModificationException;
import org.autogradstudio.engine.TorchException;
import org.autogradstudio.script.runtime.PyException;

/**
 * Turns Java exceptions that escape host or runtime code into Python exceptions, so a script
 * never sees a Java stack trace: PyTorch-style host errors (IllegalArgument/IllegalState) become
 * RuntimeError with their message; anything else is a SystemError naming the Java exception.
 */
public final class ErrorTranslator {
    private ErrorTranslator() {
    }

    public static PyException translate(Throwable t) {
        if (t instanceof PyException p) {
            return p;
        }
        if (t instanceof TorchException e) {
            return new PyException(e.pythonType(), e.getMessage(), t);
        }
        if (t instanceof StackOverflowError) {
            return new PyException("RecursionError", "maximum recursion depth exceeded", t);
        }
        if (t instanceof OutOfMemoryError) {
            return new PyException("MemoryError", "out of memory", t);
        }
        if (t instanceof ConcurrentModificationException) {
            return new PyException("RuntimeError", "dictionary changed size during iteration", t);
        }
        if (t instanceof ArithmeticException) {
            return new PyException("ZeroDivisionError", String.valueOf(t.getMessage()), t);
        }
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof UnsupportedOperationException) {
            String m = t.getMessage();
            return new PyException("RuntimeError", m == null ? t.getClass().getSimpleName() : m, t);
        }
        if (t instanceof IndexOutOfBoundsException) {
            return new PyException("IndexError", String.valueOf(t.getMessage()), t);
        }
        String m = t.getMessage();
        return new PyException("SystemError", "internal error: " + t.getClass().getSimpleName()
                + (m == null ? "" : ": " + m), t);
    }
}
