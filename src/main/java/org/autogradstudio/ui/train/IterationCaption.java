package org.autogradstudio.ui.train;

import javafx.scene.control.Label;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.Resources;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.run.RunController;

/**
 * Says, over the graph, that a loop rebuilt the graph at every step and that the one drawn is the
 * last: "iteration 100 of 100". Shown when the cell that left the drawn graph ran more than one
 * backward pass.
 */
public final class IterationCaption extends Label {
    private final RunController runner;

    public IterationCaption(RunController runner) {
        this.runner = runner;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("iteration-caption");
        getStylesheets().add(Resources.stylesheet("training.css"));
        setId("iteration-caption");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        update();
    }

    private void initListeners() {
        runner.backwardPassesProperty().addListener((o, a, b) -> update());
        runner.graphProperty().addListener((o, a, b) -> update());
        I18n.localeProperty().addListener((o, a, b) -> update());
    }

    private void update() {
        int passes = runner.backwardPassesProperty().get();
        GraphData g = runner.graphProperty().get();
        boolean show = passes > 1 && g != null && !g.isEmpty() && !g.trace().isEmpty();
        setText(show ? I18n.get("graph.rebuilt", Integer.toString(passes)) : "");
        setVisible(show);
        setManaged(show);
    }
}
