package org.autogradstudio.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** Lesson 5 hands compare() its factors: each is checked against autograd's chain, and each agrees. */
    @Test
    void theLogisticLessonsManualFactorsAreEachCheckedAgainstAutogradsChain() throws Exception {
        Path file = LESSONS.resolve("05_logistic_neuron.py");
        try (LessonSession session = new LessonSession(file.toAbsolutePath().getParent())) {
            session.runAll(LessonStore.load(file), text -> { });
            Comparison dw = session.comparisons().stream().filter(c -> c.label().equals("dL/dw")).findFirst().orElseThrow();
            assertEquals(List.of("dL/dy_pred", "dy_pred/dz", "dz/dw"), dw.analysis().factors().stream()
                    .map(f -> f.name()).toList());
            for (var f : dw.analysis().factors()) {
                assertEquals(Boolean.TRUE, f.agrees(), f.name() + ": " + dw.message());
            }
        }
    }
}
