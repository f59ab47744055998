package org.autogradstudio.script.interp;

import java.time.Instant;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyBuiltin;
import org.autogradstudio.script.runtime.PyModule;

/**
 * Python's {@code time} module, the clocks notebooks time their loops with, and {@code sleep},
 * which the Stop button interrupts like any loop.
 */
final class TimeModule {
    /** How long {@code sleep} waits between looks at the stop request. */
    private static final long SLICE_NANOS = 5_000_000L;

    private TimeModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("time");
        m.put("time", new PyBuiltin("time", (a, k) -> {
            Instant now = Instant.now();
            return now.getEpochSecond() + now.getNano() / 1e9;
        }));
        m.put("time_ns", new PyBuiltin("time_ns", (a, k) -> {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }));
        for (String clock : new String[] {"perf_counter", "monotonic"}) {
            m.put(clock, new PyBuiltin(clock, (a, k) -> System.nanoTime() / 1e9));
            m.put(clock + "_ns", new PyBuiltin(clock + "_ns", (a, k) -> System.nanoTime()));
        }
        m.put("process_time", new PyBuiltin("process_time", (a, k) -> threadCpuNanos() / 1e9));
        m.put("process_time_ns", new PyBuiltin("process_time_ns", (a, k) -> threadCpuNanos()));
        m.put("sleep", PyBuiltin.of("sleep(secs)", a -> {
            sleep(Py.toDouble(a[0]));
            return Py.NONE;
        }));
        return m;
    }

    /** The CPU time of the script's thread: the script is the process Python would measure. */
    private static long threadCpuNanos() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static void sleep(double seconds) {
        if (Double.isNaN(seconds)) {
            throw Py.valueError("Invalid value NaN (not a number)");
        }
        if (seconds < 0) {
            throw Py.valueError("sleep length must be non-negative");
        }
        ExecContext ctx = ExecContext.running();
        long end = System.nanoTime() + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0);
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            if (ctx != null) {
                ctx.cancellation.checkNow();
            }
            long slice = Math.min(left, SLICE_NANOS);
            try {
                Thread.sleep(slice / 1_000_000L, (int) (slice % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.autogradstudio.script.runtime.PyException("KeyboardInterrupt", "").markCancellation();
            }
        }
    }
}
