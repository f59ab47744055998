package org.autogradstudio.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.autogradstudio.lesson.Lesson;
import org.autogradstudio.lesson.LessonSession;
import org.autogradstudio.lesson.LessonStore;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The graph of every lesson's last backward pass lays out without edge crossings. */
class LessonGraphsTest {
    @TestFactory
    Stream<DynamicTest> everyLessonGraphIsDrawnWithoutCrossings() throws Exception {
        Path folder = Path.of("lessons");
        return LessonStore.lessonFiles(folder).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Lesson lesson = LessonStore.load(file);
            try (LessonSession s = new LessonSession(folder)) {
                s.runAll(lesson, text -> { });
                List<org.autogradstudio.engine.Tensor> roots = s.lastBackwardRoots();
                if (roots.isEmpty()) {
                    return;
                }
                ComputationGraph g = ComputationGraph.of(roots, s.tensorNames());
                GraphLayout.Layout layout = GraphLayout.of(g, null, false);
                assertEquals(0, layout.crossings(), g.vertexCount() + " vertices");
            }
        }));
    }
}
