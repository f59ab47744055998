package org.autogradstudio.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.GraphRoot;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.graph.GraphVertex.FunctionVertex;
import org.autogradstudio.graph.GraphVertex.TensorVertex;

/** The frames of a backward animation, one per step of a {@link BackwardTrace}, mapped onto the forward view. */
public final class BackwardFrames {
    private BackwardFrames() {
    }

    public static List<BackwardFrame> of(ComputationGraph graph, BackwardTrace trace) {
        List<TraceStep> steps = trace.steps();
        Map<Node, Integer> arrivals = new IdentityHashMap<>();
        for (TraceStep s : steps) {
            arrivals.merge(s.to(), 1, Integer::sum);
        }
        Map<Tensor, double[]> leafGrads = trace.replayLeafGradients();
        Map<TensorVertex, Tensor> grads = new IdentityHashMap<>();
        Set<TensorVertex> complete = Collections.newSetFromMap(new IdentityHashMap<>());
        List<BackwardFrame> frames = new ArrayList<>(steps.size());
        for (TraceStep s : steps) {
            TensorVertex target = graph.tensorOf(s.to());
            FunctionVertex function = graph.functionOf(s.from());
            boolean done = s.arrival() == arrivals.get(s.to());
            if (target != null) {
                grads.put(target, done ? finalGradient(s, leafGrads) : s.runningSum());
                if (done) {
                    complete.add(target);
                }
            }
            GraphEdge edge = target == null || function == null ? null : graph.graph().getEdge(target, function);
            frames.add(new BackwardFrame(s.index(), steps.size(), edge, function, target, equation(s),
                    copy(grads), copy(complete)));
        }
        return frames;
    }

    /** What the tensor ends with: a leaf's {@code .grad} as the pass left it, else the summed gradient. */
    private static Tensor finalGradient(TraceStep s, Map<Tensor, double[]> leafGrads) {
        if (s.to() instanceof AccumulateGrad acc && leafGrads.containsKey(acc.variable())) {
            Tensor leaf = acc.variable();
            return Tensor.of(leafGrads.get(leaf), leaf.shape(), leaf.dtype());
        }
        return s.runningSum();
    }

    /** {@code upstream × local = product}; the seed is {@code seed 1.0000}; a non-elementwise rule shows ∂. */
    static String equation(TraceStep s) {
        String product = VertexText.valueText(s.product());
        if (s.from() instanceof GraphRoot) {
            return "seed " + product;
        }
        String upstream = s.upstream() == null ? "?" : VertexText.valueText(s.upstream());
        String local = s.local() == null ? "\u2202" : VertexText.valueText(s.local());
        return upstream + " \u00d7 " + local + " = " + product;
    }

    private static <K, V> Map<K, V> copy(Map<K, V> m) {
        return Collections.unmodifiableMap(new IdentityHashMap<>(m));
    }

    private static <T> Set<T> copy(Set<T> s) {
        Set<T> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(s);
        return Collections.unmodifiableSet(out);
    }
}
