package org.autogradstudio.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.GraphLayout.Box;
import org.autogradstudio.graph.GraphLayout.Layout;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;

/** The graphs here are drawn or derived, as a session's are: their nodes keep inputs and outputs. */
@org.junit.jupiter.api.extension.ExtendWith(org.autogradstudio.engine.KeepGraphValues.class)
class ExportTest {
    private final Graphs.Run run = Graphs.run(Graphs.LOGISTIC);
    private final Layout layout = GraphLayout.of(run.graph(), run.trace(), false);

    @Test
    void theLayoutGoesLeftToRightWithoutOverlapsOrCrossings() {
        Map<GraphVertex, Box> boxes = layout.boxes();
        assertTrue(boxes.get(run.graph().named("w")).x() < boxes.get(run.graph().named("z")).x());
        assertTrue(boxes.get(run.graph().named("z")).x() < boxes.get(run.graph().named("loss")).x());
        List<Box> all = List.copyOf(boxes.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Box a = all.get(i), b = all.get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                        || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertTrue(apart, "boxes overlap");
            }
        }
        assertEquals(0, layout.crossings());
        Layout down = GraphLayout.of(run.graph(), run.trace(), true);
        assertTrue(down.boxes().get(run.graph().named("w")).y() < down.boxes().get(run.graph().named("loss")).y());
    }

    @Test
    void aFiveHundredNodeGraphIsLaidOut() {
        Tensor x = Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < 125; i++) {
            y = y.add(y.sin());
        }
        ComputationGraph g = ComputationGraph.of(List.of(y), Graphs.names(x, "x", y, "y"));
        assertEquals(501, g.vertexCount());
        Layout l = GraphLayout.of(g, null, false);
        assertEquals(501, l.boxes().size());
        assertTrue(l.width() > 0 && l.height() > 0);
    }

    @Test
    void aGraphDeeperThanTheCallersStackIsLaidOut() throws Exception {
        // ELK recurses once per vertex along a chain: 5,001 vertices overflowed a 256 KB stack
        Tensor x = Tensor.scalar(0.5, DType.FLOAT32).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < 1_250; i++) {
            y = y.add(y.sin());
        }
        ComputationGraph g = ComputationGraph.of(List.of(y), Graphs.names(x, "x", y, "y"));
        Layout[] result = new Layout[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = GraphLayout.of(g, null, false);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        assertEquals(5_001, result[0].boxes().size());
        // left to right: every edge's target lies right of its source
        for (GraphEdge e : g.graph().edgeSet()) {
            assertTrue(result[0].boxes().get(e.source()).x() < result[0].boxes().get(e.target()).x());
        }
    }

    @Test
    void aPngOfAHugeLayoutIsScaledDownToStayOpenable() {
        assertEquals(2.0, PngExport.fittedScale(layout, 2));
        Layout wide = new Layout(Map.of(), Map.of(), 1_000_000, 200);
        double s = PngExport.fittedScale(wide, 2);
        assertEquals(PngExport.MAX_SIDE / 1_000_000.0, s, 1e-12);
        Layout big = new Layout(Map.of(), Map.of(), 20_000, 20_000);
        double b = PngExport.fittedScale(big, 2);
        assertTrue(20_000 * b * 20_000 * b <= PngExport.MAX_PIXELS * (1 + 1e-9));
    }

    @Test
    void dotIsAcceptedByGraphvizItself() throws Exception {
        java.nio.file.Path dotTool = java.nio.file.Path.of("/usr/bin/dot");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(dotTool), "Graphviz is not installed");
        Process p = new ProcessBuilder(dotTool.toString(), "-Tsvg").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(DotExport.of(run.graph(), run.trace()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String svg = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), svg);
        assertTrue(svg.contains("<svg"), svg);
        assertTrue(svg.contains(">y_pred</text>") && svg.contains(">grad 6.6918</text>"), svg);
        assertTrue(svg.contains(">SigmoidBackward0</text>"), svg);
    }

    @Test
    void dotIsValidGraphviz() {
        String dot = DotExport.of(run.graph(), run.trace());
        SimpleDirectedGraph<String, DefaultEdge> parsed = new SimpleDirectedGraph<>(
                SupplierUtil.createStringSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        Map<String, Map<String, String>> labels = new HashMap<>();
        importer.addVertexAttributeConsumer((p, a) -> labels.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a.getValue()));
        importer.importGraph(parsed, new StringReader(dot));
        assertEquals(run.graph().vertexCount(), parsed.vertexSet().size());
        assertEquals(run.graph().graph().edgeSet().size(), parsed.edgeSet().size());
        assertTrue(labels.values().stream().anyMatch(a -> a.get("label").startsWith("w\n1.0000\ngrad 6.6918")));
        // function nodes: the math symbol inside, the grad_fn name beside
        assertTrue(labels.values().stream().anyMatch(a -> a.get("label").equals("σ") && a.get("xlabel").contains(">SigmoidBackward0<")));
    }

    @Test
    void svgShowsNamesValuesAndGrads() {
        String svg = SvgExport.of(run.graph(), layout, run.trace());
        assertTrue(svg.startsWith("<svg"));
        for (String text : new String[] {">w<", ">loss<", ">y_pred<", ">grad 6.6918<", ">grad 0.9988<", ">σ<", "#0072b2"}) {
            assertTrue(svg.contains(text), text);
        }
        // arrow heads are plain triangles, one per edge (markers are lost by several renderers)
        assertTrue(!svg.contains("<marker"));
        assertEquals(run.graph().graph().edgeSet().size(), svg.split("<polygon ", -1).length - 1);
    }

    @Test
    void pngHasTheLayoutsSizeTimesTheScale() {
        BufferedImage img = PngExport.render(run.graph(), layout, run.trace(), 2);
        assertEquals((int) Math.ceil(layout.width() * 2), img.getWidth());
        assertEquals((int) Math.ceil(layout.height() * 2), img.getHeight());
        // something was drawn in the parameter colour
        boolean blue = false;
        for (int x = 0; x < img.getWidth() && !blue; x += 2) {
            for (int y = 0; y < img.getHeight() && !blue; y += 2) {
                blue = (img.getRGB(x, y) & 0xffffff) == 0x0072b2;
            }
        }
        assertTrue(blue);
    }

    @Test
    void jsonHasNodesEdgesGradsAndSteps() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(GraphJson.of(run.graph(), layout, run.trace(), null));
        assertEquals(run.graph().vertexCount(), doc.get("nodes").size());
        assertEquals(6, doc.get("backward").size());
        JsonNode w = null;
        for (JsonNode n : doc.get("nodes")) {
            if ("w".equals(n.path("name").asText())) {
                w = n;
            }
        }
        assertEquals(6.6917619705200195, w.get("grad").asDouble());
        assertEquals("parameter", w.get("role").asText());
    }
}
