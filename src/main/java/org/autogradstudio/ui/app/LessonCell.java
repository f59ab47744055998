package org.autogradstudio.ui.app;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import org.autogradstudio.ui.lesson.LessonLibrary;

/** A lesson title in the list, wrapped to the list's width so long titles stay readable. */
final class LessonCell extends ListCell<LessonLibrary.Entry> {
    private final Text title = new Text();

    LessonCell(ListView<LessonLibrary.Entry> list) {
        getStyleClass().add("lesson-cell");
        title.getStyleClass().add("lesson-cell-title");
        // a Text wraps at a width it is given, and reports the height of all its lines
        title.wrappingWidthProperty().bind(list.widthProperty().subtract(30));
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(LessonLibrary.Entry entry, boolean empty) {
        super.updateItem(entry, empty);
        title.setText(empty || entry == null ? null : entry.title());
        setGraphic(empty || entry == null ? null : title);
    }
}
