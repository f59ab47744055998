package org.autogradstudio.ui.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.autogradstudio.lesson.Cell;
import org.autogradstudio.lesson.Lesson;

/**
 * The open lesson: its cells as models, the file it came from (null when it came from inside the
 * application or is not saved yet) and whether it was edited since.
 */
public final class NotebookModel {
    private final String name;
    private final String title;
    private final Path file;
    private final ObservableList<CellModel> cells = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);

    public NotebookModel(Lesson lesson, Path file) {
        this.name = lesson.name();
        this.title = MarkdownRenderer.plainText(lesson.title());
        this.file = file;
        for (Cell c : lesson.cells()) {
            CellModel m = new CellModel(c);
            m.sourceProperty().addListener((o, a, b) -> dirty.set(true));
            cells.add(m);
        }
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    /** The file the lesson was loaded from, if it is a file the user can save to. */
    public Path file() {
        return file;
    }

    public ObservableList<CellModel> cells() {
        return cells;
    }

    public List<CellModel> codeCells() {
        return cells.stream().filter(CellModel::isCode).toList();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public void markSaved() {
        dirty.set(false);
    }

    /** The lesson with the sources as edited now. */
    public Lesson toLesson() {
        List<Cell> out = new ArrayList<>();
        for (CellModel c : cells) {
            out.add(c.toCell());
        }
        return new Lesson(name, title, out);
    }

    /** The 1-based number of a code cell among the code cells (as shown next to the cell). */
    public int codeIndexOf(CellModel cell) {
        return codeCells().indexOf(cell) + 1;
    }
}
