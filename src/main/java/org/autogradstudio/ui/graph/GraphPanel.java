package org.autogradstudio.ui.graph;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.anim.AnimationControls;
import org.autogradstudio.ui.anim.AnimationModel;

/**
 * The graph side of the studio: a title bar with the role legend and zoom buttons, the
 * {@link GraphCanvas}, the caption of the current step and the animation controls.
 */
public final class GraphPanel extends BorderPane {
    private final AnimationModel animation;
    private final GraphCanvas canvas;
    private final AnimationControls controls;
    private final Label caption = new Label();
    private final Label empty = new Label();

    public GraphPanel(AnimationModel animation, GraphSelection selection) {
        this.animation = animation;
        this.canvas = new GraphCanvas(selection);
        this.controls = new AnimationControls(animation);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("graph-panel");
        Label title = new Label();
        title.textProperty().bind(I18n.text("graph.title"));
        title.getStyleClass().addAll(Styles.TITLE_4, "panel-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer,
                button("graph-zoom-out", "graph-zoom-out", "graph.zoomOut", canvas::zoomOut),
                button("graph-zoom-in", "graph-zoom-in", "graph.zoomIn", canvas::zoomIn),
                button("graph-fit", "graph-fit", "graph.fit", canvas::fit));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("panel-bar");
        setTop(new VBox(bar, legend()));
        empty.textProperty().bind(I18n.text("graph.empty"));
        empty.getStyleClass().add("graph-empty");
        StackPane centre = new StackPane(canvas, empty);
        centre.getStyleClass().add("graph-centre");
        setCenter(centre);
        caption.setId("anim-caption");
        caption.getStyleClass().add("anim-caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setWrapText(true);
        VBox bottom = new VBox(caption, controls);
        bottom.getStyleClass().add("graph-bottom");
        setBottom(bottom);
    }

    private static FlowPane legend() {
        FlowPane box = new FlowPane(14, 4);
        box.getStyleClass().add("legend");
        for (String role : new String[] {"parameter", "constant", "intermediate", "output", "active"}) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("swatch", "role-" + role);
            Label l = new Label();
            l.textProperty().bind(I18n.text("role." + role));
            l.setGraphic(swatch);
            box.getChildren().add(l);
        }
        return box;
    }

    private static Button button(String id, String iconClass, String tooltipKey, Runnable action) {
        Button b = new Button();
        b.setId(id);
        Region icon = new Region();
        icon.getStyleClass().add("icon");
        b.setGraphic(icon);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "icon-button", iconClass);
        Tooltip t = new Tooltip();
        t.textProperty().bind(I18n.text(tooltipKey));
        b.setTooltip(t);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void initListeners() {
        animation.planProperty().addListener((o, a, plan) -> {
            canvas.setGraph(plan.graph());
            empty.setVisible(plan.graph().isEmpty());
            canvas.apply(animation.getFrame(), animation.secondsPerStep());
            caption.setText(animation.getFrame().caption());
        });
        animation.frameProperty().addListener((o, a, f) -> {
            canvas.apply(f, animation.secondsPerStep());
            caption.setText(f.caption());
        });
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    public AnimationControls controls() {
        return controls;
    }

    public Label caption() {
        return caption;
    }
}
