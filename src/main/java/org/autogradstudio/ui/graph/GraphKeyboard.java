package org.autogradstudio.ui.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Keyboard navigation between the graph's vertices: in the graph, Tab selects and focuses the next
 * vertex in forward order (Shift+Tab the previous one), so a screen reader reads each in turn;
 * past the last one Tab leaves the graph as usual. The animation keys stay where they are.
 */
final class GraphKeyboard {
    private GraphKeyboard() {
    }

    static void install(GraphCanvas canvas, GraphSelection selection, Supplier<Collection<VertexView>> views) {
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            List<VertexView> order = forwardOrder(views.get());
            VertexData selected = selection.getSelected();
            int at = -1;
            for (int i = 0; i < order.size(); i++) {
                if (selected != null && order.get(i).data().id().equals(selected.id())) {
                    at = i;
                }
            }
            int next = e.isShiftDown() ? (at < 0 ? order.size() - 1 : at - 1) : at + 1;
            if (next < 0 || next >= order.size()) {
                return;
            }
            VertexView v = order.get(next);
            selection.select(v.data());
            v.requestFocus();
            canvas.reveal(v);
            e.consume();
        });
    }

    /** The visible vertices as the forward pass runs them (leaves before their first use), top to bottom within a step. */
    static List<VertexView> forwardOrder(Collection<VertexView> views) {
        List<VertexView> list = new ArrayList<>();
        for (VertexView v : views) {
            if (v.isVisible()) {
                list.add(v);
            }
        }
        list.sort(Comparator.comparingDouble((VertexView v) -> v.data().order()).thenComparingDouble(v -> v.data().y())
                .thenComparingDouble(v -> v.data().x()));
        return list;
    }
}
