package org.autogradstudio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.autogradstudio.engine.Engine;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.ui.anim.Frame;
import org.autogradstudio.ui.anim.StepPlan;
import org.autogradstudio.ui.graph.EdgeData;
import org.autogradstudio.ui.graph.EngineGraphBuilder;
import org.autogradstudio.ui.graph.GraphData;
import org.autogradstudio.ui.graph.NumberText;
import org.autogradstudio.ui.graph.Role;
import org.autogradstudio.ui.graph.TraceRecorder;
import org.autogradstudio.ui.graph.TraceStep;
import org.autogradstudio.ui.graph.VertexData;
import org.autogradstudio.ui.graph.VertexKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The drawn graph and the replayed backward pass, built from engine graphs (no interpreter needed). */
class GraphBuildTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static GraphData withBackward(Map<String, Tensor> vars, String root) {
        TraceRecorder rec = new TraceRecorder();
        Engine.addListener(rec);
        try {
            vars.get(root).backward();
        } finally {
            Engine.removeListener(rec);
        }
        return EngineGraphBuilder.build(List.of(vars.get(root)), EngineScripts.names(vars), rec.lastPass());
    }

    @Test
    void logisticGraphHasNamedTensorsRolesAndFunctions() {
        Map<String, Tensor> vars = EngineScripts.logistic();
        GraphData g = EngineGraphBuilder.build(List.of(vars.get("loss")), EngineScripts.names(vars), null);
        assertEquals(Role.PARAMETER, g.named("w").role());
        assertEquals(Role.PARAMETER, g.named("b").role());
        assertEquals(Role.CONSTANT, g.named("x").role());
        assertEquals(Role.CONSTANT, g.named("y").role());
        assertEquals(Role.INTERMEDIATE, g.named("z").role());
        assertEquals(Role.INTERMEDIATE, g.named("y_pred").role());
        assertEquals(Role.OUTPUT, g.named("loss").role());
        List<String> ops = g.vertices().stream().filter(v -> v.kind() == VertexKind.FUNCTION).map(VertexData::opName)
                .sorted().collect(Collectors.toList());
        assertTrue(ops.containsAll(List.of("AddBackward0", "MulBackward0", "SigmoidBackward0", "ClampBackward1",
                "LogBackward0", "NegBackward0")), ops.toString());
        VertexData mul = g.vertices().stream().filter(v -> v.kind() == VertexKind.FUNCTION && "MulBackward0".equals(v.opName())).findFirst().orElseThrow();
        assertEquals("\u00d7", mul.symbol());
        assertTrue(g.trace().isEmpty());
        // laid out left to right: leaves before the root, every box sized
        assertTrue(g.named("w").x() < g.named("loss").x());
        for (VertexData v : g.vertices()) {
            assertTrue(v.width() > 40 && v.height() > 40, v.toString());
        }
        for (EdgeData e : g.edges()) {
            assertTrue(g.vertex(e.from()).order() <= g.vertex(e.to()).order(), "forward order along " + e);
        }
    }

    @Test
    void backwardTraceReplaysTheEnginesGradients() {
        Map<String, Tensor> vars = EngineScripts.logistic();
        GraphData g = withBackward(vars, "loss");
        List<TraceStep> trace = g.trace();
        assertEquals(TraceStep.Kind.SEED, trace.get(0).kind());
        assertEquals(g.named("loss").id(), trace.get(0).target());
        for (TraceStep s : trace) {
            if (s.kind() == TraceStep.Kind.EDGE) {
                EdgeData e = g.edge(s.edge());
                assertNotNull(e, "edge of " + s);
                assertEquals(s.target(), e.from());
                assertEquals(s.vertex(), e.to());
            }
        }
        double wGrad = vars.get("w").grad().item();
        double bGrad = vars.get("b").grad().item();
        TraceStep accW = trace.stream().filter(s -> s.kind() == TraceStep.Kind.ACCUMULATE && s.target().equals(g.named("w").id()))
                .findFirst().orElseThrow();
        assertEquals(wGrad, accW.sum().values()[0]);
        // the edge into w: upstream (dL/dmul) × local (x = 6.7) = product (w.grad)
        TraceStep edgeW = trace.stream().filter(s -> s.kind() == TraceStep.Kind.EDGE && s.target().equals(g.named("w").id()))
                .findFirst().orElseThrow();
        assertEquals(6.7, edgeW.local().values()[0], 1e-5);
        assertEquals(wGrad, edgeW.product().values()[0]);
        assertTrue(edgeW.equation().endsWith("= " + NumberText.format(wGrad)), edgeW.equation());
        Frame end = new StepPlan(g).frame(new StepPlan(g).size() - 1);
        assertEquals(wGrad, end.grads().get(g.named("w").id()).values()[0]);
        assertEquals(bGrad, end.grads().get(g.named("b").id()).values()[0]);
        assertEquals("6.6918", NumberText.format(wGrad));
        assertEquals("0.9988", NumberText.format(bGrad));
    }

    @Test
    void gradientsMeetingAtAReusedVariableShowARunningSum() {
        Map<String, Tensor> vars = EngineScripts.reuse();
        GraphData g = withBackward(vars, "y");
        String x = g.named("x").id();
        List<TraceStep> intoX = g.trace().stream().filter(s -> s.kind() == TraceStep.Kind.EDGE && s.target().equals(x)).toList();
        assertEquals(3, intoX.size(), "x*x gives two edges, +x one");
        assertEquals(1, intoX.get(0).terms());
        assertEquals(3, intoX.get(2).terms());
        assertEquals(7.0, intoX.get(2).sum().values()[0], 1e-6);
        assertEquals(7.0, vars.get("x").grad().item(), 1e-6);
        StepPlan plan = new StepPlan(g);
        int lastEdge = plan.forwardSteps() + g.trace().indexOf(intoX.get(2)) + 1;
        Frame f = plan.frame(lastEdge);
        assertTrue(f.sumLabels().get(x).endsWith("= 7.0000"), f.sumLabels().toString());
    }

    @Test
    void matrixTensorsKeepTheirShapeAndGrads() {
        Map<String, Tensor> vars = EngineScripts.matrix();
        GraphData g = withBackward(vars, "loss");
        VertexData w = g.named("W");
        assertEquals("[2, 3]", w.value().shapeText());
        StepPlan plan = new StepPlan(g);
        Frame end = plan.frame(plan.size() - 1);
        double[] expected = vars.get("W").grad().toArray();
        assertEquals(expected.length, end.grads().get(w.id()).values().length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], end.grads().get(w.id()).values()[i]);
        }
    }

    @Test
    void forwardStepsRevealFunctionsInExecutionOrder() {
        Map<String, Tensor> vars = EngineScripts.logistic();
        GraphData g = EngineGraphBuilder.build(List.of(vars.get("loss")), EngineScripts.names(vars), null);
        StepPlan plan = new StepPlan(g);
        Frame start = plan.frame(0);
        assertTrue(start.isVisible(g.named("w").id()));
        assertTrue(!start.isVisible(g.named("z").id()));
        int zAt = -1;
        int lossAt = -1;
        for (int p = 0; p < plan.size(); p++) {
            Frame f = plan.frame(p);
            if (zAt < 0 && f.isVisible(g.named("z").id())) {
                zAt = p;
            }
            if (lossAt < 0 && f.isVisible(g.named("loss").id())) {
                lossAt = p;
            }
        }
        assertTrue(0 < zAt && zAt < lossAt && lossAt == plan.forwardSteps(), zAt + " " + lossAt);
    }
}
