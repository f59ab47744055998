package org.autogradstudio.ui;

import static org.autogradstudio.ui.StudioFixture.fx;
import static org.autogradstudio.ui.StudioFixture.onFx;
import static org.autogradstudio.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.graph.VertexData;
import org.autogradstudio.ui.lesson.CellModel;
import org.autogradstudio.ui.train.ModelChart;
import org.autogradstudio.ui.train.ModelSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Training made visible, with the real interpreter: the model view of the regression, logistic and
 * MLP lessons, the charted parameters, the caption saying the graph was rebuilt every iteration,
 * what-if sliders replayed by the engine, and the optimizer chosen from the UI.
 */
class TrainingViewsTest extends RealStudioTest {

    private void runAllAndWait() throws Exception {
        runUpTo(null);
    }

    /** Runs the code cells up to the first whose source contains {@code marker} (all of them when null). */
    private void runUpTo(String marker) throws Exception {
        List<CellModel> chosen = onFx(() -> {
            List<CellModel> all = cells();
            for (int i = 0; marker != null && i < all.size(); i++) {
                if (all.get(i).getSource().contains(marker)) {
                    return List.copyOf(all.subList(0, i + 1));
                }
            }
            return List.copyOf(all);
        });
        fx(() -> app.model().runner().runAll(chosen));
        waitFor(90, () -> !app.model().runner().isRunning() && cells().stream().noneMatch(c -> c.getState() == CellModel.State.QUEUED));
        for (CellModel c : chosen) {
            assertEquals(CellModel.State.OK, c.getState(), () -> c.getSource() + "\n" + c.getError());
        }
        fx(() -> { });
    }

    private String output() throws Exception {
        return onFx(() -> cells().stream().map(CellModel::getOutput).collect(java.util.stream.Collectors.joining()));
    }

    private ModelChart modelChart() {
        return robot.lookup("#model-chart").queryAs(ModelChart.class);
    }

    private GraphData graph() throws Exception {
        return onFx(() -> app.model().runner().graphProperty().get());
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Test
    void theRegressionLessonDrawsItsPointsAndTheFittedLineWithTheEnginesParameters() throws Exception {
        open("13_linear_regression");
        runAllAndWait();
        Matcher m = Pattern.compile("Final prediction: y = (-?[0-9.]+) \\* x \\+ (-?[0-9.]+)").matcher(output());
        assertTrue(m.find(), output());
        ModelSnapshot s = onFx(() -> modelChart().drawn());
        assertNotNull(s, "the model view has a picture");
        assertEquals(ModelSnapshot.Kind.LINE, s.kind());
        assertEquals(m.group(1), f3(s.w()), "the line's w is the trained w");
        assertEquals(m.group(2), f3(s.b()), "the line's b is the trained b");
        assertTrue(onFx(() -> modelChart().titleText()).contains(m.group(1)));
        assertEquals(4, s.pointsX().length);
        // the line is the model at those parameters: w x + b at both ends
        assertEquals(s.w() * s.curveX()[0] + s.b(), s.curveY()[0], 1e-5);
        // the loss chart's last point is the loop's last loss, and the parameters are charted per step
        var feed = app.model().runner().charts();
        assertEquals(onFx(() -> feed.last("loss")), onFx(() -> app.window().charts().lastDrawn("loss")));
        // epochs as the code says (another test may have left a draft with other settings)
        Matcher e = Pattern.compile("(?m)^epochs = (\\d+)$").matcher(onFx(() -> cells().stream().map(CellModel::getSource)
                .collect(java.util.stream.Collectors.joining("\n"))));
        assertTrue(e.find());
        int epochs = Integer.parseInt(e.group(1));
        assertEquals(epochs, onFx(() -> feed.values("w").size()), "w per step");
        assertEquals(epochs, onFx(() -> feed.values("b").size()), "b per step");
        assertEquals(onFx(() -> feed.values("w").get(epochs - 1)), onFx(() -> app.window().charts().lastDrawn("w")));
        // the drawn graph is the loop's last one, and says so
        Label caption = robot.lookup("#iteration-caption").queryAs(Label.class);
        assertTrue(onFx(caption::isVisible));
        assertTrue(onFx(caption::getText).contains(epochs + " of " + epochs), onFx(caption::getText));
    }

    @Test
    void theLogisticLessonDrawsThePointsTheSigmoidAndTheDecisionBoundary() throws Exception {
        open("05_logistic_neuron");
        // up to the lesson's training loop (the five-student example after it makes one backward)
        runUpTo("for step in range(40)");
        ModelSnapshot s = onFx(() -> modelChart().drawn());
        assertNotNull(s);
        assertEquals(ModelSnapshot.Kind.LOGISTIC, s.kind());
        assertEquals(3, s.pointsX().length);
        VertexData w = graph().named("w"), b = graph().named("b");
        assertEquals(w.value().values()[0], s.w(), 0.0, "w as the engine holds it");
        assertEquals(b.value().values()[0], s.b(), 0.0, "b as the engine holds it");
        assertEquals(-s.b() / s.w(), s.boundary(), 1e-12);
        // the curve is sigmoid(w x + b); it crosses 1/2 at the boundary
        for (int i = 0; i < s.curveX().length; i++) {
            assertEquals(1 / (1 + Math.exp(-(s.w() * s.curveX()[i] + s.b()))), s.curveY()[i], 1e-5);
        }
        assertTrue(onFx(() -> modelChart().titleText()).contains(f3(s.boundary())));
        assertTrue(onFx(() -> robot.lookup("#iteration-caption").queryAs(Label.class).getText()).contains("40 of 40"));
        // `loss = ...` and `chart("loss", loss)` in the loop: one point per step, and w, b beside it
        var feed = app.model().runner().charts();
        assertEquals(40, onFx(() -> feed.values("loss").size()));
        assertEquals(40, onFx(() -> feed.values("w").size()));
        assertEquals(s.w(), onFx(() -> feed.last("w")), 0.0);
    }

    @Test
    void theMlpLessonDrawsDecisionRegionsFromItsOwnForward() throws Exception {
        open("15_mlp_moons");
        runAllAndWait();
        ModelSnapshot s = onFx(() -> modelChart().drawn());
        assertNotNull(s);
        assertEquals(ModelSnapshot.Kind.REGIONS, s.kind());
        assertEquals(200, s.pointsX().length);
        Matcher m = Pattern.compile("final accuracy: ([0-9.]+)").matcher(output());
        assertTrue(m.find());
        double accuracy = Double.parseDouble(m.group(1));
        // the regions classify the training points about as well as the lesson's printed accuracy
        int n = s.gridSize(), right = 0;
        for (int i = 0; i < s.pointsX().length; i++) {
            int c = (int) Math.min(n - 1, Math.floor((s.pointsX()[i] - s.xMin()) / (s.xMax() - s.xMin()) * n));
            int r = (int) Math.min(n - 1, Math.floor((s.pointsY()[i] - s.yMin()) / (s.yMax() - s.yMin()) * n));
            right += (s.grid()[r * n + c] > 0.5 ? 1 : 0) == (int) s.labels()[i] ? 1 : 0;
        }
        double regionAccuracy = right / 200.0;
        assertEquals(150, onFx(() -> app.model().runner().charts().values("loss").size()), "one loss point per step");
        assertEquals(accuracy, regionAccuracy, 0.08, "regions " + regionAccuracy + " vs printed " + accuracy);
    }

    @Test
    void movingTheWSliderReplaysTheGraphAndGivesTheEnginesGradient() throws Exception {
        open("13_linear_regression");
        runAllAndWait();
        Slider slider = robot.lookup("#whatif-w").queryAs(Slider.class);
        assertNotNull(slider, "a slider for w");
        double b = graph().named("b").value().values()[0];
        double[] x = {1, 2, 3, 4}, y = {2, 4, 6, 8};
        VertexData wVertex = graph().named("w");
        fx(() -> app.model().selection().select(wVertex));
        List<Double> latencies = new ArrayList<>();
        List<Double> replays = new ArrayList<>();
        for (double w : new double[] {1.5, 0.25, 2.75, 1.0, 3.0}) {
            GraphData before = graph();
            fx(() -> slider.setValue(w));
            waitFor(10, () -> app.model().runner().graphProperty().get() != before
                    && app.model().runner().graphProperty().get().named("w").value().values()[0] == (float) w);
            // independently: dL/dw = 2/N sum((w x + b - y) x)
            double expected = 0;
            for (int i = 0; i < 4; i++) {
                expected += 2.0 / 4 * (w * x[i] + b - y[i]) * x[i];
            }
            double grad = graph().named("w").grad().values()[0];
            assertEquals(expected, grad, 1e-4 * Math.max(1, Math.abs(expected)), "w.grad at w = " + w);
            double expectedFinal = expected;
            waitFor(10, () -> {
                var r = app.model().derivation().resultProperty().get();
                return r != null && r.autograd() != null && Math.abs(r.autograd() - expectedFinal) < 1e-4 * Math.max(1, Math.abs(expectedFinal));
            });
            latencies.add(onFx(() -> findWhatIfLatency()));
            replays.add(onFx(() -> robot.lookup("#what-if-bar").queryAs(org.autogradstudio.ui.whatif.WhatIfBar.class).model().replayTimeProperty().get()));
        }
        System.out.println("[what-if] latency (ms, slider moved to replayed graph shown): " + latencies);
        System.out.println("[what-if] replay alone on the script thread (ms): " + replays);
        // the script's own w is untouched: back to the recorded values
        fx(() -> robot.lookup("#whatif-reset").queryButton().fire());
        assertTrue(onFx(() -> robot.lookup("#whatif-timing").queryAs(Label.class).getText()).contains("ms"));
    }

    @Test
    void aSmallTensorLeafHasASliderPerElement() throws Exception {
        open("13_linear_regression");
        runAllAndWait();
        assertTrue(robot.lookup("#whatif-x-0").tryQuery().isEmpty(), "element sliders are folded away at first");
        fx(() -> robot.lookup("#whatif-elements").queryAs(javafx.scene.control.ToggleButton.class).setSelected(true));
        Slider x0 = robot.lookup("#whatif-x-0").queryAs(Slider.class);
        assertNotNull(x0, "x has four elements: a slider for x[0]");
        assertNotNull(robot.lookup("#whatif-x-3").queryAs(Slider.class));
        double w = graph().named("w").value().values()[0];
        double b = graph().named("b").value().values()[0];
        double[] x = {0.5, 2, 3, 4}, y = {2, 4, 6, 8};
        GraphData before = graph();
        fx(() -> x0.setValue(0.5));
        waitFor(10, () -> app.model().runner().graphProperty().get() != before
                && app.model().runner().graphProperty().get().named("x").value().values()[0] == 0.5);
        assertEquals(2.0, graph().named("x").value().values()[1], 0.0, "the other elements keep their values");
        // the replay changes values, not the graph: every vertex stays where it was drawn
        for (VertexData v : before.vertices()) {
            VertexData now = graph().vertex(v.id());
            assertEquals(v.x(), now.x(), 0.0, v.id());
            assertEquals(v.y(), now.y(), 0.0, v.id());
        }
        // independently, with x[0] = 0.5: dL/dw = 2/N sum((w x + b - y) x)
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += 2.0 / 4 * ((float) w * x[i] + b - y[i]) * x[i];
        }
        assertEquals(expected, graph().named("w").grad().values()[0], 1e-4 * Math.max(1, Math.abs(expected)));
    }

    private double findWhatIfLatency() {
        String t = robot.lookup("#whatif-timing").queryAs(Label.class).getText();
        Matcher m = Pattern.compile("([0-9.]+) ms").matcher(t);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void theOptimizerChosenInTheUiIsWrittenIntoTheCodeAndRuns() throws Exception {
        open("14_optimizers");
        fx(() -> app.window().sideTabs().getSelectionModel().select(2));
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#setting-optimizer").queryAs(ComboBox.class);
        assertEquals("SGD", onFx(box::getValue));
        assertTrue(onFx(box::getItems).contains("Adam"));
        fx(() -> box.setValue("Adam"));
        assertTrue(onFx(() -> cells().get(0).getSource()).contains("w, b, last = train(\"Adam\", epochs)"));
        fx(() -> app.model().runner().run(cells().get(0)));
        waitFor(60, () -> !app.model().runner().isRunning());
        assertEquals(100, onFx(() -> app.model().runner().charts().values("loss Adam").size()));
        assertTrue(onFx(() -> app.model().runner().charts().values("loss SGD").isEmpty()));
        // learning rate and epochs are settings of this lesson too: 30 epochs written in, then trained
        assertEquals("0.01", onFx(() -> robot.lookup("#setting-learning_rate").queryAs(javafx.scene.control.TextField.class).getText()));
        var epochs = robot.lookup("#setting-epochs").queryAs(javafx.scene.control.TextField.class);
        assertEquals("100", onFx(epochs::getText));
        robot.doubleClickOn(epochs);
        fx(epochs::selectAll);
        robot.write("30").type(javafx.scene.input.KeyCode.ENTER);
        assertTrue(onFx(() -> cells().get(0).getSource()).contains("\nepochs = 30\n"));
        fx(() -> app.model().runner().run(cells().get(0)));
        waitFor(60, () -> !app.model().runner().isRunning());
        assertEquals(30, onFx(() -> app.model().runner().charts().values("loss Adam").size()));
    }
}
