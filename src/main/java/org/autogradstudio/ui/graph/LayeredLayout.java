package org.autogradstudio.ui.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small layered (Sugiyama-style) layout, forward left to right: longest-path layers (sources
 * placed just before their first consumer), barycentre ordering sweeps, vertices centred in their
 * column. (Adapter: replaced by the graph package's ELK layout once the studio can use it.)
 */
public final class LayeredLayout {
    public static final double LAYER_GAP = 70;
    public static final double NODE_GAP = 36;
    public static final double MARGIN = 24;

    private LayeredLayout() {
    }

    /** Returns the vertices with positions and the edges with routes; sizes must be set already. */
    public static GraphData layout(List<VertexData> vertices, List<EdgeData> edges, List<TraceStep> trace, boolean truncated,
            GraphData.Live live) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vertices.size(); i++) {
            index.put(vertices.get(i).id(), i);
        }
        int n = vertices.size();
        List<List<Integer>> preds = new ArrayList<>();
        List<List<Integer>> succs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            preds.add(new ArrayList<>());
            succs.add(new ArrayList<>());
        }
        for (EdgeData e : edges) {
            int a = index.get(e.from());
            int b = index.get(e.to());
            succs.get(a).add(b);
            preds.get(b).add(a);
        }
        // topological order by forward order (edges always go from earlier to later)
        List<Integer> topo = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            topo.add(i);
        }
        topo.sort(Comparator.comparingDouble(i -> vertices.get(i).order()));
        int[] layer = new int[n];
        for (int v : topo) {
            int l = 0;
            for (int p : preds.get(v)) {
                l = Math.max(l, layer[p] + 1);
            }
            layer[v] = l;
        }
        for (int v : topo) {
            if (preds.get(v).isEmpty() && !succs.get(v).isEmpty()) {
                int l = Integer.MAX_VALUE;
                for (int s : succs.get(v)) {
                    l = Math.min(l, layer[s] - 1);
                }
                layer[v] = Math.max(0, l);
            }
        }
        int layers = 0;
        for (int l : layer) {
            layers = Math.max(layers, l + 1);
        }
        List<List<Integer>> columns = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            columns.add(new ArrayList<>());
        }
        for (int v : topo) {
            columns.get(layer[v]).add(v);
        }
        double[] pos = new double[n];
        for (List<Integer> col : columns) {
            for (int i = 0; i < col.size(); i++) {
                pos[col.get(i)] = i;
            }
        }
        for (int sweep = 0; sweep < 6; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int c = down ? 1 : layers - 2; down ? c < layers : c >= 0; c += down ? 1 : -1) {
                List<Integer> col = columns.get(c);
                Map<Integer, Double> bary = new HashMap<>();
                for (int v : col) {
                    List<Integer> nb = down ? preds.get(v) : succs.get(v);
                    double s = 0;
                    for (int u : nb) {
                        s += pos[u];
                    }
                    bary.put(v, nb.isEmpty() ? pos[v] : s / nb.size());
                }
                col.sort(Comparator.comparingDouble(bary::get));
                for (int i = 0; i < col.size(); i++) {
                    pos[col.get(i)] = i;
                }
            }
        }
        // coordinates: columns left to right, each centred vertically on the tallest column
        double[] colWidth = new double[layers];
        double[] colHeight = new double[layers];
        for (int c = 0; c < layers; c++) {
            for (int v : columns.get(c)) {
                colWidth[c] = Math.max(colWidth[c], vertices.get(v).width());
                colHeight[c] += vertices.get(v).height() + NODE_GAP;
            }
            colHeight[c] -= NODE_GAP;
        }
        double totalH = 0;
        for (double h : colHeight) {
            totalH = Math.max(totalH, h);
        }
        VertexData[] placed = new VertexData[n];
        double x = MARGIN;
        for (int c = 0; c < layers; c++) {
            double y = MARGIN + (totalH - colHeight[c]) / 2;
            for (int v : columns.get(c)) {
                VertexData d = vertices.get(v);
                placed[v] = d.at(x + (colWidth[c] - d.width()) / 2, y);
                y += d.height() + NODE_GAP;
            }
            x += colWidth[c] + LAYER_GAP;
        }
        List<VertexData> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(placed[i]);
        }
        List<EdgeData> routed = new ArrayList<>();
        for (EdgeData e : edges) {
            VertexData a = placed[index.get(e.from())];
            VertexData b = placed[index.get(e.to())];
            routed.add(new EdgeData(e.id(), e.from(), e.to(), e.inputNr(),
                    new double[] {a.x() + a.width(), a.centerY(), b.x(), b.centerY()}));
        }
        return new GraphData(out, routed, trace, x - LAYER_GAP + MARGIN, totalH + 2 * MARGIN, truncated, live);
    }
}
