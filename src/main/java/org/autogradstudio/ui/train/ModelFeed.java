package org.autogradstudio.ui.train;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.autogradstudio.ui.run.Kernel;
import org.autogradstudio.ui.run.RunController;
import org.autogradstudio.ui.run.ScriptObserver;

/**
 * Samples the model for the model view on the script thread, at most every {@link #INTERVAL_MS}
 * ms while a loop charts its steps (about 20 Hz, however fast the loop) and once when a cell ends,
 * and hands the newest snapshot to the FX thread (one {@code runLater} pending at a time).
 */
public final class ModelFeed implements ScriptObserver {
    public static final long INTERVAL_MS = 50;

    private final AtomicReference<ModelSnapshot> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<ModelSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private volatile long lastSample;
    private volatile int samples;

    /** A feed watching {@code runner}'s kernel. */
    public ModelFeed(RunController runner) {
        runner.addObserver(this);
        runner.addObserver(new ParameterSeries(runner.charts()));
        // a restarted kernel (another lesson) has no model yet
        runner.graphProperty().addListener((o, a, g) -> {
            if (g == org.autogradstudio.ui.graph.GraphData.EMPTY) {
                clear();
            }
        });
    }

    @Override
    public void onChartPoint(Kernel kernel, String name) {
        long now = System.nanoTime();
        if (now - lastSample < INTERVAL_MS * 1_000_000) {
            return;
        }
        lastSample = now;
        take(kernel);
    }

    @Override
    public void onCellEnd(Kernel kernel) {
        lastSample = System.nanoTime();
        take(kernel);
    }

    private void take(Kernel kernel) {
        ModelSnapshot s;
        try {
            s = ModelProbe.sample(kernel);
        } catch (RuntimeException e) {
            s = null; // the script's variables do not make a model (yet)
        }
        if (s == null) {
            return;
        }
        samples++;
        pending.set(s);
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        ModelSnapshot s = pending.getAndSet(null);
        if (s != null) {
            snapshot.set(s);
        }
    }

    /** The newest snapshot on the FX thread (null before any). */
    public ReadOnlyObjectProperty<ModelSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** How many snapshots were taken so far (any thread). */
    public int samples() {
        return samples;
    }

    /** Forgets the picture (another lesson opened), FX thread. */
    public void clear() {
        pending.set(null);
        snapshot.set(null);
    }
}
