package org.autogradstudio.ui.app;

import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import org.autogradstudio.ui.lesson.LessonLibrary;

/** A lesson title in the list, wrapped to the list's width so long titles stay readable. */
final class LessonCell extends ListCell<LessonLibrary.Entry> {
    /** A file the user opened (editable, saved where it came from), not one of the course's. */
    private static final PseudoClass OPENED = PseudoClass.getPseudoClass("opened");
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
        title.setText(empty || entry == null ? null
                : entry.builtIn() ? entry.title() : entry.title() + "\n" + entry.path().getFileName());
        pseudoClassStateChanged(OPENED, !empty && entry != null && !entry.builtIn());
        setGraphic(empty || entry == null ? null : title);
    }
}
