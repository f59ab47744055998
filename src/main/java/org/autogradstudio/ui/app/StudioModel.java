package org.autogradstudio.ui.app;

import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.autogradstudio.lesson.Lesson;
import org.autogradstudio.lesson.LessonFormatException;
import org.autogradstudio.lesson.LessonStore;
import org.autogradstudio.ui.StudioTheme;
import org.autogradstudio.ui.anim.AnimationModel;
import org.autogradstudio.ui.graph.GraphSelection;
import org.autogradstudio.ui.lesson.LessonLibrary;
import org.autogradstudio.ui.lesson.MarkdownRenderer;
import org.autogradstudio.ui.lesson.NotebookModel;
import org.autogradstudio.ui.run.Kernel;
import org.autogradstudio.ui.run.RunController;

/**
 * The studio's state: the lessons on offer, the open lesson, the kernel running it, the graph
 * animation and the selection. Views observe it; it knows nothing of views. FX thread only.
 */
public final class StudioModel implements AutoCloseable {
    private final ObservableList<LessonLibrary.Entry> lessons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<NotebookModel> notebook = new ReadOnlyObjectWrapper<>(this, "notebook");
    private final ReadOnlyObjectWrapper<LessonLibrary.Entry> openEntry = new ReadOnlyObjectWrapper<>(this, "openEntry");
    private final RunController runner;
    private final AnimationModel animation = new AnimationModel();
    private final GraphSelection selection = new GraphSelection();
    private final PresenterMode presenter = new PresenterMode();
    private final ObjectProperty<StudioTheme> theme = new SimpleObjectProperty<>(this, "theme", StudioTheme.LIGHT);

    public StudioModel(Kernel kernel) {
        this.runner = new RunController(kernel);
        runner.graphProperty().addListener((o, a, g) -> {
            selection.follow(g);
            animation.setGraph(g);
        });
    }

    public ObservableList<LessonLibrary.Entry> lessons() {
        return lessons;
    }

    public ReadOnlyObjectProperty<NotebookModel> notebookProperty() {
        return notebook.getReadOnlyProperty();
    }

    public NotebookModel getNotebook() {
        return notebook.get();
    }

    /** The lesson-list entry of the open lesson. */
    public ReadOnlyObjectProperty<LessonLibrary.Entry> openEntryProperty() {
        return openEntry.getReadOnlyProperty();
    }

    public RunController runner() {
        return runner;
    }

    public AnimationModel animation() {
        return animation;
    }

    public GraphSelection selection() {
        return selection;
    }

    public PresenterMode presenter() {
        return presenter;
    }

    /** The theme in force; the window applies it to its scene. */
    public ObjectProperty<StudioTheme> themeProperty() {
        return theme;
    }

    /** Opens a lesson file; the kernel restarts (a fresh namespace). Throws for unreadable or malformed files. */
    public void open(LessonLibrary.Entry entry) throws IOException, LessonFormatException {
        Lesson lesson = LessonStore.load(entry.path());
        runner.restart();
        notebook.set(new NotebookModel(lesson, entry.builtIn() ? null : entry.path()));
        openEntry.set(entry);
        if (!lessons.contains(entry)) {
            lessons.add(entry);
        }
    }

    /** Opens a file the user chose (File > Open, or the command line). */
    public void openFile(Path file) throws IOException, LessonFormatException {
        Path abs = file.toAbsolutePath().normalize();
        for (LessonLibrary.Entry e : lessons) {
            if (e.path().equals(abs)) {
                open(e);
                return;
            }
        }
        Lesson lesson = LessonStore.load(abs);
        open(new LessonLibrary.Entry(abs, MarkdownRenderer.plainText(lesson.title()), false));
    }

    /** Saves the open lesson to {@code file} (atomically) and makes it the lesson's file. */
    public void saveAs(Path file) throws IOException {
        NotebookModel nb = notebook.get();
        if (nb == null) {
            return;
        }
        LessonStore.save(nb.toLesson(), file);
        nb.markSaved();
    }

    @Override
    public void close() {
        animation.pause();
        runner.close();
    }
}
