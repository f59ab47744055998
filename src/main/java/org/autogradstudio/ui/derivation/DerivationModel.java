package org.autogradstudio.ui.derivation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.autogradstudio.calculus.ChainRule;
import org.autogradstudio.calculus.Derivation;
import org.autogradstudio.calculus.FiniteDifference;
import org.autogradstudio.calculus.Symbols;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.graph.GraphSelection;
import org.autogradstudio.ui.graph.VertexData;
import org.autogradstudio.ui.run.RunController;

/**
 * The derivation for the selected leaf: worked out again whenever the leaf, the graph, the element
 * of a tensor leaf or the finite-difference step {@code h} changes. The work runs on the script
 * thread (the engine's tensors live there); results come back on the FX thread, the newest request
 * winning over slower older ones. While the panel is not {@link #activeProperty() shown}, changes
 * only mark the result stale: a training loop's or a what-if slider's stream of new graphs must not
 * queue chain-rule work on the script thread for a tab nobody looks at.
 */
public final class DerivationModel {
    private final RunController runner;
    private final GraphSelection selection;
    private final ReadOnlyObjectWrapper<DerivationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<VertexData> leaf = new ReadOnlyObjectWrapper<>(this, "leaf");
    private final DoubleProperty step = new SimpleDoubleProperty(this, "h", FiniteDifference.DEFAULT_H);
    private final IntegerProperty element = new SimpleIntegerProperty(this, "element", 0);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private boolean stale;
    private long generation;

    public DerivationModel(RunController runner, GraphSelection selection) {
        this.runner = runner;
        this.selection = selection;
        selection.selectedLeafProperty().addListener((o, a, v) -> {
            if (a == null || v == null || !java.util.Objects.equals(a.name(), v.name())) {
                element.set(0);
            }
            refresh();
        });
        runner.graphProperty().addListener((o, a, g) -> refresh());
        step.addListener((o, a, b) -> refresh());
        element.addListener((o, a, b) -> refresh());
        active.addListener((o, a, on) -> {
            if (on && stale) {
                refresh();
            }
        });
    }

    /** Whether the derivation is shown (true by default; the window binds it to its tab). */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyObjectProperty<DerivationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The leaf being differentiated by (the graph's selected leaf, on the current graph). */
    public ReadOnlyObjectProperty<VertexData> leafProperty() {
        return leaf.getReadOnlyProperty();
    }

    /** The finite-difference step. */
    public DoubleProperty stepProperty() {
        return step;
    }

    /** Which element of a tensor leaf (flat, row-major) the chain rule is worked for. */
    public IntegerProperty elementProperty() {
        return element;
    }

    /** Works out d root / d leaf for the current graph and selection (FX thread). */
    public void refresh() {
        long mine = ++generation;
        if (!active.get()) {
            stale = true;
            return;
        }
        stale = false;
        GraphData graph = runner.graphProperty().get();
        VertexData selected = selection.getSelectedLeaf();
        VertexData v = graph == null || selected == null || selected.name() == null ? null : graph.named(selected.name());
        leaf.set(v);
        Tensor leafTensor = v == null ? null : graph.live().tensors().get(v.id());
        if (leafTensor == null || graph.live().roots().isEmpty()) {
            result.set(null);
            status.set("");
            return;
        }
        Tensor root = graph.live().roots().get(0);
        Map<String, Tensor> names = new LinkedHashMap<>();
        String rootName = "root";
        for (VertexData u : graph.vertices()) {
            Tensor t = graph.live().tensors().get(u.id());
            if (u.isTensor() && u.name() != null && t != null) {
                names.putIfAbsent(u.name(), t);
                if (t == root) {
                    rootName = u.name();
                }
            }
        }
        String leafName = v.name();
        String rootLabel = rootName;
        int at = Math.min(Math.max(0, element.get()), Math.max(0, v.value() == null ? 0 : v.value().numel() - 1));
        double h = step.get();
        status.set("working out \u2202" + rootLabel + "/\u2202" + leafName + " \u2026");
        runner.submit(() -> compute(leafName, leafTensor, rootLabel, root, names, h, at), r -> {
            if (mine == generation) {
                result.set(r);
                status.set("");
            }
        }, e -> {
            if (mine == generation) {
                result.set(null);
                status.set("no derivation for " + leafName + ": " + e.getMessage());
            }
        });
    }

    /** Runs on the script thread. */
    static DerivationResult compute(String leafName, Tensor leaf, String rootName, Tensor root, Map<String, Tensor> names,
            double h, int element) {
        Derivation d = ChainRule.derive(leaf, root, Symbols.of(names), element);
        FiniteDifference.Result fd;
        String numericNote = null;
        try {
            fd = FiniteDifference.check(leaf, root, h, element);
        } catch (UnsupportedOperationException e) {
            // the finite difference replays the forward pass through each node's rule; an op without
            // one (a script's own autograd Function) cannot be replayed, yet autograd's .grad still stands
            fd = null;
            numericNote = "no finite difference: the forward pass cannot be replayed through " + e.getMessage();
        }
        List<String> latex = d.latexLines();
        return new DerivationResult(leafName, rootName, leaf.numel(), element, d, fd, d.value(), d.autograd(),
                fd == null ? Double.NaN : fd.estimate(), latex, d.toPlain(), numericNote);
    }
}
