package org.autogradstudio.ui.graph;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.autogradstudio.ui.I18n;

/**
 * The selected vertex's details as PyTorch would report them: value, grad, shape, dtype,
 * grad_fn, is_leaf, requires_grad (values and grads in PyTorch's printed form).
 */
public final class NodeInspector extends ScrollPane {
    private final GraphSelection selection;
    private final GridPane grid = new GridPane();
    private final Label none = new Label();

    public NodeInspector(GraphSelection selection) {
        this.selection = selection;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("node-inspector");
        setFitToWidth(true);
        grid.getStyleClass().add("inspector-grid");
        none.textProperty().bind(I18n.text("inspector.none"));
        none.getStyleClass().add("inspector-none");
        setContent(new VBox(none, grid));
        show(null);
    }

    private void initListeners() {
        selection.selectedProperty().addListener((o, a, v) -> show(v));
        I18n.localeProperty().addListener((o, a, b) -> show(selection.getSelected()));
    }

    /** The text of a row ({@code "grad"}, {@code "shape"} ...) for tests; null when absent. */
    public String row(String key) {
        for (javafx.scene.Node n : grid.getChildren()) {
            if (("value-" + key).equals(n.getId())) {
                return ((Label) n).getText();
            }
        }
        return null;
    }

    private void show(VertexData v) {
        grid.getChildren().clear();
        none.setVisible(v == null);
        none.setManaged(v == null);
        if (v == null) {
            return;
        }
        int r = 0;
        if (v.isTensor()) {
            r = add(r, "name", v.title().isEmpty() ? "\u2014" : v.title());
            r = add(r, "kind", I18n.get("inspector.role." + v.role().name().toLowerCase(java.util.Locale.ROOT)));
            r = add(r, "shape", v.value() == null ? "" : "torch.Size(" + v.value().shapeText() + ")");
            r = add(r, "dtype", v.value() == null ? "" : v.value().dtype());
            r = add(r, "gradFn", v.opName() == null ? "None" : "<" + v.opName() + ">");
            r = add(r, "isLeaf", v.isLeaf() ? "True" : "False");
            r = add(r, "requiresGrad", v.requiresGrad() ? "True" : "False");
            r = add(r, "value", v.value() == null ? "" : v.value().repr());
            add(r, "grad", v.grad() == null ? "None" : v.grad().repr());
        } else {
            r = add(r, "kind", I18n.get("inspector.role.function"));
            r = add(r, "gradFn", "<" + v.opName() + ">");
            add(r, "name", v.symbol());
        }
    }

    private int add(int row, String key, String text) {
        Label k = new Label(I18n.get("inspector." + key));
        k.getStyleClass().add("inspector-key");
        Label val = new Label(text);
        val.setId("value-" + key);
        val.getStyleClass().add("inspector-value");
        val.setWrapText(true);
        grid.add(k, 0, row);
        grid.add(val, 1, row);
        return row + 1;
    }
}
