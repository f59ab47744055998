package org.autogradstudio.ui.anim;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.autogradstudio.ui.I18n;

/** Play/pause, step back/forward, to start/end and speed, for an {@link AnimationModel}. */
public final class AnimationControls extends HBox {
    private final AnimationModel model;
    private final Button start = iconButton("anim-start", "anim.start");
    private final Button back = iconButton("anim-back", "anim.back");
    private final Button play = iconButton("anim-play", "anim.play");
    private final Button forward = iconButton("anim-forward", "anim.forward");
    private final Button end = iconButton("anim-end", "anim.end");
    private final Slider speed = new Slider(0.25, 4, 1);
    private final Label position = new Label();

    public AnimationControls(AnimationModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("animation-controls");
        setAlignment(Pos.CENTER_LEFT);
        speed.setId("anim-speed");
        speed.setPrefWidth(120);
        speed.setFocusTraversable(false);
        Label speedLabel = new Label();
        speedLabel.textProperty().bind(I18n.text("anim.speed"));
        position.setId("anim-position");
        position.getStyleClass().add("anim-position");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(start, back, play, forward, end, position, spacer, speedLabel, speed);
    }

    private void initListeners() {
        start.setOnAction(e -> model.toStart());
        back.setOnAction(e -> {
            model.pause();
            model.stepBack();
        });
        play.setOnAction(e -> model.togglePlay());
        forward.setOnAction(e -> {
            model.pause();
            model.stepForward();
        });
        end.setOnAction(e -> model.toEnd());
        speed.valueProperty().bindBidirectional(model.speedProperty());
        model.playingProperty().addListener((o, a, playing) -> {
            play.getStyleClass().removeAll("anim-play", "anim-pause");
            play.getStyleClass().add(playing ? "anim-pause" : "anim-play");
            play.getTooltip().textProperty().bind(I18n.text(playing ? "anim.pause" : "anim.play"));
        });
        position.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.get("anim.position", model.getPosition(), model.lengthProperty().get() - 1),
                model.positionProperty(), model.lengthProperty(), I18n.localeProperty()));
        back.disableProperty().bind(model.positionProperty().isEqualTo(0));
        start.disableProperty().bind(model.positionProperty().isEqualTo(0));
        forward.disableProperty().bind(model.positionProperty().greaterThanOrEqualTo(model.lengthProperty().subtract(1)));
        end.disableProperty().bind(forward.disableProperty());
        play.disableProperty().bind(model.lengthProperty().lessThanOrEqualTo(1));
    }

    private static Button iconButton(String id, String tooltipKey) {
        Button b = new Button();
        b.setId(id);
        Region icon = new Region();
        icon.getStyleClass().add("icon");
        b.setGraphic(icon);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, "icon-button", id);
        Tooltip t = new Tooltip();
        t.textProperty().bind(I18n.text(tooltipKey));
        b.setTooltip(t);
        b.setFocusTraversable(false);
        return b;
    }

    public Button playButton() {
        return play;
    }
}
