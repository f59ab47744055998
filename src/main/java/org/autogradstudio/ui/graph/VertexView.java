package org.autogradstudio.ui.graph;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.anim.Frame;

/**
 * One vertex of the drawn graph, placed at its laid-out box. A tensor shows its name and shape,
 * its value and its grad once known (a running sum while gradients still arrive); a function shows
 * its symbol. Styled by role ({@code role-parameter} ...) and by the pseudo-classes
 * {@code :active}, {@code :selected}, {@code :complete}.
 */
public final class VertexView extends StackPane {
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass COMPLETE = PseudoClass.getPseudoClass("complete");

    private final VertexData data;
    private final ValueBlock grad;
    private final Label sumLabel = new Label();

    public VertexView(VertexData data) {
        this.data = data;
        setId("vertex-" + data.id());
        setUserData(data);
        getStyleClass().addAll("vertex", data.isTensor() ? "tensor" : "function", data.role().styleClass());
        relocate(data.x(), data.y());
        setMinSize(data.width(), data.height());
        setPrefSize(data.width(), data.height());
        setMaxSize(data.width(), data.height());
        setFocusTraversable(false);
        if (data.isTensor()) {
            grad = new ValueBlock("grad-text", I18n.get("graph.grad"));
            getChildren().add(tensorContent());
        } else {
            grad = null;
            Label symbol = new Label(data.symbol());
            symbol.getStyleClass().add("symbol");
            getChildren().add(symbol);
        }
        setAccessibleRole(AccessibleRole.BUTTON);
        setAccessibleRoleDescription(I18n.get("graph.a11y.role"));
        setAccessibleText(VertexDescription.of(data, null));
        sumLabel.getStyleClass().add("sum-label");
        sumLabel.setVisible(false);
    }

    private VBox tensorContent() {
        Label name = new Label(data.title());
        name.getStyleClass().add("name");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label shape = new Label(data.value() == null || data.value().shape().length == 0 ? "" : data.value().shapeText());
        shape.getStyleClass().add("shape");
        HBox header = new HBox(name, spacer, shape);
        header.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(GraphMetrics.LINE_GAP, header);
        boolean bigValue = GraphMetrics.formOf(data.value()) != GraphMetrics.ValueForm.SCALAR;
        if (bigValue) {
            box.getChildren().add(caption(I18n.get("graph.value")));
        }
        if (!data.isLiteral()) {
            ValueBlock value = new ValueBlock("value-text", "");
            value.show(data.value(), false);
            box.getChildren().add(value);
        }
        if (data.requiresGrad() || data.role() == Role.OUTPUT) {
            if (bigValue) {
                box.getChildren().add(caption(I18n.get("graph.grad")));
            }
            box.getChildren().add(grad);
        }
        box.getStyleClass().add("tensor-content");
        return box;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }

    public VertexData data() {
        return data;
    }

    /** The grad shown now ("" when not known yet). */
    public String gradText() {
        return grad == null ? "" : grad.text();
    }

    public TensorSnapshot gradShown() {
        return grad == null ? null : grad.shown();
    }

    /** The {@code +=} label beside the vertex (added to the canvas's label layer by the canvas). */
    public Label sumLabel() {
        return sumLabel;
    }

    public void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    /** Shows this vertex as it is at {@code frame}. */
    public void apply(Frame frame) {
        boolean visible = frame.isVisible(data.id());
        setVisible(visible);
        pseudoClassStateChanged(ACTIVE, data.id().equals(frame.activeVertex()));
        if (grad != null) {
            TensorSnapshot complete = frame.grads().get(data.id());
            TensorSnapshot partial = frame.partial().get(data.id());
            grad.show(complete != null ? complete : partial, complete == null && partial != null);
            pseudoClassStateChanged(COMPLETE, complete != null);
            setAccessibleText(VertexDescription.of(data, complete != null ? complete : partial));
        }
        String sum = frame.sumLabels().get(data.id());
        sumLabel.setText(sum == null ? "" : "+=  " + sum);
        sumLabel.setVisible(visible && sum != null);
        sumLabel.relocate(data.x(), data.y() + data.height() + 4);
    }
}
