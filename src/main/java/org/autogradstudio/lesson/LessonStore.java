package org.autogradstudio.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Loading lessons from disk ({@code .py} percent format or {@code .ipynb}) and saving them atomically. */
public final class LessonStore {
    private LessonStore() {
    }

    public static Lesson load(Path file) throws IOException, LessonFormatException {
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new LessonFormatException(name, 1, "the file is not UTF-8 text");
        }
        if (name.endsWith(".ipynb")) {
            return NotebookImport.read(name, text);
        }
        if (text.indexOf('\0') >= 0) {
            throw new LessonFormatException(name, lineOfNul(text), "the file contains binary data");
        }
        return PercentFormat.read(name, text);
    }

    private static int lineOfNul(String text) {
        return (int) text.substring(0, text.indexOf('\0')).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Writes the lesson to {@code file} through a temporary file and an atomic rename: never half-written. */
    public static void save(Lesson lesson, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, PercentFormat.write(lesson), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The lesson files of a folder ({@code NN_name.py}, excluding helpers such as {@code studio.py}), sorted. */
    public static List<Path> lessonFiles(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> p.getFileName().toString().matches("\\d+.*\\.(py|ipynb)")).sorted().forEach(out::add);
        }
        return out;
    }
}
