package org.autogradstudio.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where edits go that cannot be written back to their lesson: the course's own lessons (inside the
 * app) and imported notebooks. One percent-format file per lesson in {@code ~/.autograd-studio/drafts}
 * (or {@code -Dstudio.drafts=DIR}); opening the lesson again opens the draft, so an edit is never lost.
 */
public final class LessonDrafts {
    private final Path folder;

    public LessonDrafts(Path folder) {
        this.folder = folder;
    }

    /** The drafts folder of this user (or the one {@code studio.drafts} names). */
    public static LessonDrafts forUser() {
        String dir = System.getProperty("studio.drafts");
        return new LessonDrafts(dir != null ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".autograd-studio", "drafts"));
    }

    public Path folder() {
        return folder;
    }

    /**
     * The draft file of a lesson: a built-in one by its file name (stable between runs), any other by
     * its name and a hash of its absolute path (two notebooks called the same do not share a draft).
     */
    public Path pathFor(Path lesson, boolean builtIn) {
        String name = String.valueOf(lesson.getFileName()).replaceFirst("\\.(py|ipynb)$", "");
        if (!builtIn) {
            name += "-" + Integer.toHexString(lesson.toAbsolutePath().normalize().toString().hashCode());
        }
        return folder.resolve(name + ".py");
    }

    /** The draft of a lesson, if one was kept. */
    public Optional<Path> existing(Path lesson, boolean builtIn) {
        Path p = pathFor(lesson, builtIn);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Forgets the draft of a lesson (back to the original). */
    public void discard(Path lesson, boolean builtIn) throws IOException {
        Files.deleteIfExists(pathFor(lesson, builtIn));
    }
}
