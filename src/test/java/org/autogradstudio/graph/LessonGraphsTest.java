package org.autogradstudio.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.autogradstudio.engine.BackwardListener;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.GraphLayout.Route;
import org.autogradstudio.lesson.Lesson;
import org.autogradstudio.lesson.LessonSession;
import org.autogradstudio.lesson.LessonStore;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The graph of every backward pass of every lesson lays out without edge crossings: left to right
 * and top to bottom, with the boxes sized for the values alone and for values and gradients (as the
 * exports draw them after the pass).
 */
class LessonGraphsTest {
    @TestFactory
    Stream<DynamicTest> everyLessonGraphIsDrawnWithoutCrossings() throws Exception {
        Path folder = Path.of("lessons");
        return LessonStore.lessonFiles(folder).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Lesson lesson = LessonStore.load(file);
            List<String> crossings = new ArrayList<>();
            int[] passes = {0};
            try (LessonSession s = new LessonSession(folder)) {
                BackwardTrace trace = new BackwardTrace();
                s.addBackwardListener(trace);
                s.addBackwardListener(new BackwardListener() {
                    private Tensor[] roots;

                    @Override
                    public void onBackwardStart(Tensor[] r, Tensor[] gradients) {
                        roots = r;
                    }

                    @Override
                    public void onBackwardEnd() {
                        passes[0]++;
                        ComputationGraph g = ComputationGraph.of(List.of(roots), s.tensorNames());
                        for (BackwardTrace t : new BackwardTrace[] {null, trace}) {
                            for (boolean down : new boolean[] {false, true}) {
                                int c = GraphLayout.of(g, t, down).crossings();
                                if (c != 0) {
                                    crossings.add("pass " + passes[0] + " (" + g.vertexCount() + " vertices, "
                                            + (down ? "top-down" : "left-right") + (t == null ? "" : ", with grads") + "): " + c);
                                }
                            }
                        }
                    }
                });
                s.runAll(lesson, text -> { });
            }
            assertTrue(passes[0] > 0, "the lesson runs no backward pass");
            assertEquals(List.of(), crossings);
        }));
    }

    @Test
    void theCrossingCountSeesACrossing() {
        GraphVertex a = vertex(0), b = vertex(1), c = vertex(2), d = vertex(3);
        GraphEdge ac = new GraphEdge(a, c, 0), bd = new GraphEdge(b, d, 0), ad = new GraphEdge(a, d, 0);
        Route diagonalDown = new Route(List.of(new double[] {0, 0}, new double[] {10, 10}));
        Route diagonalUp = new Route(List.of(new double[] {0, 10}, new double[] {10, 0}));
        // a->c and b->d cross in the middle; a->d shares a vertex with both, which is not a crossing
        assertEquals(1, new GraphLayout.Layout(Map.of(), Map.of(ac, diagonalDown, bd, diagonalUp), 10, 10).crossings());
        assertEquals(0, new GraphLayout.Layout(Map.of(), Map.of(ad, diagonalDown, bd, diagonalUp), 10, 10).crossings());
    }

    private static GraphVertex vertex(int id) {
        return new GraphVertex.TensorVertex(id, null, "v" + id, Role.CONSTANT);
    }
}
