package org.autogradstudio.ui.train;

import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.autogradstudio.ui.run.RunController;
import org.autogradstudio.ui.whatif.WhatIfBar;
import org.autogradstudio.ui.whatif.WhatIfModel;

/** The graph with, above it, the iteration caption of a training loop and the what-if sliders. */
public final class GraphColumn extends VBox {
    private final IterationCaption caption;
    private final WhatIfModel whatIf;
    private final WhatIfBar whatIfBar;

    public GraphColumn(Node graph, RunController runner) {
        this.caption = new IterationCaption(runner);
        this.whatIf = new WhatIfModel(runner);
        this.whatIfBar = new WhatIfBar(whatIf);
        getStyleClass().add("graph-column");
        VBox.setVgrow(graph, Priority.ALWAYS);
        getChildren().addAll(caption, whatIfBar, graph);
    }

    public IterationCaption caption() {
        return caption;
    }

    public WhatIfModel whatIf() {
        return whatIf;
    }
}
