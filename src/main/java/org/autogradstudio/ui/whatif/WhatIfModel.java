package org.autogradstudio.ui.whatif;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.autogradstudio.engine.Engine;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.ui.graph.EngineGraphBuilder;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.graph.VertexData;
import org.autogradstudio.ui.run.RunController;

/**
 * What-if values for the scalar leaves of the graph a cell left: each change replays that graph
 * with the engine ({@link EngineReplay}) on the script thread and shows the replay as the current
 * graph, so its values, gradients and the chain rule follow. Requests are coalesced: while one
 * replay runs, only the newest values wait. The script's variables are never changed. FX thread.
 */
public final class WhatIfModel {
    private final RunController runner;
    private final ReadOnlyObjectWrapper<List<WhatIfLeaf>> leaves = new ReadOnlyObjectWrapper<>(this, "leaves", List.of());
    private final ReadOnlyDoubleWrapper latency = new ReadOnlyDoubleWrapper(this, "latencyMillis", Double.NaN);
    private final ReadOnlyDoubleWrapper replayTime = new ReadOnlyDoubleWrapper(this, "replayMillis", Double.NaN);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Map<String, Double> values = new LinkedHashMap<>();
    private GraphData base = GraphData.EMPTY;
    private GraphData published;
    private boolean busy;
    private boolean again;

    public WhatIfModel(RunController runner) {
        this.runner = runner;
        runner.graphProperty().addListener((o, a, g) -> {
            if (g != published) {
                follow(g);
            }
        });
    }

    /** Tensor leaves up to this many elements get a slider per element ({@code x[0]} ... {@code x[3]}). */
    static final int MAX_ELEMENT_SLIDERS = 4;

    /** The graph a cell left: its scalar leaves and the elements of its small tensor leaves become the sliders. */
    private void follow(GraphData g) {
        base = g == null ? GraphData.EMPTY : g;
        published = null;
        values.clear();
        List<WhatIfLeaf> found = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (VertexData v : base.vertices()) {
            if (!v.isTensor() || !v.isLeaf() || v.name() == null || v.value() == null || !seen.add(v.name())) {
                continue;
            }
            double[] xs = v.value().values();
            int n = v.value().numel();
            if (n == 1) {
                found.add(WhatIfLeaf.around(v.name(), xs[0]));
            } else if (n <= MAX_ELEMENT_SLIDERS && xs.length == n) {
                for (int i = 0; i < n; i++) {
                    found.add(WhatIfLeaf.around(elementName(v.name(), i), xs[i]));
                }
            }
        }
        leaves.set(List.copyOf(found));
        status.set("");
    }

    /** The sliders' leaves for the current graph (empty: nothing to move). */
    public ReadOnlyObjectProperty<List<WhatIfLeaf>> leavesProperty() {
        return leaves.getReadOnlyProperty();
    }

    /** Milliseconds from the last change to its replayed graph being shown (NaN before any). */
    public ReadOnlyDoubleProperty latencyProperty() {
        return latency.getReadOnlyProperty();
    }

    /** Milliseconds the last replay itself took on the script thread (forward, backward, layout). */
    public ReadOnlyDoubleProperty replayTimeProperty() {
        return replayTime.getReadOnlyProperty();
    }

    /** Why the last replay failed, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Gives leaf {@code name} the value {@code v} and replays. */
    public void set(String name, double v) {
        values.put(name, v);
        request();
    }

    /** Back to the recorded values: the cell's own graph again. */
    public void reset() {
        values.clear();
        published = null;
        if (!base.isEmpty()) {
            published = base;
            runner.showGraph(base);
        }
    }

    /** The value a leaf has in the what-if (its recorded value when unchanged). */
    public double valueOf(String name) {
        Double v = values.get(name);
        if (v != null) {
            return v;
        }
        return leaves.get().stream().filter(l -> l.name().equals(name)).mapToDouble(WhatIfLeaf::recorded).findFirst().orElse(Double.NaN);
    }

    private void request() {
        if (busy) {
            again = true;
            return;
        }
        if (base.isEmpty() || base.live().roots().isEmpty()) {
            return;
        }
        busy = true;
        GraphData from = base;
        Map<String, Double> asked = new LinkedHashMap<>(values);
        long start = System.nanoTime();
        runner.submit(() -> {
            long t0 = System.nanoTime();
            GraphData replayed = replay(from, asked);
            return new Object[] {replayed, (System.nanoTime() - t0) / 1e6};
        }, done -> {
            busy = false;
            GraphData g = (GraphData) done[0];
            replayTime.set((Double) done[1]);
            if (from == base) {
                published = g;
                runner.showGraph(g);
                latency.set((System.nanoTime() - start) / 1e6);
                status.set("");
            }
            if (again) {
                again = false;
                request();
            }
        }, e -> {
            busy = false;
            status.set(String.valueOf(e.getMessage()));
            if (again) {
                again = false;
                request();
            }
        });
    }

    /** A slider's name for element {@code i} (flat, row-major) of the leaf {@code name}: {@code x[2]}. */
    static String elementName(String name, int i) {
        return name + "[" + i + "]";
    }

    /** Script thread: the replayed graph, drawn with the same names. */
    static GraphData replay(GraphData from, Map<String, Double> asked) {
        Map<Tensor, double[]> overrides = new IdentityHashMap<>();
        Map<Tensor, String> originals = new IdentityHashMap<>();
        for (VertexData v : from.vertices()) {
            Tensor t = from.live().tensors().get(v.id());
            if (t == null || v.name() == null) {
                continue;
            }
            originals.putIfAbsent(t, v.name());
            if (!v.isLeaf()) {
                continue;
            }
            Double value = asked.get(v.name());
            if (value != null && t.numel() == 1) {
                overrides.put(t, new double[] {value});
            } else if (t.numel() > 1 && t.numel() <= MAX_ELEMENT_SLIDERS) {
                double[] moved = t.toArray();
                boolean any = false;
                for (int i = 0; i < moved.length; i++) {
                    Double e = asked.get(elementName(v.name(), i));
                    if (e != null) {
                        moved[i] = e;
                        any = true;
                    }
                }
                if (any) {
                    overrides.put(t, moved);
                }
            }
        }
        ThreadRecorder events = new ThreadRecorder();
        Engine.addListener(events);
        EngineReplay.Result r;
        try {
            r = EngineReplay.run(from.live().roots(), overrides);
        } finally {
            Engine.removeListener(events);
        }
        Map<Tensor, String> names = new IdentityHashMap<>();
        originals.forEach((t, name) -> names.putIfAbsent(r.of(t), name));
        // same graph, other values: drawn in place, no new layout
        return EngineGraphBuilder.build(r.roots(), names, events.recorder.lastPass(), from);
    }
}
