package org.autogradstudio.ui.whatif;

import org.autogradstudio.engine.BackwardListener;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.ui.graph.TraceRecorder;

/** Passes the engine's backward events of one thread (the replay's) to a {@link TraceRecorder}. */
final class ThreadRecorder implements BackwardListener {
    private final Thread thread = Thread.currentThread();
    final TraceRecorder recorder = new TraceRecorder();

    private boolean mine() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void onBackwardStart(Tensor[] roots, Tensor[] gradients) {
        if (mine()) {
            recorder.onBackwardStart(roots, gradients);
        }
    }

    @Override
    public void onNodeRun(Node node, Tensor incomingGradient) {
        if (mine()) {
            recorder.onNodeRun(node, incomingGradient);
        }
    }

    @Override
    public void onEdge(Node from, Edge edge, Tensor gradient) {
        if (mine()) {
            recorder.onEdge(from, edge, gradient);
        }
    }

    @Override
    public void onAccumulate(Tensor leaf, Tensor incoming, Tensor total) {
        if (mine()) {
            recorder.onAccumulate(leaf, incoming, total);
        }
    }

    @Override
    public void onBackwardEnd() {
        if (mine()) {
            recorder.onBackwardEnd();
        }
    }
}
