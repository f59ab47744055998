package org.autogradstudio.ui.lesson;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autogradstudio.lesson.Lesson;
import org.autogradstudio.lesson.LessonFormatException;
import org.autogradstudio.lesson.LessonStore;

/**
 * The course shipped with the application: the lesson files in the classpath folder
 * {@code lessons/} (a directory when run from the build, a folder inside the jar otherwise).
 */
public final class LessonLibrary {
    /** One lesson in the list: where it is, its title, and whether it lives inside the application. */
    public record Entry(Path path, String title, boolean builtIn) {
        @Override
        public String toString() {
            return title;
        }
    }

    private LessonLibrary() {
    }

    /** The built-in lessons in course order (empty when the folder is missing). Reads each file for its title. */
    public static List<Entry> builtIn() {
        Path folder = folder();
        List<Entry> out = new ArrayList<>();
        if (folder == null) {
            return out;
        }
        try {
            for (Path p : LessonStore.lessonFiles(folder)) {
                out.add(new Entry(p, titleOf(p), true));
            }
        } catch (IOException e) {
            System.err.println("[studio] cannot list the lessons: " + e);
        }
        return out;
    }

    private static String titleOf(Path p) {
        try {
            Lesson l = LessonStore.load(p);
            String num = p.getFileName().toString().replaceFirst("^(\\d+).*", "$1");
            String title = MarkdownRenderer.plainText(l.title());
            if (!num.matches("\\d+") || title.matches("\\d+[.)]\\s.*")) {
                return title; // not numbered, or numbered by its own title
            }
            return Integer.parseInt(num) + ". " + title;
        } catch (IOException | LessonFormatException | RuntimeException e) {
            return p.getFileName().toString();
        }
    }

    /** The {@code lessons/} folder on the classpath, or null. */
    static Path folder() {
        URL url = LessonLibrary.class.getResource("/lessons/");
        if (url == null) {
            return null;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/lessons");
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException | RuntimeException e) {
            System.err.println("[studio] cannot open the lessons folder: " + e);
            return null;
        }
    }
}
