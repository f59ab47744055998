package org.autogradstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.autogradstudio.lesson.Cell;
import org.autogradstudio.ui.anim.AnimationModel;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.lesson.CellModel;
import org.autogradstudio.ui.lesson.LessonLibrary;
import org.autogradstudio.ui.run.OutputPump;
import org.autogradstudio.ui.run.ScriptWorker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Output batching, the script thread, cell output limits, the animation model, the lesson library. */
class RunMachineryTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void outputFromAPrintLoopReachesTheFxThreadInFewBatches() throws Exception {
        List<String> batches = new ArrayList<>();
        AtomicInteger fxCalls = new AtomicInteger();
        OutputPump pump = new OutputPump(s -> {
            assertTrue(Platform.isFxApplicationThread());
            fxCalls.incrementAndGet();
            batches.add(s);
        });
        for (int i = 0; i < 100_000; i++) {
            pump.accept(i + "\n");
        }
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            pump.drain();
            done.countDown();
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        String all = String.join("", batches);
        assertTrue(all.endsWith("99999\n"));
        assertTrue(fxCalls.get() < 50, "batches: " + fxCalls.get());
    }

    @Test
    void scriptThreadIsADaemonWithALargeStack() throws Exception {
        try (ScriptWorker w = new ScriptWorker()) {
            CountDownLatch ran = new CountDownLatch(1);
            int[] depth = new int[1];
            boolean[] daemon = new boolean[1];
            w.submit(() -> {
                daemon[0] = Thread.currentThread().isDaemon();
                depth[0] = recurse(0, 200_000);
                ran.countDown();
            });
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            assertTrue(daemon[0]);
            assertEquals(200_000, depth[0]);
        }
    }

    private static int recurse(int d, int max) {
        return d >= max ? d : recurse(d + 1, max);
    }

    @Test
    void cellOutputKeepsItsEndWhenItGrowsTooLong() throws Exception {
        CellModel c = new CellModel(new Cell(Cell.Kind.CODE, "x", 1));
        StudioFixture.fx(() -> {
            c.markRunning(1);
            for (int i = 0; i < 20_000; i++) {
                c.appendOutput("line " + i + "\n");
            }
        });
        assertTrue(c.getOutput().length() <= CellModel.MAX_OUTPUT + 100);
        assertTrue(c.getOutput().endsWith("line 19999\n"));
        assertTrue(c.getOutput().startsWith("\u2026 ["));
    }

    @Test
    void animationStepsClampAndStartAtTheEnd() throws Exception {
        var vars = EngineScripts.logistic();
        GraphData g = GraphBuildTest.withBackward(vars, "loss");
        AnimationModel m = new AnimationModel();
        StudioFixture.fx(() -> m.setGraph(g));
        int last = m.lengthProperty().get() - 1;
        assertEquals(last, m.getPosition());
        StudioFixture.fx(m::stepForward);
        assertEquals(last, m.getPosition());
        StudioFixture.fx(m::toStart);
        assertEquals(0, m.getPosition());
        StudioFixture.fx(m::stepBack);
        assertEquals(0, m.getPosition());
        assertTrue(m.hasBackward());
        StudioFixture.fx(() -> m.moveTo(m.backwardStart()));
        assertEquals("SEED", m.getFrame().step().kind().name());
        StudioFixture.fx(() -> m.setGraph(GraphData.EMPTY));
        assertEquals(1, m.lengthProperty().get());
        assertFalse(m.hasBackward());
    }

    @Test
    void lessonLibraryListsTheCourseInOrder() {
        List<LessonLibrary.Entry> lessons = LessonLibrary.builtIn();
        for (int i = 1; i < lessons.size(); i++) {
            assertTrue(lessons.get(i - 1).path().getFileName().toString()
                    .compareTo(lessons.get(i).path().getFileName().toString()) < 0);
        }
        for (LessonLibrary.Entry e : lessons) {
            assertTrue(e.builtIn());
            assertFalse(e.title().isBlank());
            assertFalse(e.path().getFileName().toString().equals("studio.py"), "helpers are not lessons");
            assertFalse(e.title().matches("(\\d+)\\. \\1\\..*"), "numbered once: " + e.title());
        }
    }
}
