package org.autogradstudio.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.eclipse.elk.alg.layered.options.GreedySwitchType;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Layered (Sugiyama) layout of a {@link ComputationGraph} by ELK layered: the forward pass runs
 * left to right (or top to bottom), boxes are sized from their text, crossings are minimised by
 * layer sweeps plus a two-sided greedy switch.
 */
public final class GraphLayout {
    /** A laid-out vertex: top-left corner and size. */
    public record Box(double x, double y, double width, double height) {
        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }
    }

    /** A laid-out edge as a polyline from the source's border to the target's. */
    public record Route(List<double[]> points) {
    }

    /** Positions of every vertex and edge, and the drawing's size. */
    public record Layout(Map<GraphVertex, Box> boxes, Map<GraphEdge, Route> routes, double width, double height) {
        /** How many pairs of edges cross (segments intersecting away from shared end points). */
        public int crossings() {
            List<GraphEdge> edges = new ArrayList<>(routes.keySet());
            int count = 0;
            for (int i = 0; i < edges.size(); i++) {
                for (int j = i + 1; j < edges.size(); j++) {
                    GraphEdge a = edges.get(i), b = edges.get(j);
                    if (a.source() == b.source() || a.target() == b.target() || a.target() == b.source()
                            || a.source() == b.target()) {
                        continue;
                    }
                    if (Geometry.polylinesCross(routes.get(a).points(), routes.get(b).points())) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    static {
        // the fat jar does not merge ELK's service files: register the layered algorithm ourselves
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private GraphLayout() {
    }

    /**
     * Above this many vertices the layout runs on a thread of its own with a stack sized to the
     * graph: ELK layered walks connected components (and parts of its layering) recursively, one
     * frame per vertex along a path, which overflows an ordinary 512 KB - 8 MB thread stack for a
     * chain of some ten thousand vertices.
     */
    static final int OWN_STACK_ABOVE = 2_000;

    /** Stack bytes reserved per vertex for the layout thread (measured: about 200-400 are used). */
    private static final long STACK_BYTES_PER_VERTEX = 2_048;

    public static Layout of(ComputationGraph graph, BackwardTrace trace, boolean topToBottom) {
        return sized(graph, v -> TextMetrics.box(VertexText.lines(graph, v, trace), v instanceof FunctionVertex), topToBottom);
    }

    /**
     * The layout with box sizes given by the caller (width, height per vertex): the studio sizes its
     * vertices by what it draws in them (values, small matrices), the exporters by their text lines.
     */
    public static Layout sized(ComputationGraph graph, Function<GraphVertex, double[]> sizes, boolean topToBottom) {
        if (graph.vertexCount() <= OWN_STACK_ABOVE) {
            return layOut(graph, sizes, topToBottom);
        }
        Layout[] result = new Layout[1];
        Throwable[] failure = new Throwable[1];
        long stack = Math.max(16L << 20, graph.vertexCount() * STACK_BYTES_PER_VERTEX);
        Thread worker = new Thread(null, () -> {
            try {
                result[0] = layOut(graph, sizes, topToBottom);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "graph-layout", stack);
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        return result[0];
    }

    private static Layout layOut(ComputationGraph graph, Function<GraphVertex, double[]> sizes, boolean topToBottom) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, topToBottom ? Direction.DOWN : Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 22.0);
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_TYPE, GreedySwitchType.TWO_SIDED);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(20));
        Map<GraphVertex, ElkNode> nodes = new IdentityHashMap<>();
        for (GraphVertex v : graph.vertices()) {
            double[] size = sizes.apply(v);
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setDimensions(size[0], size[1]);
            nodes.put(v, n);
        }
        Map<GraphEdge, ElkEdge> edges = new HashMap<>();
        for (GraphEdge e : graph.graph().edgeSet()) {
            edges.put(e, ElkGraphUtil.createSimpleEdge(nodes.get(e.source()), nodes.get(e.target())));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<GraphVertex, Box> boxes = new IdentityHashMap<>();
        nodes.forEach((v, n) -> boxes.put(v, new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight())));
        Map<GraphEdge, Route> routes = new IdentityHashMap<>();
        edges.forEach((e, elk) -> routes.put(e, route(elk)));
        return new Layout(boxes, routes, root.getWidth(), root.getHeight());
    }

    private static Route route(ElkEdge edge) {
        List<double[]> points = new ArrayList<>();
        for (ElkEdgeSection s : edge.getSections()) {
            points.add(new double[] {s.getStartX(), s.getStartY()});
            for (ElkBendPoint b : s.getBendPoints()) {
                points.add(new double[] {b.getX(), b.getY()});
            }
            points.add(new double[] {s.getEndX(), s.getEndY()});
        }
        return new Route(points);
    }
}
