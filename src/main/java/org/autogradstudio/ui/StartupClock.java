package org.autogradstudio.ui;

import java.lang.management.ManagementFactory;

/** Measures startup: from {@code main()} (the launcher) to the main window's first shown event. */
public final class StartupClock {
    private static volatile long mainNanos = System.nanoTime();
    private static volatile long shownMillis = -1;

    private StartupClock() {
    }

    static void markMain() {
        mainNanos = System.nanoTime();
    }

    /** Records the first shown event and logs the figures; returns milliseconds since main(). */
    static long markShown() {
        long ms = (System.nanoTime() - mainNanos) / 1_000_000;
        if (shownMillis < 0) {
            shownMillis = ms;
            long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
            System.err.println("[studio] window shown " + ms + " ms after main() (" + jvm + " ms after JVM start)");
        }
        return ms;
    }

    /** Milliseconds from main() to the first shown window, or -1 before it. */
    public static long shownMillis() {
        return shownMillis;
    }
}
