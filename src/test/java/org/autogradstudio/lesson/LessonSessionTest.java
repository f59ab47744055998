package org.autogradstudio.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.autogradstudio.engine.BackwardListener;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The notebook kernel: shared namespace, names of tensors, backward events, errors, cancellation. */
class LessonSessionTest {
    private static Cell code(String source) {
        return new Cell(Cell.Kind.CODE, source, 1);
    }

    @Test
    void aSessionsNodesKeepTheirInputsAndOutputsToBeDrawn() {
        try (LessonSession s = new LessonSession()) {
            assertTrue(s.run(code("import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x * 2\nz = y.sin()"), t -> { }).ok());
            Tensor y = (Tensor) s.variables().get("y");
            Tensor z = (Tensor) s.variables().get("z");
            Node sin = z.gradFn();
            assertEquals(List.of(y), sin.inputs());
            assertTrue(sin.output() == z);
            assertEquals(2, y.gradFn().inputs().size());
            // outside a session's cells the engine records lean nodes again
            assertFalse(org.autogradstudio.engine.GraphValues.kept());
        }
    }

    /** A pasted notebook's plt.plot(losses) feeds the Charts tab: the series under its label, else "plot N". */
    @Test
    void pyplotSeriesBecomeCharts() {
        try (LessonSession s = new LessonSession()) {
            CellResult r = s.run(code("import matplotlib.pyplot as plt\nimport torch\nlosses = [0.9, 0.5, 0.25]\n"
                    + "plt.plot(losses, label='train')\nplt.plot(torch.tensor([3.0, 1.0]))\nplt.title('Loss')\nplt.show()"), t -> { });
            assertTrue(r.ok(), String.valueOf(r.error()));
            assertEquals(List.of(0.9, 0.5, 0.25), s.charts().get("train"));
            assertEquals(List.of(3.0, 1.0), s.charts().get("plot 2"));
        }
    }

    /** The warning lesson 08 talks about shows in the cell's output, as a notebook shows stderr, but is not what the cell printed. */
    @Test
    void warningsShowInTheCellButAreNotItsPrintedOutput() {
        try (LessonSession s = new LessonSession()) {
            StringBuilder shown = new StringBuilder();
            CellResult r = s.run(code("import torch\nx = torch.tensor(3.0, requires_grad=True)\ny = x * 2\nprint(y.grad)"), shown::append);
            assertTrue(r.ok());
            assertEquals("None\n", r.output());
            assertTrue(shown.toString().startsWith("<cell>:4: UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor"
                    + " is being accessed."), shown.toString());
            assertTrue(shown.toString().endsWith("  print(y.grad)\nNone\n"), shown.toString());
            // run again, the cell warns again, as a notebook's does; a warning from inside PyTorch shows once a session
            StringBuilder again = new StringBuilder();
            s.run(code("print(y.grad)\nc = torch.nn.MSELoss()\nc(torch.ones(2, 1), torch.ones(2))"), again::append);
            s.run(code("print(y.grad)\nc = torch.nn.MSELoss()\nc(torch.ones(2, 1), torch.ones(2))"), again::append);
            assertEquals(2, again.toString().split("is not a leaf Tensor", -1).length - 1, again.toString());
            assertEquals(1, again.toString().split("nn/modules/loss.py:536: UserWarning", -1).length - 1, again.toString());
        }
    }

    @Test
    void cellsShareANamespaceAndNameTheirTensors() {
        try (LessonSession s = new LessonSession()) {
            StringBuilder out = new StringBuilder();
            assertTrue(s.run(code("import torch\nx = torch.tensor(3.0, requires_grad=True)"), out::append).ok());
            CellResult r = s.run(code("y = x ** 2\ny.backward()\nprint(x.grad)\ny"), out::append);
            assertTrue(r.ok());
            assertEquals("tensor(6.)\n", r.output());
            assertEquals("tensor(9., grad_fn=<PowBackward0>)", r.echo());
            Tensor x = (Tensor) s.variables().get("x");
            assertEquals(6.0, x.grad().item());
            assertEquals("x", s.tensorNames().get(x));
            assertEquals("y", s.tensorNames().get((Tensor) s.variables().get("y")));
            assertEquals(1, s.lastBackwardRoots().size());
            assertTrue(s.lastBackwardRoots().get(0) == s.variables().get("y"));
        }
    }

    @Test
    void backwardEventsReachOnlyTheSessionThatRanThem() {
        try (LessonSession a = new LessonSession(); LessonSession b = new LessonSession()) {
            List<String> seenA = new ArrayList<>();
            List<String> seenB = new ArrayList<>();
            a.addBackwardListener(recorder(seenA));
            b.addBackwardListener(recorder(seenB));
            a.run(code("import torch\nw = torch.tensor(2.0, requires_grad=True)\nl = w * w + w\nl.backward()"), t -> { });
            assertEquals(List.of("edge GraphRoot->AddBackward0", "run AddBackward0", "edge AddBackward0->MulBackward0", "edge AddBackward0->AccumulateGrad",
                    "run MulBackward0", "edge MulBackward0->AccumulateGrad", "edge MulBackward0->AccumulateGrad",
                    "run AccumulateGrad", "acc 5.0"), seenA);
            assertTrue(seenB.isEmpty());
        }
    }

    private static BackwardListener recorder(List<String> log) {
        return new BackwardListener() {
            @Override
            public void onNodeRun(Node node, Tensor incomingGradient) {
                log.add("run " + node.name());
            }

            @Override
            public void onEdge(Node from, Edge edge, Tensor gradient) {
                log.add("edge " + from.name() + "->" + edge.function().name());
            }

            @Override
            public void onAccumulate(Tensor leaf, Tensor incoming, Tensor total) {
                log.add("acc " + total.item());
            }
        };
    }

    @Test
    void errorsCarryTheirLineAndTheSessionGoesOn() {
        try (LessonSession s = new LessonSession()) {
            CellResult r = s.run(code("a = 1\nb = a +\nc = 2"), t -> { });
            assertEquals("SyntaxError", r.error().type());
            assertEquals(2, r.error().line());
            assertEquals(8, r.error().column());
            CellResult r2 = s.run(code("import torch\nt = torch.tensor(1.0, requires_grad=True)\nt.backward()\nt.backward()\nq = undefined_name"), t -> { });
            assertEquals("NameError", r2.error().type());
            assertEquals("name 'undefined_name' is not defined", r2.error().message());
            assertEquals(5, r2.error().line());
            // a syntax error runs nothing of its cell; a runtime error keeps what ran before it
            assertEquals("NameError", s.run(code("print(a)"), t -> { }).error().type());
            assertEquals("tensor(1., requires_grad=True)\n", s.run(code("print(t)"), t -> { }).output());
        }
    }

    @Test
    void stopEndsARunawayLoopQuickly() throws Exception {
        try (LessonSession s = new LessonSession()) {
            CompletableFuture<CellResult> run = CompletableFuture.supplyAsync(() -> s.run(code("while True:\n    pass"), t -> { }));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!s.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(s.isRunning());
            s.cancel();
            CellResult r = run.get(5, TimeUnit.SECONDS);
            assertTrue(r.cancelled());
            assertFalse(s.isRunning());
            assertTrue(s.run(code("x = 1"), t -> { }).ok());
        }
    }

    @Test
    void lossLikeScalarsAssignedInALoopAreCharted() {
        try (LessonSession s = new LessonSession()) {
            List<String> live = new ArrayList<>();
            s.setChartListener((name, value) -> live.add(name));
            CellResult r = s.run(code("import torch\nw = torch.tensor(0.0, requires_grad=True)\n"
                    + "for step in range(4):\n    loss = (w * 2.0 - 4.0) ** 2\n    loss.backward()\n"
                    + "    with torch.no_grad():\n        w -= 0.1 * w.grad\n        w.grad.zero_()\n"
                    + "lossy_text = 'not a number'\nlossy_vector = torch.ones(3)"), t -> { });
            assertTrue(r.ok(), () -> r.error().summary());
            List<Double> losses = s.charts().get("loss");
            assertEquals(4, losses.size());
            assertEquals(16.0, losses.get(0));
            // each step of gradient descent lowers the loss: w goes 0 -> 1.6 -> 2.56 -> 3.136
            assertEquals((1.6f * 2 - 4) * (1.6f * 2 - 4), losses.get(1), 1e-5);
            assertEquals(List.of("loss", "loss", "loss", "loss"), live);
            assertNull(s.charts().get("lossy_text"));
            assertNull(s.charts().get("lossy_vector"));
        }
    }

    @Test
    void theStudioHostCollectsComparisonsAndCharts() {
        try (LessonSession s = new LessonSession()) {
            CellResult r = s.run(code("import _studio_host as h\nh.compare('dL/dw', 6.6918, [6.6918], True)\n"
                    + "for i in range(3):\n    h.chart('loss', 1.0 / (i + 1))"), t -> { });
            assertTrue(r.ok(), () -> r.error().summary());
            assertEquals(1, s.comparisons().size());
            Comparison c = s.comparisons().get(0);
            assertEquals("dL/dw", c.label());
            assertEquals(List.of(6.6918), c.manual());
            assertTrue(c.match());
            assertEquals(List.of(1.0, 0.5, 1.0 / 3), s.charts().get("loss"));
            s.reset();
            assertTrue(s.comparisons().isEmpty());
            assertNull(s.variables().get("h"));
        }
    }

    /** The logistic neuron of the notebooks, with a manual dL/dw whose middle factor is wrong. */
    private static final String WRONG_SIGMOID_FACTOR = String.join("\n",
            "import torch",
            "from studio import compare",
            "x = torch.tensor(6.7)",
            "y = torch.tensor(0.0)",
            "w = torch.tensor(1.0, requires_grad=True)",
            "b = torch.tensor(0.0, requires_grad=True)",
            "z = w * x + b",
            "y_pred = torch.sigmoid(z)",
            "loss = -(y * torch.log(y_pred) + (1 - y) * torch.log(1 - y_pred))",
            "loss.backward()",
            "yp = y_pred.item()",
            "dL_dy_pred = (yp - y.item()) / (yp * (1 - yp))",
            "dy_pred_dz = yp",  // should be yp * (1 - yp)
            "dz_dw = x.item()",
            "compare('dL/dw', dL_dy_pred * dy_pred_dz * dz_dw, w.grad,",
            "        factors={'dL/dy_pred': dL_dy_pred, 'dy_pred/dz': dy_pred_dz, 'dz/dw': dz_dw})",
            "compare('dL/db', (yp - y.item()), b.grad)");

    @Test
    void aMismatchNamesTheFirstManualFactorThatPartsFromAutogradsChain() {
        try (LessonSession s = new LessonSession()) {
            StringBuilder out = new StringBuilder();
            CellResult r = s.run(code(WRONG_SIGMOID_FACTOR), out::append);
            assertTrue(r.ok(), () -> r.error().summary());
            assertEquals(2, s.comparisons().size());
            Comparison wrong = s.comparisons().get(0);
            assertFalse(wrong.match());
            assertTrue(out.toString().startsWith("dL/dw  manual "), out.toString());
            var first = wrong.firstDivergentFactor();
            assertTrue(first != null, wrong.message());
            assertEquals("dy_pred/dz", first.name());
            // autograd's dy_pred/dz is sigma'(z) = y_pred (1 - y_pred), from the engine's float32 values
            double yp = (double) ((Tensor) s.variables().get("y_pred")).item();
            assertEquals(yp * (1 - yp), first.autograd(), 1e-6);
            assertTrue(wrong.message().contains("the first factor that differs is dy_pred/dz"), wrong.message());
            // the factors before and after it agree with the chain
            for (var f : wrong.analysis().factors()) {
                assertEquals(!f.name().equals("dy_pred/dz"), f.agrees(), f.name());
            }
            Comparison right = s.comparisons().get(1);
            assertTrue(right.match());
            assertTrue(right.analysis().agrees());
            assertNull(right.firstDivergentFactor());
        }
    }

    @Test
    void aMismatchWithoutFactorsSaysByHowMuch() {
        try (LessonSession s = new LessonSession()) {
            CellResult r = s.run(code("import torch\nfrom studio import compare\nx = torch.tensor(3.0, requires_grad=True)\n"
                    + "y = x ** 2\ny.backward()\ncompare('dy/dx', 3.0 * x.item(), x.grad)"), t -> { });
            assertTrue(r.ok(), () -> r.error().summary());
            Comparison c = s.comparisons().get(0);
            assertFalse(c.match());
            assertEquals(3.0, c.analysis().absoluteDifference(), 1e-12);
            assertTrue(c.message().startsWith("manual dy/dx = 9 differs from autograd 6 (abs diff 3"), c.message());
        }
    }

    @Test
    void aModulesParametersAreNamedByTheirPath() {
        try (LessonSession s = new LessonSession()) {
            CellResult r = s.run(code(String.join("\n", "import torch",
                    "class Net(torch.nn.Module):",
                    "    def __init__(self):",
                    "        super().__init__()",
                    "        self.fc = torch.nn.Linear(2, 1)",
                    "        self.out = torch.nn.Sequential(torch.nn.Linear(1, 1))",
                    "net = Net()",
                    "w = net.fc.weight")), t -> { });
            assertTrue(r.ok(), () -> r.error().summary());
            List<String> names = new ArrayList<>(s.tensorNames().values());
            assertTrue(names.contains("w"), "a variable's own name comes first: " + names);
            assertFalse(names.contains("net.fc.weight"), names.toString());
            assertTrue(names.containsAll(List.of("net.fc.bias", "net.out.0.weight", "net.out.0.bias")), names.toString());
        }
    }
}
