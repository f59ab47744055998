package org.autogradstudio.ui;

import static org.autogradstudio.ui.StudioFixture.fx;
import static org.autogradstudio.ui.StudioFixture.onFx;
import static org.autogradstudio.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.autogradstudio.lesson.Comparison;
import org.autogradstudio.ui.derivation.DerivationPanel;
import org.autogradstudio.ui.graph.GraphCanvas;
import org.autogradstudio.ui.graph.GraphData;
import org.junit.jupiter.api.Test;

/**
 * The derivation panel as a learner uses it: run the logistic-neuron lesson up to its backward,
 * click {@code w} in the graph, and read the chain rule, autograd's {@code .grad} and the finite
 * difference, each equal to the gradient the lesson printed; the lesson's manual comparisons listed.
 */
class DerivationPanelTest extends RealStudioTest {

    private String runLogisticLessonToItsFirstBackward() throws Exception {
        open("logistic");
        return StudioFixture.runToFirstBackward(app);
    }

    private void clickVertex(String name) throws Exception {
        GraphCanvas canvas = app.window().graphPanel().canvas();
        GraphData g = onFx(canvas::graph);
        assertNotNull(g.named(name), name + " is drawn");
        robot.clickOn("#graph-fit");
        robot.clickOn(onFx(() -> canvas.vertexView(g.named(name).id())));
    }

    @Test
    void clickingWShowsTheChainRuleAutogradAndTheFiniteDifferenceAgreeingWithThePrintedGradient() throws Exception {
        String out = runLogisticLessonToItsFirstBackward();
        double wGrad = StudioFixture.printed(out, "Gradient of w:");
        clickVertex("w");
        DerivationPanel panel = app.window().derivationPanel();
        waitFor(20, () -> panel.titleShown().contains("w") && !panel.numbersShown().get(0).equals("\u2013"));
        assertEquals("tab-derivation", onFx(() -> app.window().sideTabs().getSelectionModel().getSelectedItem().getId()));
        assertEquals("\u2202loss / \u2202w", onFx(panel::titleShown));
        List<String> numbers = onFx(panel::numbersShown);
        double chain = Double.parseDouble(numbers.get(0));
        double autograd = Double.parseDouble(numbers.get(1));
        double numeric = Double.parseDouble(numbers.get(2));
        // the lesson printed w.grad to 4 decimals; the three numbers agree with it and with each other
        assertEquals(wGrad, autograd, 5e-5, numbers.toString());
        assertEquals(autograd, chain, 1e-4 * Math.abs(autograd), numbers.toString());
        assertEquals(autograd, numeric, 1e-3 * Math.abs(autograd), numbers.toString());
        assertTrue(onFx(panel::verdictShown).startsWith("\u2713"), onFx(panel::verdictShown));
        assertTrue(onFx(panel::formulaCount) >= 2, "the chain rule is drawn line by line");
        // the lesson's own manual gradients, compared with autograd, are listed and agree
        List<Comparison> compared = onFx(() -> app.model().runner().comparisonsProperty().get());
        assertTrue(compared.stream().anyMatch(c -> c.label().equals("dL/dw") && c.match()), compared.toString());
        assertNotNull(robot.lookup("#comparisons").query());
    }

    @Test
    void aNewFiniteDifferenceStepIsUsedAndBAlsoDerives() throws Exception {
        String out = runLogisticLessonToItsFirstBackward();
        double bGrad = StudioFixture.printed(out, "Gradient of b:");
        clickVertex("b");
        DerivationPanel panel = app.window().derivationPanel();
        waitFor(20, () -> panel.titleShown().endsWith("\u2202b") && !panel.numbersShown().get(0).equals("\u2013"));
        assertEquals(bGrad, Double.parseDouble(onFx(panel::numbersShown).get(1)), 5e-5);
        String before = onFx(panel::numbersShown).get(2);
        fx(() -> app.model().derivation().stepProperty().set(1e-1));
        waitFor(20, () -> !panel.numbersShown().get(2).equals(before));
        // a coarse step moves the estimate but it stays near the gradient
        double coarse = Double.parseDouble(onFx(panel::numbersShown).get(2));
        assertEquals(bGrad, coarse, 0.05);
        assertTrue(String.format(Locale.ROOT, "%.6f", bGrad).length() > 0);
    }

    @Test
    void aHiddenPanelWorksNothingOutUntilItIsShownAgain() throws Exception {
        runLogisticLessonToItsFirstBackward();
        clickVertex("w");
        var derivation = app.model().derivation();
        waitFor(20, () -> derivation.resultProperty().get() != null);
        var shown = onFx(() -> derivation.resultProperty().get());
        fx(() -> app.window().sideTabs().getSelectionModel().select(0));
        assertTrue(!onFx(() -> derivation.activeProperty().get()), "the inspector hides the chain rule");
        fx(() -> derivation.stepProperty().set(1e-1));
        // nothing was queued on the script thread: no status, the old result kept
        assertEquals("", onFx(() -> derivation.statusProperty().get()));
        Thread.sleep(300);
        assertTrue(onFx(() -> derivation.resultProperty().get()) == shown, "no derivation while hidden");
        fx(() -> app.window().sideTabs().getSelectionModel().select(1));
        waitFor(20, () -> derivation.resultProperty().get() != shown && derivation.resultProperty().get() != null);
        assertTrue(onFx(() -> derivation.resultProperty().get()).numeric() != shown.numeric(),
                "shown again, it uses the step set while hidden");
    }
}
