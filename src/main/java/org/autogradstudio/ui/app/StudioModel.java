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
import org.autogradstudio.ui.derivation.DerivationModel;
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
    private final LessonDrafts drafts;
    private final AnimationModel animation = new AnimationModel();
    private final GraphSelection selection = new GraphSelection();
    private final PresenterMode presenter = new PresenterMode();
    private final DerivationModel derivation;
    private final ObjectProperty<StudioTheme> theme = new SimpleObjectProperty<>(this, "theme", StudioTheme.LIGHT);

    public StudioModel(Kernel kernel) {
        this(kernel, LessonDrafts.forUser());
    }

    public StudioModel(Kernel kernel, LessonDrafts drafts) {
        this.drafts = drafts;
        this.runner = new RunController(kernel);
        this.derivation = new DerivationModel(runner, selection);
        // the code a cell runs is kept on disk as it starts: a crash or a runaway loop loses no edit
        runner.currentProperty().addListener((o, a, cell) -> {
            if (cell != null) {
                keepEditsQuietly();
            }
        });
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

    /** The chain rule for the selected leaf (the derivation panel's model). */
    public DerivationModel derivation() {
        return derivation;
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
        keepEditsQuietly();
        Path source = writesBack(entry) ? entry.path() : drafts.existing(entry.path(), entry.builtIn()).orElse(entry.path());
        Lesson lesson = LessonStore.load(source);
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

    /** Whether edits of a lesson go back to its own file (a percent-format file of the user's). */
    private static boolean writesBack(LessonLibrary.Entry entry) {
        return !entry.builtIn() && entry.path().getFileName().toString().endsWith(".py");
    }

    /** Where the open lesson's edits are kept: its own file, else its draft. */
    public Path editsFile() {
        LessonLibrary.Entry entry = openEntry.get();
        if (entry == null) {
            return null;
        }
        return writesBack(entry) ? entry.path() : drafts.pathFor(entry.path(), entry.builtIn());
    }

    /** Writes the open lesson's unsaved edits (atomically) to {@link #editsFile()}. */
    public void keepEdits() throws IOException {
        NotebookModel nb = notebook.get();
        if (nb == null || !nb.dirtyProperty().get()) {
            return;
        }
        Path target = editsFile();
        if (target.getParent() != null) {
            java.nio.file.Files.createDirectories(target.getParent());
        }
        LessonStore.save(nb.toLesson(), target);
        nb.markSaved();
    }

    private void keepEditsQuietly() {
        try {
            keepEdits();
        } catch (IOException | RuntimeException e) {
            System.err.println("[studio] cannot keep the edits of the lesson: " + e);
        }
    }

    /** Drops the open lesson's draft and opens the original again (built-in lessons and notebooks). */
    public void revertToOriginal() throws IOException, LessonFormatException {
        LessonLibrary.Entry entry = openEntry.get();
        if (entry == null || writesBack(entry)) {
            return;
        }
        notebook.get().markSaved();
        drafts.discard(entry.path(), entry.builtIn());
        open(entry);
    }

    public LessonDrafts drafts() {
        return drafts;
    }

    @Override
    public void close() {
        keepEditsQuietly();
        animation.pause();
        runner.close();
    }
}
