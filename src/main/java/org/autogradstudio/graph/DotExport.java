package org.autogradstudio.graph;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/** Graphviz DOT of the forward view, in the app's colours (jgrapht-io's exporter). */
public final class DotExport {
    private DotExport() {
    }

    public static String of(ComputationGraph graph, BackwardTrace trace) {
        DOTExporter<GraphVertex, GraphEdge> exporter = new DOTExporter<>(v -> "v" + v.id());
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("rankdir", DefaultAttribute.createAttribute("LR"));
            a.put("fontname", DefaultAttribute.createAttribute("Helvetica"));
            a.put("forcelabels", DefaultAttribute.createAttribute("true"));
            return a;
        });
        exporter.setVertexAttributeProvider(v -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            List<String> lines = VertexText.lines(graph, v, trace);
            a.put("label", DefaultAttribute.createAttribute(String.join("\n", lines)));
            a.put("fontname", DefaultAttribute.createAttribute("Helvetica"));
            if (v instanceof FunctionVertex f) {
                a.put("shape", DefaultAttribute.createAttribute("circle"));
                a.put("style", DefaultAttribute.createAttribute("filled"));
                a.put("fillcolor", DefaultAttribute.createAttribute(Palette.FUNCTION));
                a.put("fontcolor", DefaultAttribute.createAttribute("white"));
                a.put("tooltip", DefaultAttribute.createAttribute(f.gradFnName()));
                // the grad_fn's name beside its symbol, as PyTorch prints it
                // (an HTML label, so that it gets its own colour: fontcolor is the symbol's white)
                a.put("xlabel", new DefaultAttribute<>("<font color=\"" + Palette.TEXT + "\" point-size=\"10\">"
                        + SvgExport.escape(f.gradFnName()) + "</font>", org.jgrapht.nio.AttributeType.HTML));
            } else {
                TensorVertex t = (TensorVertex) v;
                a.put("shape", DefaultAttribute.createAttribute("box"));
                a.put("style", DefaultAttribute.createAttribute(t.role() == Role.CONSTANT ? "rounded,dashed" : "rounded"));
                a.put("color", DefaultAttribute.createAttribute(Palette.of(t.role())));
                a.put("penwidth", DefaultAttribute.createAttribute(2));
            }
            return a;
        });
        StringWriter out = new StringWriter();
        exporter.exportGraph(graph.graph(), out);
        return out.toString();
    }
}
