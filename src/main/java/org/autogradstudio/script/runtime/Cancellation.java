package org.autogradstudio.script.runtime;

/**
 * A stop request for a running script, checked at every loop iteration and function call. Any
 * thread may call {@link #cancel}; the script then raises {@code KeyboardInterrupt}, which its own
 * {@code except} clauses cannot swallow. An optional deadline turns into the same interrupt.
 */
public final class Cancellation {
    private volatile boolean requested;
    private volatile long deadline;
    private int ticks;

    public void cancel() {
        requested = true;
    }

    public boolean isCancelled() {
        return requested;
    }

    /** Clears a previous request and deadline (before starting a new run). */
    public void reset() {
        requested = false;
        deadline = 0;
    }

    /** Cancels automatically once {@code millis} have passed from now (0 or less: no deadline). */
    public void setTimeoutMillis(long millis) {
        deadline = millis <= 0 ? 0 : System.nanoTime() + millis * 1_000_000L;
    }

    /** Raises KeyboardInterrupt if cancellation was requested or the deadline passed. */
    public void check() {
        if (requested) {
            throw interrupted();
        }
        long d = deadline;
        if (d != 0 && (++ticks & 255) == 0 && System.nanoTime() - d > 0) {
            requested = true;
            throw interrupted();
        }
    }

    /** As {@link #check}, looking at the deadline every time: for code that waits rather than loops. */
    public void checkNow() {
        long d = deadline;
        if (requested || (d != 0 && System.nanoTime() - d > 0)) {
            requested = true;
            throw interrupted();
        }
    }

    private static PyException interrupted() {
        return new PyException("KeyboardInterrupt", "").markCancellation();
    }
}
