package org.autogradstudio.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.GraphLayout.Box;
import org.autogradstudio.graph.GraphLayout.Layout;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;

/**
 * The graph, its layout and the backward trace as JSON for tools and tests: nodes (names, roles,
 * shapes, values, grads, grad_fn names, positions), edges, and the backward steps in engine order.
 */
public final class GraphJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GraphJson() {
    }

    /**
     * @param extra per-leaf extra data keyed "derivation" (e.g. the chain rule worked out), or null
     */
    public static String of(ComputationGraph graph, Layout layout, BackwardTrace trace,
                            Function<TensorVertex, Object> extra) {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<Object> nodes = new ArrayList<>();
        for (GraphVertex v : graph.vertices()) {
            nodes.add(node(graph, v, layout == null ? null : layout.boxes().get(v), trace, extra));
        }
        doc.put("nodes", nodes);
        List<Object> edges = new ArrayList<>();
        for (GraphVertex v : graph.vertices()) {
            for (GraphEdge e : graph.graph().outgoingEdgesOf(v)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", e.source().id());
                m.put("target", e.target().id());
                m.put("input", e.inputNr());
                edges.add(m);
            }
        }
        doc.put("edges", edges);
        List<Integer> roots = new ArrayList<>();
        graph.roots().forEach(r -> roots.add(r.id()));
        doc.put("roots", roots);
        if (trace != null) {
            doc.put("backward", steps(graph, trace));
        }
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> node(ComputationGraph graph, GraphVertex v, Box box, BackwardTrace trace,
                                            Function<TensorVertex, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("label", v.label());
        if (v instanceof FunctionVertex f) {
            m.put("kind", "function");
            m.put("gradFn", f.gradFnName());
            m.put("symbol", f.symbol());
            m.put("attributes", f.node().attributes());
        } else {
            TensorVertex t = (TensorVertex) v;
            m.put("kind", "tensor");
            m.put("name", t.name());
            m.put("role", t.role().name().toLowerCase());
            if (t.tensor() != null) {
                m.put("shape", t.tensor().shape());
                m.put("dtype", t.tensor().dtype().torchName());
                m.put("value", t.tensor().toList());
                m.put("requiresGrad", t.tensor().requiresGrad());
                m.put("isLeaf", t.tensor().isLeaf());
                m.put("gradFn", t.tensor().gradFn() == null ? null : t.tensor().gradFn().name());
            }
            Tensor grad = VertexText.gradient(graph, t, trace);
            m.put("grad", grad == null ? null : grad.toList());
            if (extra != null && t.role() == Role.PARAMETER) {
                m.put("derivation", extra.apply(t));
            }
        }
        if (box != null) {
            m.put("x", box.x());
            m.put("y", box.y());
            m.put("width", box.width());
            m.put("height", box.height());
        }
        return m;
    }

    private static List<Object> steps(ComputationGraph graph, BackwardTrace trace) {
        List<Object> out = new ArrayList<>();
        for (TraceStep s : trace.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", s.index());
            m.put("from", s.from().name());
            m.put("fromVertex", vertexId(graph, s.from()));
            m.put("to", s.to().name());
            m.put("toVertex", vertexId(graph, s.to()));
            m.put("input", s.inputNr());
            m.put("upstream", s.upstream() == null ? null : s.upstream().toList());
            m.put("local", s.local() == null ? null : s.local().toList());
            m.put("product", s.product().toList());
            m.put("runningSum", s.runningSum().toList());
            m.put("arrival", s.arrival());
            out.add(m);
        }
        return out;
    }

    /** The forward vertex an event belongs to: the node's function vertex, or the leaf of an AccumulateGrad. */
    private static Integer vertexId(ComputationGraph graph, Node node) {
        FunctionVertex f = graph.functionOf(node);
        if (f != null) {
            return f.id();
        }
        TensorVertex t = graph.tensorOf(node);
        return t == null ? null : t.id();
    }
}
