package org.autogradstudio.ui.app;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.lesson.LessonLibrary;

/** The lesson list on the left: the built-in course, then files the user opened. A click opens a lesson. */
public final class LessonListView extends BorderPane {
    private final StudioModel model;
    private final Consumer<LessonLibrary.Entry> opener;
    private final ListView<LessonLibrary.Entry> list = new ListView<>();

    public LessonListView(StudioModel model, Consumer<LessonLibrary.Entry> opener) {
        this.model = model;
        this.opener = opener;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("lesson-list");
        Label title = new Label();
        title.textProperty().bind(I18n.text("lessons.title"));
        title.getStyleClass().addAll(Styles.TITLE_4, "panel-title");
        BorderPane bar = new BorderPane(title);
        bar.getStyleClass().add("panel-bar");
        setTop(bar);
        list.setId("lesson-list");
        list.setItems(model.lessons());
        list.getStyleClass().add(Styles.DENSE);
        list.setCellFactory(LessonCell::new);
        setCenter(list);
    }

    private void initListeners() {
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> openSelected());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        model.openEntryProperty().addListener((o, a, entry) -> list.getSelectionModel().select(entry));
    }

    private void openSelected() {
        LessonLibrary.Entry e = list.getSelectionModel().getSelectedItem();
        if (e != null && e != model.openEntryProperty().get()) {
            opener.accept(e);
        }
    }

    public ListView<LessonLibrary.Entry> list() {
        return list;
    }
}
