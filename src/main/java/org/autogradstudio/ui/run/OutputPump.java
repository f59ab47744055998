package org.autogradstudio.ui.run;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Carries text printed on the script thread to the FX thread in batches: at most one pending
 * hand-over, at most every {@link #INTERVAL_MS} ms, so a print loop cannot flood the FX queue.
 * Text beyond {@link #MAX_PENDING} characters waiting at once keeps only its end.
 */
public final class OutputPump implements Consumer<String> {
    public static final long INTERVAL_MS = 40;
    public static final int MAX_PENDING = 1 << 20;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "output-pump");
        t.setDaemon(true);
        return t;
    });

    private final Consumer<String> sink;
    private final StringBuilder pending = new StringBuilder();
    private boolean scheduled;
    private long dropped;

    /** {@code sink} receives the batches on the FX thread. */
    public OutputPump(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public void accept(String text) {
        synchronized (this) {
            pending.append(text);
            if (pending.length() > MAX_PENDING) {
                int cut = pending.length() - MAX_PENDING / 2;
                dropped += cut;
                pending.delete(0, cut);
            }
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        TIMER.schedule(() -> Platform.runLater(this::drain), INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** Hands over whatever is waiting (FX thread); the cell's completion calls it before finishing. */
    public void drain() {
        String chunk;
        synchronized (this) {
            scheduled = false;
            if (pending.length() == 0) {
                return;
            }
            if (dropped > 0) {
                pending.insert(0, "\u2026 [" + dropped + " characters dropped]\n");
                dropped = 0;
            }
            chunk = pending.toString();
            pending.setLength(0);
        }
        sink.accept(chunk);
    }
}
