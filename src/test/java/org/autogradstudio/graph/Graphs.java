package org.autogradstudio.graph;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Engine;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.lesson.Cell;
import org.autogradstudio.lesson.CellResult;
import org.autogradstudio.lesson.LessonSession;

/** Runs a script the way the studio does and returns its graph, names and backward trace. */
final class Graphs {
    record Run(ComputationGraph graph, BackwardTrace trace, Map<String, Object> variables) {
        Tensor tensor(String name) {
            return (Tensor) variables.get(name);
        }
    }

    private Graphs() {
    }

    static Run run(String script) {
        BackwardTrace trace = new BackwardTrace();
        try (LessonSession s = new LessonSession()) {
            s.addBackwardListener(trace);
            CellResult r = s.run(new Cell(Cell.Kind.CODE, script, 1), text -> { });
            if (!r.ok()) {
                throw new AssertionError(r.error().traceback());
            }
            List<Tensor> roots = s.lastBackwardRoots();
            return new Run(ComputationGraph.of(roots, s.tensorNames()), trace, s.variables());
        }
    }

    /** A graph built with the engine's Java API, traced by listening to the engine directly. */
    static BackwardTrace backward(Tensor root) {
        BackwardTrace trace = new BackwardTrace();
        Engine.addListener(trace);
        try {
            root.backward();
        } finally {
            Engine.removeListener(trace);
        }
        return trace;
    }

    static Map<Tensor, String> names(Object... tensorsAndNames) {
        Map<Tensor, String> m = new IdentityHashMap<>();
        for (int i = 0; i < tensorsAndNames.length; i += 2) {
            m.put((Tensor) tensorsAndNames[i], (String) tensorsAndNames[i + 1]);
        }
        return m;
    }

    static final String LOGISTIC = String.join("\n",
            "import torch",
            "x = torch.tensor(6.7)",
            "y = torch.tensor(0.0)",
            "w = torch.tensor(1.0, requires_grad=True)",
            "b = torch.tensor(0.0, requires_grad=True)",
            "z = w * x + b",
            "y_pred = torch.sigmoid(z)",
            "loss = torch.nn.functional.binary_cross_entropy(y_pred, y)",
            "loss.backward()");
}
