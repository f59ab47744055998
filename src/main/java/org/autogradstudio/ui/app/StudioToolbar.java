package org.autogradstudio.ui.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.lesson.CellModel;
import org.autogradstudio.ui.run.RunController;

/** Run All, Stop, Restart and the run status. */
public final class StudioToolbar extends HBox {
    private final StudioModel model;
    private final Button runAll = new Button();
    private final Button stop = new Button();
    private final Button restart = new Button();
    private final Label status = new Label();

    public StudioToolbar(StudioModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("studio-toolbar");
        setAlignment(Pos.CENTER_LEFT);
        runAll.setId("run-all");
        runAll.textProperty().bind(I18n.text("toolbar.runAll"));
        runAll.getStyleClass().addAll(Styles.ACCENT, "with-icon", "tb-run-all");
        runAll.setGraphic(icon());
        stop.setId("stop");
        stop.textProperty().bind(I18n.text("toolbar.stop"));
        stop.getStyleClass().addAll(Styles.DANGER, "with-icon", "tb-stop");
        stop.setGraphic(icon());
        restart.setId("restart");
        restart.textProperty().bind(I18n.text("toolbar.restart"));
        restart.getStyleClass().addAll("with-icon", "tb-restart");
        restart.setGraphic(icon());
        status.setId("run-status");
        status.getStyleClass().add("run-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(runAll, stop, restart, status, spacer);
    }

    private static Region icon() {
        Region r = new Region();
        r.getStyleClass().add("icon");
        return r;
    }

    private void initListeners() {
        RunController runner = model.runner();
        runAll.setOnAction(e -> {
            if (model.getNotebook() != null) {
                runner.runAll(model.getNotebook().codeCells());
            }
        });
        stop.setOnAction(e -> runner.stop());
        restart.setOnAction(e -> runner.restart());
        stop.disableProperty().bind(runner.runningProperty().not());
        runAll.disableProperty().bind(model.notebookProperty().isNull());
        status.textProperty().bind(Bindings.createStringBinding(this::statusText, runner.runningProperty(),
                runner.currentProperty(), runner.outcomeProperty(), I18n.localeProperty()));
    }

    private String statusText() {
        RunController runner = model.runner();
        CellModel cur = runner.currentProperty().get();
        if (cur != null && model.getNotebook() != null) {
            int n = model.getNotebook().codeIndexOf(cur);
            return runner.queued() > 0 ? I18n.get("toolbar.status.queued", n, runner.queued()) : I18n.get("toolbar.status.running", n);
        }
        switch (runner.outcomeProperty().get()) {
            case OK:
                return I18n.get("toolbar.status.done", runner.lastDurationProperty().get() + " ms");
            case ERROR:
                return I18n.get("toolbar.status.error", failedCell());
            case CANCELLED:
                return I18n.get("toolbar.status.cancelled");
            default:
                return I18n.get("toolbar.status.idle");
        }
    }

    private int failedCell() {
        if (model.getNotebook() == null) {
            return 0;
        }
        for (CellModel c : model.getNotebook().codeCells()) {
            if (c.getState() == CellModel.State.ERROR) {
                return model.getNotebook().codeIndexOf(c);
            }
        }
        return 0;
    }

    public Button runAllButton() {
        return runAll;
    }

    public Button stopButton() {
        return stop;
    }

    public Button restartButton() {
        return restart;
    }

    public Label status() {
        return status;
    }
}
