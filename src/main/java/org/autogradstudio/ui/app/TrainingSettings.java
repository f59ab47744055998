package org.autogradstudio.ui.app;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.lesson.HyperParameter;
import org.autogradstudio.ui.lesson.NotebookModel;
import org.autogradstudio.ui.lesson.OptimizerSetting;

/**
 * The open lesson's training settings (learning rate, epochs ...) as fields, and a button that runs
 * the lesson again with them. A value is written into the code when accepted (Enter or leaving the field).
 */
public final class TrainingSettings extends FlowPane {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final StudioModel model;
    private final Button rerun = new Button();

    public TrainingSettings(StudioModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("training-settings");
        setId("training-settings");
        setAlignment(Pos.CENTER_LEFT);
        rerun.setId("training-rerun");
        rerun.textProperty().bind(I18n.text("charts.rerun"));
        rerun.getStyleClass().add(Styles.ACCENT);
        rebuild();
    }

    private void initListeners() {
        model.notebookProperty().addListener((o, a, nb) -> rebuild());
        rerun.setOnAction(e -> {
            NotebookModel nb = model.getNotebook();
            if (nb != null) {
                model.runner().runAll(nb.codeCells());
            }
        });
    }

    private void rebuild() {
        getChildren().clear();
        NotebookModel nb = model.getNotebook();
        List<HyperParameter> settings = nb == null ? List.of() : HyperParameter.find(nb.codeCells());
        for (HyperParameter h : settings) {
            getChildren().add(field(h));
        }
        OptimizerSetting optimizer = nb == null ? null : OptimizerSetting.find(nb.codeCells());
        if (optimizer != null) {
            getChildren().add(new org.autogradstudio.ui.train.OptimizerChoice(optimizer, this::rebuild));
        }
        boolean any = !settings.isEmpty() || optimizer != null;
        if (any) {
            getChildren().add(rerun);
        }
        setVisible(any);
        setManaged(any);
    }

    private FlowPane field(HyperParameter setting) {
        Label name = new Label(setting.name());
        name.getStyleClass().add("training-setting-name");
        TextField value = new TextField(setting.value());
        value.setId("setting-" + setting.name());
        value.setPrefColumnCount(6);
        HyperParameter[] current = {setting};
        Runnable commit = () -> {
            String text = value.getText();
            boolean ok = current[0].accepts(text);
            value.pseudoClassStateChanged(INVALID, !ok);
            if (ok && !text.strip().equals(current[0].value())) {
                try {
                    current[0] = current[0].set(text);
                } catch (IllegalStateException edited) {
                    // the learner moved the line: find the settings again
                    javafx.application.Platform.runLater(this::rebuild);
                }
            }
        };
        value.setOnAction(e -> commit.run());
        value.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        FlowPane box = new FlowPane(6, 0, name, value);
        box.getStyleClass().add("training-setting");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
