package org.autogradstudio.ui.graph;

import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.engine.BackwardListener;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;

/**
 * Records the engine's backward events of the most recent pass, copying every gradient at the
 * moment it is reported (a leaf's {@code .grad} keeps changing afterwards). Used on the script
 * thread only; {@link #lastPass()} hands the finished pass over.
 * Unlike the graph package's BackwardTrace (which keeps the engine's tensors for replay and export),
 * it keeps every event the animation shows, seeds and node runs included, as FX-free snapshots.
 */
public final class TraceRecorder implements BackwardListener {
    /** One engine event, with copies of the tensors it carried. */
    public record Event(Type type, Node node, Edge edge, Tensor tensor, TensorSnapshot gradient, TensorSnapshot total) {
        public enum Type { START, NODE, EDGE, ACCUMULATE }
    }

    /** A whole pass: its roots and events in execution order. */
    public record Pass(List<Tensor> roots, List<Event> events) {
        public static final Pass NONE = new Pass(List.of(), List.of());
    }

    /** Passes with more events than this keep only their first ones (a huge chain is not animated). */
    public static final int MAX_EVENTS = 20_000;

    private List<Tensor> roots = List.of();
    private List<Event> events = new ArrayList<>();
    private volatile Pass last = Pass.NONE;

    @Override
    public synchronized void onBackwardStart(Tensor[] r, Tensor[] gradients) {
        roots = List.of(r);
        events = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            events.add(new Event(Event.Type.START, null, null, r[i], TensorSnapshot.valuesOf(gradients[i]), null));
        }
    }

    @Override
    public synchronized void onNodeRun(Node node, Tensor incomingGradient) {
        add(new Event(Event.Type.NODE, node, null, null, TensorSnapshot.valuesOf(incomingGradient), null));
    }

    @Override
    public synchronized void onEdge(Node from, Edge edge, Tensor gradient) {
        add(new Event(Event.Type.EDGE, from, edge, null, TensorSnapshot.valuesOf(gradient), null));
    }

    @Override
    public synchronized void onAccumulate(Tensor leaf, Tensor incoming, Tensor total) {
        add(new Event(Event.Type.ACCUMULATE, null, null, leaf, TensorSnapshot.valuesOf(incoming), TensorSnapshot.valuesOf(total)));
    }

    @Override
    public synchronized void onBackwardEnd() {
        last = new Pass(roots, List.copyOf(events));
        events = new ArrayList<>();
    }

    private void add(Event e) {
        if (events.size() < MAX_EVENTS) {
            events.add(e);
        }
    }

    public Pass lastPass() {
        return last;
    }

    public void clear() {
        last = Pass.NONE;
    }
}
