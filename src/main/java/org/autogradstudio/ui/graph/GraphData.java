package org.autogradstudio.ui.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.Tensor;

/**
 * The computation graph as the studio draws it: laid-out vertices and edges, plus the backward
 * pass recorded for it. Immutable and free of JavaFX; built on the script thread after each cell.
 */
public record GraphData(List<VertexData> vertices, List<EdgeData> edges, List<TraceStep> trace,
        double width, double height, boolean truncated, Live live) {
    public static final GraphData EMPTY = new GraphData(List.of(), List.of(), List.of(), 0, 0, false, Live.NONE);

    /**
     * The engine's own tensors behind the drawing (vertex id to tensor, and the roots), for work that
     * needs them, such as the derivation panel's chain rule. They belong to the script thread: read
     * them only in a task given to {@link org.autogradstudio.ui.run.RunController#submit}.
     */
    public record Live(Map<String, Tensor> tensors, List<Tensor> roots) {
        public static final Live NONE = new Live(Map.of(), List.of());
    }

    public GraphData {
        vertices = List.copyOf(vertices);
        edges = List.copyOf(edges);
        trace = List.copyOf(trace);
    }

    public boolean isEmpty() {
        return vertices.isEmpty();
    }

    public Map<String, VertexData> vertexMap() {
        Map<String, VertexData> m = new HashMap<>();
        for (VertexData v : vertices) {
            m.put(v.id(), v);
        }
        return m;
    }

    public VertexData vertex(String id) {
        for (VertexData v : vertices) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        return null;
    }

    /** The tensor vertex named {@code name} (a script variable), or null. */
    public VertexData named(String name) {
        for (VertexData v : vertices) {
            if (v.isTensor() && name.equals(v.name())) {
                return v;
            }
        }
        return null;
    }

    public EdgeData edge(String id) {
        for (EdgeData e : edges) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }
}
