package org.autogradstudio.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesAtomicallyAndLoadsBack() throws Exception {
        Path file = dir.resolve("01_square.py");
        Lesson lesson = PercentFormat.read("01_square.py", "# %%\nx = 2\n");
        LessonStore.save(lesson.withCell(0, lesson.cells().get(0).withSource("x = 3")), file);
        assertEquals("x = 3", LessonStore.load(file).cells().get(0).source());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void binaryFilesAreRefusedWithTheirLine() throws IOException {
        Path file = dir.resolve("02_bad.py");
        Files.writeString(file, "x = 1\ny = 2\n\0\0");
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonStore.load(file));
        assertEquals(3, e.line());
        assertEquals("02_bad.py", e.file());
    }

    @Test
    void lessonFilesAreNumberedOnesInOrder() throws IOException {
        for (String name : new String[] {"02_b.py", "studio.py", "01_a.py", "10_c.ipynb", "notes.txt"}) {
            Files.writeString(dir.resolve(name), "");
        }
        assertEquals(List.of("01_a.py", "02_b.py", "10_c.ipynb"),
                LessonStore.lessonFiles(dir).stream().map(p -> p.getFileName().toString()).toList());
    }
}
