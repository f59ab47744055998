package org.autogradstudio.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

/** The graphs here are drawn or derived, as a session's are: their nodes keep inputs and outputs. */
@org.junit.jupiter.api.extension.ExtendWith(org.autogradstudio.engine.KeepGraphValues.class)
class ComputationGraphTest {
    @Test
    void theLogisticNeuronIsNamedAfterTheScriptsVariables() {
        Graphs.Run run = Graphs.run(Graphs.LOGISTIC);
        ComputationGraph g = run.graph();
        assertEquals(Role.PARAMETER, g.named("w").role());
        assertEquals(Role.PARAMETER, g.named("b").role());
        assertEquals(Role.CONSTANT, g.named("x").role());
        assertEquals(Role.CONSTANT, g.named("y").role());
        assertEquals(Role.INTERMEDIATE, g.named("z").role());
        assertEquals(Role.ROOT, g.named("loss").role());
        assertEquals(List.of("MulBackward0", "AddBackward0", "SigmoidBackward0", "BinaryCrossEntropyBackward0"),
                g.vertices().stream().filter(v -> v instanceof FunctionVertex).map(v -> ((FunctionVertex) v).gradFnName())
                        .collect(Collectors.toList()));
        // w -> × <- x ; × -> (w*x) -> + <- b ; + -> z -> σ -> y_pred -> BCE <- y ; BCE -> loss
        Graph<GraphVertex, GraphEdge> dag = g.graph();
        assertEquals(12, dag.vertexSet().size());
        assertEquals(11, dag.edgeSet().size());
        GraphVertex sigmoid = g.functionOf(run.tensor("y_pred").gradFn());
        assertEquals("σ", sigmoid.label());
        assertTrue(dag.containsEdge(g.named("z"), sigmoid));
        assertTrue(dag.containsEdge(sigmoid, g.named("y_pred")));
        assertEquals(6.7f, g.named("z").tensor().item(), 1e-6);
        assertEquals(0.998770534992218, g.named("y_pred").tensor().item());
    }

    @Test
    void literalsShowTheirValueAndUnnamedResultsHaveNoName() {
        Tensor x = Tensor.scalar(3, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x.mul(2.0).add(x);
        ComputationGraph g = ComputationGraph.of(List.of(y), Graphs.names(x, "x", y, "y"));
        TensorVertex two = g.vertices().stream().filter(v -> v instanceof TensorVertex t && t.role() == Role.CONSTANT)
                .map(v -> (TensorVertex) v).findFirst().orElseThrow();
        assertEquals("2.0000", two.label());
        assertNull(two.name());
        TensorVertex product = g.tensorOf(y.gradFn().nextEdges().get(0).function());
        assertNull(product.name());
        assertEquals("6.0000", product.label());
    }

    @Test
    void theBackwardViewIsPyTorchsGradFnGraph() {
        Graphs.Run run = Graphs.run("import torch\nx = torch.tensor(3.0, requires_grad=True)\ny = x * x + x\ny.backward()");
        Graph<org.autogradstudio.engine.Node, DefaultEdge> view = run.graph().backwardView();
        List<String> names = view.vertexSet().stream().map(org.autogradstudio.engine.Node::name).sorted().toList();
        assertEquals(List.of("AccumulateGrad", "AddBackward0", "MulBackward0"), names);
        // Mul sends two gradients to x's AccumulateGrad; JGraphT keeps one edge per pair
        assertEquals(3, view.edgeSet().size());
    }

    @Test
    void aVariableUsedTwiceByOneFunctionFeedsItTwice() {
        Graphs.Run run = Graphs.run("import torch\nx = torch.tensor(3.0, requires_grad=True)\ny = x * x\ny.backward()");
        ComputationGraph g = run.graph();
        TensorVertex x = g.named("x");
        List<Integer> inputs = g.graph().outgoingEdgesOf(x).stream().map(e -> e.inputNr()).sorted().toList();
        assertEquals(List.of(0, 1), inputs, "x is both inputs of the product");
    }

    @Test
    void aCutGraphKeepsTheFunctionsNearestTheRootAndSaysSo() {
        Tensor x = Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < 50; i++) {
            y = y.sin();
        }
        ComputationGraph cut = ComputationGraph.of(List.of(y), Graphs.names(x, "x", y, "y"), 10);
        assertTrue(cut.isTruncated());
        List<FunctionVertex> fs = cut.vertices().stream().filter(v -> v instanceof FunctionVertex).map(v -> (FunctionVertex) v).toList();
        assertEquals(10, fs.size());
        assertEquals(y.gradFn(), fs.get(fs.size() - 1).node(), "the root's own function is kept");
        assertNull(cut.named("x"), "the leaf behind the cut is not drawn");
        assertTrue(!ComputationGraph.of(List.of(y), Graphs.names(x, "x"), 50).isTruncated());
    }

    @Test
    void aHundredThousandNodeChainBuildsAndExportsOnASmallStack() throws Exception {
        Throwable[] failure = new Throwable[1];
        int[] counts = new int[2];
        Thread t = new Thread(null, () -> {
            try {
                Tensor x = Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true);
                Tensor y = x;
                for (int i = 0; i < 50_000; i++) {
                    y = y.add(y.sin());
                }
                BackwardTrace trace = Graphs.backward(y);
                ComputationGraph g = ComputationGraph.of(List.of(y), Graphs.names(x, "x", y, "y"));
                counts[0] = g.vertexCount();
                counts[1] = DotExport.of(g, trace).length();
                GraphJson.of(g, null, trace, null);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        // per step: sin, its output, add, its output
        assertEquals(1 + 4 * 50_000, counts[0]);
        assertTrue(counts[1] > 1_000_000);
    }
}
