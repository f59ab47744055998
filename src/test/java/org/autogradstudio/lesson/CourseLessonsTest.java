package org.autogradstudio.lesson;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The course in {@code lessons/}: every lesson runs, every comparison agrees, output equals PyTorch's. */
class CourseLessonsTest {
    private static final Path LESSONS = Path.of("lessons");

    @Test
    void theCourseHasAtLeastFourteenLessons() throws IOException {
        assertTrue(LessonStore.lessonFiles(LESSONS).size() >= 14);
    }

    @TestFactory
    Stream<DynamicTest> everyLessonPasses() throws IOException {
        List<Path> files = LessonStore.lessonFiles(LESSONS);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            LessonCheck.Result r = LessonCheck.check(file, LESSONS.resolve("expected"));
            assertTrue(r.passed(), () -> String.join("\n", r.problems()));
        }));
    }
}
