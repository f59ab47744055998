package org.autogradstudio.ui.whatif;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.Resources;

/**
 * A strip of sliders, one per scalar leaf of the drawn graph ("what if w were 1.5?") and per element
 * of a small tensor leaf ({@code x[0]} ...), with a reset
 * button and the time the last replay took. Hidden when the graph has no scalar leaf.
 */
public final class WhatIfBar extends FlowPane {
    private final WhatIfModel model;
    private final Label title = new Label();
    private final Label timing = new Label();
    private final Label status = new Label();
    private final Button reset = new Button();
    /** Element sliders (x[0] ...) are many: shown only when asked for, so the graph keeps its room. */
    private final javafx.scene.control.ToggleButton elements = new javafx.scene.control.ToggleButton();

    public WhatIfBar(WhatIfModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("what-if-bar");
        getStylesheets().add(Resources.stylesheet("training.css"));
        setId("what-if-bar");
        setAlignment(Pos.CENTER_LEFT);
        setHgap(12);
        setVgap(4);
        title.textProperty().bind(I18n.text("whatif.title"));
        title.getStyleClass().add("what-if-title");
        reset.textProperty().bind(I18n.text("whatif.reset"));
        reset.setId("whatif-reset");
        elements.textProperty().bind(I18n.text("whatif.elements"));
        elements.setId("whatif-elements");
        timing.setId("whatif-timing");
        timing.getStyleClass().add("what-if-timing");
        status.getStyleClass().add("what-if-status");
        rebuild(model.leavesProperty().get());
    }

    private void initListeners() {
        model.leavesProperty().addListener((o, a, l) -> rebuild(l));
        elements.selectedProperty().addListener((o, a, on) -> rebuild(model.leavesProperty().get()));
        reset.setOnAction(e -> {
            model.reset();
            rebuild(model.leavesProperty().get());
        });
        model.latencyProperty().addListener((o, a, ms) -> timing.setText(Double.isNaN(ms.doubleValue()) ? ""
                : I18n.get("whatif.timing", String.format(Locale.ROOT, "%.1f", ms.doubleValue()))));
        status.textProperty().bind(model.statusProperty());
    }

    /** The what-if values behind the sliders. */
    public WhatIfModel model() {
        return model;
    }

    private void rebuild(List<WhatIfLeaf> leaves) {
        getChildren().setAll(title);
        boolean anyElement = false;
        for (WhatIfLeaf leaf : leaves) {
            boolean element = leaf.name().endsWith("]");
            anyElement |= element;
            if (!element || elements.isSelected()) {
                getChildren().add(slider(leaf));
            }
        }
        if (anyElement) {
            getChildren().add(elements);
        }
        getChildren().addAll(reset, timing, status);
        setVisible(!leaves.isEmpty());
        setManaged(!leaves.isEmpty());
    }

    private HBox slider(WhatIfLeaf leaf) {
        Label name = new Label(leaf.name());
        name.getStyleClass().add("what-if-name");
        Slider s = new Slider(leaf.min(), leaf.max(), leaf.recorded());
        s.setId("whatif-" + cssName(leaf.name()));
        s.setPrefWidth(130);
        Label value = new Label(text(leaf.recorded()));
        value.setId("whatif-value-" + cssName(leaf.name()));
        value.getStyleClass().add("what-if-value");
        value.setMinWidth(52);
        s.valueProperty().addListener((o, a, v) -> {
            value.setText(text(v.doubleValue()));
            model.set(leaf.name(), v.doubleValue());
        });
        HBox box = new HBox(6, name, s, value);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("what-if-leaf");
        return box;
    }

    private static String text(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A leaf's name usable in a CSS id: {@code x[2]} becomes {@code x-2}. */
    static String cssName(String leafName) {
        return leafName.replace("[", "-").replace("]", "");
    }
}
