package org.autogradstudio.script.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Python exception travelling through Java code. Host code raises Python errors with
 * {@code throw new PyException("RuntimeError", "element 0 of tensors does not require grad ...")};
 * scripts catch them with {@code except RuntimeError as e:} and {@code print(e)} shows the message.
 * Type names are Python's built-in exception classes; an unknown name becomes a new subclass of
 * {@code Exception} with that name.
 *
 * <p>No Java stack trace is captured: exceptions are ordinary control flow for scripts.
 */
public class PyException extends RuntimeException {
    private PyExceptionObject value;
    private final String typeName;
    private final String message;
    private final List<TracebackEntry> traceback = new ArrayList<>();
    private boolean cancellation;
    /** PEP 3134: what this was raised from ({@code raise X from Y}) and what was being handled when it was raised. */
    private PyException cause;
    private PyException context;
    /** {@code raise X from ...}: the context is not printed (for {@code from None}, nothing is). */
    private boolean suppressContext;
    /** Where an except clause caught it, and how many frames its traceback had then (see {@link #caughtIn}). */
    private TracebackEntry caughtIn;
    private int framesWhenCaught;
    /** Where in the innermost frame not yet in the traceback it was raised (null: not known). */
    private SourceSpan span;
    /** The object and name of a failed attribute lookup ({@link Py#noAttribute}), else null. */
    private Object missingOwner;
    private String missingName;
    /** CPython's "Did you mean" for the traceback's last line (not part of str(e)), found when shown. */
    private java.util.function.Supplier<String> suggestion;
    private String syntaxErrorText;

    public PyException(String typeName, String message) {
        this(typeName, message, null);
    }

    /** Wraps an exception instance created by a script ({@code raise ValueError("x")}). */
    public PyException(PyExceptionObject value) {
        super(null, null, false, false);
        this.value = value;
        value.raisedAs(this);
        this.typeName = value.pyClass().name();
        this.message = null;
    }

    /** Keeps the Java cause of an internal error for debugging. */
    public PyException(String typeName, String message, Throwable cause) {
        super(null, cause, false, false);
        this.typeName = typeName;
        this.message = message == null ? "" : message;
    }

    /** The Python exception instance ({@code e} in {@code except E as e}). */
    public PyExceptionObject value() {
        if (value == null) {
            Object[] args = message.isEmpty() ? new Object[0] : new Object[] {message};
            value = ExceptionTypes.get(typeName).instantiate(args);
            value.raisedAs(this);
        }
        return value;
    }

    /** {@code raise ... from cause}: the cause (null for {@code from None}) is printed before this one, the context not at all. */
    public void setCause(PyException cause) {
        this.cause = cause;
        this.suppressContext = true;
    }

    /**
     * Records the exception that was being handled when this one was raised, unless one is
     * recorded already, it is this exception raised again, or it would close a loop of contexts.
     */
    public void setContextIfAbsent(PyException handled) {
        if (context != null || cancellation || handled == null || handled == this
                || (value != null && handled.value == value)) {
            return;
        }
        for (PyException c = handled; c != null; c = c.context) {
            if (c == this) {
                return;
            }
        }
        context = handled;
    }

    public PyException cause() {
        return cause;
    }

    public PyException context() {
        return context;
    }

    public boolean suppressesContext() {
        return suppressContext;
    }

    /** The exception's class name, e.g. "ZeroDivisionError". */
    public String typeName() {
        return value != null ? value.pyClass().name() : typeName;
    }

    /** {@code str(e)}. */
    public String pyMessage() {
        return value != null ? value.str() : message;
    }

    /** Whether {@code except cls:} catches this exception. */
    public boolean matches(PyType cls) {
        return value().pyClass().isSubclassOf(cls);
    }

    /**
     * Marks where in the running frame this was raised, unless an expression inside it already has:
     * the innermost failing expression of a frame is the one CPython's carets point at.
     */
    public PyException at(SourceSpan where) {
        if (span == null) {
            span = where;
        }
        return this;
    }

    /** The span marked in the running frame, left in place (null: none). */
    public SourceSpan span() {
        return span;
    }

    /** The span marked in the frame now adding its traceback entry, cleared for the frame that called it. */
    public SourceSpan takeSpan() {
        SourceSpan s = span;
        span = null;
        return s;
    }

    /** Records a failed lookup of {@code name} on {@code owner} (a method call tells it from a failure inside the method). */
    PyException missing(Object owner, String name) {
        missingOwner = owner;
        missingName = name;
        return this;
    }

    /** Whether this is the failed lookup of {@code name} on {@code owner}. */
    public boolean isMissing(Object owner, String name) {
        return missingOwner == owner && name.equals(missingName);
    }

    /** Adds a NameError's or AttributeError's "Did you mean: 'x'?", looked for when the traceback is shown. */
    public PyException withSuggestion(java.util.function.Supplier<String> nearestName) {
        this.suggestion = nearestName;
        return this;
    }

    /** The summary line of a traceback: {@link #summary()} with CPython's "Did you mean" when there is one. */
    public String summaryWithSuggestion() {
        String near = null;
        if (suggestion != null) {
            try {
                near = suggestion.get();
            } catch (RuntimeException e) {
                near = null; // as CPython: a failing lookup just gives no suggestion
            }
        }
        return near == null ? summary() : summary() + ". Did you mean: '" + near + "'?";
    }

    /** "Type: message" (or just "Type"), the last line of a traceback. */
    public String summary() {
        String m = pyMessage();
        return m.isEmpty() ? typeName() : typeName() + ": " + m;
    }

    @Override
    public String getMessage() {
        return summary();
    }

    /** Frames from innermost to outermost, as added while unwinding. */
    public List<TracebackEntry> traceback() {
        return Collections.unmodifiableList(traceback);
    }

    public void addTraceback(TracebackEntry entry) {
        traceback.add(entry);
    }

    /** Raised because the run was cancelled: user code cannot swallow it with {@code except}. */
    public boolean isCancellation() {
        return cancellation;
    }

    public PyException markCancellation() {
        cancellation = true;
        return this;
    }

    /** For a SyntaxError: the block Python prints instead of a traceback. */
    public String syntaxErrorText() {
        return syntaxErrorText;
    }

    public PyException withSyntaxErrorText(String text) {
        this.syntaxErrorText = text;
        return this;
    }

    /**
     * The full text Python prints for this exception when it is not caught: first the exceptions
     * it was raised from or while handling, each with the sentence that links it to the next.
     */
    public String formatTraceback() {
        StringBuilder sb = new StringBuilder();
        appendChain(sb, Collections.newSetFromMap(new java.util.IdentityHashMap<>()), false);
        return sb.toString();
    }

    /**
     * The text {@code traceback.print_exc()} prints for this exception while an except clause
     * handles it: its frames down to the one that caught it.
     */
    public String formatCaughtTraceback() {
        StringBuilder sb = new StringBuilder();
        appendChain(sb, Collections.newSetFromMap(new java.util.IdentityHashMap<>()), true);
        return sb.toString();
    }

    private void appendChain(StringBuilder sb, java.util.Set<PyException> shown, boolean chained) {
        shown.add(this);
        if (cause != null && !shown.contains(cause)) {
            cause.appendChain(sb, shown, true);
            sb.append("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (context != null && !suppressContext && !shown.contains(context)) {
            context.appendChain(sb, shown, true);
            sb.append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        sb.append(formatOwnTraceback(chained));
    }

    /**
     * An except clause caught this in {@code frame} (the entry for the line that raised it): the
     * last frame its traceback shows when printed before an exception raised while handling it.
     */
    public void caughtIn(TracebackEntry frame) {
        caughtIn = frame;
        framesWhenCaught = traceback.size();
    }

    /**
     * This exception's traceback and last line alone; {@code chained}: printed before the one raised
     * while handling it, so down to the frame that caught it.
     */
    private String formatOwnTraceback(boolean chained) {
        List<TracebackEntry> frames = traceback;
        if (chained && caughtIn != null && traceback.size() == framesWhenCaught) {
            frames = new ArrayList<>(traceback);
            frames.add(caughtIn);
        }
        if (syntaxErrorText != null) {
            StringBuilder sb = new StringBuilder();
            if (!frames.isEmpty()) {
                appendFrames(sb, frames);
            }
            return sb.append(syntaxErrorText).toString();
        }
        StringBuilder sb = new StringBuilder();
        appendFrames(sb, frames);
        sb.append(summaryWithSuggestion()).append('\n');
        return sb.toString();
    }

    private static void appendFrames(StringBuilder sb, List<TracebackEntry> traceback) {
        if (traceback.isEmpty()) {
            return;
        }
        sb.append("Traceback (most recent call last):\n");
        // as CPython: a frame repeating the one before (same file, line and function) is printed at
        // most RECURSIVE_CUTOFF times in a row, the rest as "[Previous line repeated N more times]"
        TracebackEntry previous = null;
        int repeats = 0;
        for (int i = traceback.size() - 1; i >= 0; i--) {
            TracebackEntry e = traceback.get(i);
            if (previous != null && sameFrame(previous, e)) {
                repeats++;
            } else {
                appendRepeated(sb, repeats);
                previous = e;
                repeats = 1;
            }
            if (repeats > RECURSIVE_CUTOFF) {
                continue;
            }
            sb.append("  File \"").append(e.file()).append("\", line ").append(e.line()).append(", in ")
                    .append(e.function()).append('\n');
            if (e.sourceLine() != null && !e.sourceLine().isBlank()) {
                sb.append("    ").append(e.sourceLine().strip()).append('\n');
                if (e.carets() != null) {
                    sb.append(e.carets()).append('\n');
                }
            }
        }
        appendRepeated(sb, repeats);
    }

    /** CPython's TB_RECURSIVE_CUTOFF. */
    private static final int RECURSIVE_CUTOFF = 3;

    private static boolean sameFrame(TracebackEntry a, TracebackEntry b) {
        return a.line() == b.line() && java.util.Objects.equals(a.file(), b.file()) && java.util.Objects.equals(a.function(), b.function());
    }

    private static void appendRepeated(StringBuilder sb, int repeats) {
        int more = repeats - RECURSIVE_CUTOFF;
        if (more > 0) {
            sb.append("  [Previous line repeated ").append(more).append(more == 1 ? " more time]\n" : " more times]\n");
        }
    }
}
