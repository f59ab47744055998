package org.autogradstudio.ui;

import static org.autogradstudio.ui.StudioFixture.fx;
import static org.autogradstudio.ui.StudioFixture.onFx;
import static org.autogradstudio.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.autogradstudio.lesson.LessonStore;
import org.autogradstudio.ui.lesson.CellModel;
import org.autogradstudio.ui.lesson.LessonLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edits are never lost: a course lesson's go to its draft, a user's file gets them back, both when leaving the lesson and when a cell runs. */
class EditsKeptTest {
    private StudioApp app;

    @BeforeEach
    void open() throws Exception {
        System.setProperty("studio.noInitialLesson", "true");
        app = StudioFixture.start(FakeKernel::new);
    }

    @AfterEach
    void close() throws Exception {
        StudioFixture.stop(app);
    }

    private CellModel firstCode() {
        return app.model().getNotebook().codeCells().get(0);
    }

    private LessonLibrary.Entry lesson(int index) throws Exception {
        return onFx(() -> app.model().lessons().get(index));
    }

    @Test
    void aCourseLessonsEditsSurviveLeavingItAndRevertRestoresTheOriginal() throws Exception {
        LessonLibrary.Entry first = lesson(0);
        assertTrue(first.builtIn());
        fx(() -> assertTrue(app.window().open(first)));
        String original = onFx(() -> firstCode().getSource());
        fx(() -> firstCode().sourceProperty().set("# my own try\n" + original));
        LessonLibrary.Entry second = lesson(1);
        fx(() -> assertTrue(app.window().open(second)));
        Path draft = app.model().drafts().pathFor(first.path(), true);
        assertTrue(Files.isRegularFile(draft), "draft written when the lesson was left");
        assertTrue(LessonStore.load(draft).cells().stream().anyMatch(c -> c.source().startsWith("# my own try")));
        fx(() -> assertTrue(app.window().open(first)));
        assertEquals("# my own try\n" + original, onFx(() -> firstCode().getSource()));
        fx(() -> {
            try {
                app.model().revertToOriginal();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(original, onFx(() -> firstCode().getSource()));
        assertFalse(Files.exists(draft));
    }

    @Test
    void aUsersFileGetsItsEditsBackAtomicallyWhenACellRuns() throws Exception {
        Path file = StudioFixture.lessonFile("mine.py", "# %%\nx = torch.tensor(6.7)\n");
        fx(() -> assertTrue(app.window().openFile(file)));
        fx(() -> firstCode().sourceProperty().set("x = torch.tensor(7.6)"));
        fx(() -> app.model().runner().run(firstCode()));
        waitFor(10, () -> !app.model().runner().isRunning());
        assertTrue(Files.readString(file).contains("x = torch.tensor(7.6)"), Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
    }
}
