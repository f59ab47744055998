package org.autogradstudio.ui.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one thread user code runs on: a daemon with a large stack (deep recursion in a lesson gives
 * Python's RecursionError, not a JVM crash). Cells run one after another, never on the FX thread.
 */
public final class ScriptWorker implements AutoCloseable {
    public static final String THREAD_NAME = "script";
    private static final long STACK_BYTES = 512L << 20;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, THREAD_NAME, STACK_BYTES);
        t.setDaemon(true);
        return t;
    });

    public void submit(Runnable task) {
        executor.execute(task);
    }

    public static boolean isWorkerThread() {
        return THREAD_NAME.equals(Thread.currentThread().getName());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
