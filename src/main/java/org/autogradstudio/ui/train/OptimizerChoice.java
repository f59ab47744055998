package org.autogradstudio.ui.train;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.lesson.OptimizerSetting;

/** The training settings' optimizer menu (SGD, Adam ...): a choice is written into the lesson's code. */
public final class OptimizerChoice extends FlowPane {
    private final ComboBox<String> box = new ComboBox<>();
    private OptimizerSetting setting;
    private final Runnable moved;

    /** {@code moved} runs when the line was edited away and the settings must be found again. */
    public OptimizerChoice(OptimizerSetting setting, Runnable moved) {
        this.setting = setting;
        this.moved = moved;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("training-setting");
        setHgap(6);
        setAlignment(Pos.CENTER_LEFT);
        Label name = new Label();
        name.textProperty().bind(I18n.text("charts.optimizer"));
        name.getStyleClass().add("training-setting-name");
        box.setId("setting-optimizer");
        box.getItems().setAll(setting.choices());
        box.setValue(setting.value());
        getChildren().addAll(name, box);
    }

    private void initListeners() {
        box.valueProperty().addListener((o, a, choice) -> {
            if (choice == null || choice.equals(setting.value())) {
                return;
            }
            try {
                setting = setting.set(choice);
            } catch (IllegalStateException edited) {
                javafx.application.Platform.runLater(moved);
            }
        });
    }
}
