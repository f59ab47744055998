package org.autogradstudio.ui.graph;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The vertex the learner clicked, and the last selected parameter leaf: the derivation panel
 * (chain rule for d root / d leaf) follows {@link #selectedLeafProperty()}.
 */
public final class GraphSelection {
    private final ReadOnlyObjectWrapper<VertexData> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<VertexData> selectedLeaf = new ReadOnlyObjectWrapper<>(this, "selectedLeaf");

    public ReadOnlyObjectProperty<VertexData> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public VertexData getSelected() {
        return selected.get();
    }

    public ReadOnlyObjectProperty<VertexData> selectedLeafProperty() {
        return selectedLeaf.getReadOnlyProperty();
    }

    public VertexData getSelectedLeaf() {
        return selectedLeaf.get();
    }

    public void select(VertexData v) {
        selected.set(v);
        if (v != null && v.isLeaf() && v.isTensor()) {
            selectedLeaf.set(v);
        }
    }

    /** Keeps the selection on the same variable when the graph is rebuilt, else clears it. */
    public void follow(GraphData graph) {
        VertexData s = selected.get();
        VertexData again = s == null || s.name() == null ? null : graph.named(s.name());
        selected.set(again);
        VertexData leaf = selectedLeaf.get();
        VertexData leafAgain = leaf == null || leaf.name() == null ? null : graph.named(leaf.name());
        selectedLeaf.set(leafAgain);
    }
}
