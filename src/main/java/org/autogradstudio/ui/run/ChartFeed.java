package org.autogradstudio.ui.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The live chart points of the running cells. The kernel offers points on the script thread
 * ({@code studio.chart(name, value)} and loss-like scalars assigned in a loop); they are handed to the
 * FX thread in batches, one {@code runLater} at a time however fast the loop. A cell that charts a
 * name again starts that series afresh (re-running a training loop redraws its curve).
 */
public final class ChartFeed {
    private record Point(String name, double value, int cell) {
    }

    private final ConcurrentLinkedQueue<Point> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private final Map<String, Integer> seriesCell = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private volatile int cell;

    /** A point from the script thread. */
    public void offer(String name, Double value) {
        if (name == null || value == null) {
            return;
        }
        incoming.add(new Point(name, value, cell));
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    /** A cell starts (FX thread): its points replace the series it charts. */
    void beginCell() {
        cell++;
    }

    /** Takes in every point offered so far (FX thread). */
    public void drain() {
        scheduled.set(false);
        boolean changed = false;
        for (Point p; (p = incoming.poll()) != null;) {
            Integer owner = seriesCell.put(p.name(), p.cell());
            List<Double> values = series.computeIfAbsent(p.name(), k -> new ArrayList<>());
            if (owner != null && owner != p.cell()) {
                values.clear();
            }
            values.add(p.value());
            changed = true;
        }
        if (changed) {
            revision.set(revision.get() + 1);
        }
    }

    /** Forgets every series (a restarted kernel). */
    void clear() {
        incoming.clear();
        series.clear();
        seriesCell.clear();
        revision.set(revision.get() + 1);
    }

    /** Goes up by one whenever the series change (FX thread). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The series' names in the order they first appeared. */
    public List<String> names() {
        return List.copyOf(series.keySet());
    }

    /** The values of a series (empty when unknown); do not modify. */
    public List<Double> values(String name) {
        return series.getOrDefault(name, List.of());
    }

    /** The last value of a series, or NaN. */
    public double last(String name) {
        List<Double> v = values(name);
        return v.isEmpty() ? Double.NaN : v.get(v.size() - 1);
    }

    /** Whether a series is a loss (drawn on the loss chart; the others are parameters). */
    public static boolean isLossLike(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.contains("loss") || n.contains("cost") || n.equals("l") || n.contains("error");
    }
}
