package org.autogradstudio.ui.train;

import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.autogradstudio.ui.run.RunController;
import org.autogradstudio.ui.whatif.WhatIfBar;
import org.autogradstudio.ui.whatif.WhatIfModel;

/** The graph with, above it, the iteration caption of a training loop; it also makes the what-if sliders. */
public final class GraphColumn extends VBox {
    private final IterationCaption caption;
    private final WhatIfModel whatIf;
    private final WhatIfBar whatIfBar;

    /** {@code refit} fits the graph to its view again: the strips above it take room when they appear. */
    public GraphColumn(Node graph, RunController runner, Runnable refit) {
        this.caption = new IterationCaption(runner);
        this.whatIf = new WhatIfModel(runner);
        this.whatIfBar = new WhatIfBar(whatIf);
        VBox.setVgrow(whatIfBar, Priority.NEVER);
        getStyleClass().add("graph-column");
        VBox.setVgrow(graph, Priority.ALWAYS);
        getChildren().addAll(caption, graph);
        javafx.beans.value.ChangeListener<Number> resized = (o, a, b) -> javafx.application.Platform.runLater(refit);
        caption.heightProperty().addListener(resized);

    }

    public IterationCaption caption() {
        return caption;
    }

    /** The what-if sliders, placed by the window (above the side tabs: the graph keeps its room). */
    public WhatIfBar whatIfBar() {
        return whatIfBar;
    }

    public WhatIfModel whatIf() {
        return whatIf;
    }
}
