package org.autogradstudio.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The backward executor, as PyTorch's engine: count each node's dependencies, then run nodes from
 * a ready queue ordered by sequence number (latest first), summing gradients that meet in a
 * node's input buffer. Iterative throughout, so a graph of a million nodes needs no deep stack.
 */
public final class Engine {
    private static final AtomicLong PASSES = new AtomicLong();
    private static final List<BackwardListener> LISTENERS = new CopyOnWriteArrayList<>();

    private Engine() {
    }

    /** Listens to every backward pass run in this JVM until removed. */
    public static void addListener(BackwardListener listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(BackwardListener listener) {
        LISTENERS.remove(listener);
    }

    /** {@code torch.autograd.backward(roots, gradients, retain_graph)}. */
    public static void backward(Tensor[] roots, Tensor[] gradients, boolean retainGraph) {
        Edge[] rootEdges = new Edge[roots.length];
        Tensor[] rootGrads = new Tensor[roots.length];
        for (int i = 0; i < roots.length; i++) {
            Tensor root = roots[i];
            if (!root.requiresGrad) {
                throw TorchException.runtime("element " + i + " of tensors does not require grad and does not have a grad_fn");
            }
            Tensor g = gradients[i];
            if (g == null) {
                if (root.numel() != 1) {
                    throw TorchException.runtime("grad can be implicitly created only for scalar outputs");
                }
                g = Tensor.of(new double[] {1}, root.shape, root.dtype());
            } else if (!java.util.Arrays.equals(g.shape, root.shape)) {
                throw TorchException.runtime("Mismatch in shape: grad_output[" + i + "] has a shape of "
                        + Shape.torchSize(g.shape) + " and output[" + i + "] has a shape of " + Shape.torchSize(root.shape) + ".");
            }
            rootEdges[i] = root.gradientEdge();
            rootGrads[i] = g;
        }
        List<BackwardListener> listeners = new ArrayList<>(LISTENERS);
        for (BackwardListener l : listeners) {
            l.onBackwardStart(roots.clone(), rootGrads.clone());
        }
        boolean previous = GradMode.set(false);
        try {
            execute(new GraphRoot(rootEdges, rootGrads), retainGraph, listeners);
        } finally {
            GradMode.set(previous);
            for (BackwardListener l : listeners) {
                l.onBackwardEnd();
            }
        }
    }

    private static void execute(GraphRoot root, boolean retainGraph, List<BackwardListener> listeners) {
        long pass = PASSES.incrementAndGet();
        countDependencies(root, pass);
        PriorityQueue<Node> ready = new PriorityQueue<>((a, b) -> Long.compare(b.sequenceNr, a.sequenceNr));
        ready.add(root);
        boolean listening = !listeners.isEmpty();
        boolean completed = false;
        try {
            while (!ready.isEmpty()) {
                Node node = ready.poll();
                Tensor incoming = node.inputBuffer;
                node.inputBuffer = null;
                if (listening && node != root) {
                    for (BackwardListener l : listeners) {
                        l.onNodeRun(node, incoming);
                    }
                }
                if (node instanceof AccumulateGrad) {
                    Tensor total = ((AccumulateGrad) node).accumulate(incoming);
                    for (int k = 0; listening && k < listeners.size(); k++) {
                        BackwardListener l = listeners.get(k);
                        l.onAccumulate(((AccumulateGrad) node).variable(), incoming, total);
                    }
                    continue;
                }
                retainGradIfAsked(node, incoming, listeners);
                Tensor[] grads = node.apply(incoming);
                if (!retainGraph) {
                    node.release();
                }
                Edge[] edges = node.nextEdges;
                for (int i = 0; i < edges.length; i++) {
                    Edge edge = edges[i];
                    if (edge == null) {
                        continue;
                    }
                    Node next = edge.function();
                    Tensor g = grads[i];
                    if (g != null) {
                        for (int k = 0; listening && k < listeners.size(); k++) {
                            listeners.get(k).onEdge(node, edge, g);
                        }
                        next.inputBuffer = next.inputBuffer == null ? g : sum(next.inputBuffer, g);
                    }
                    if (--next.dependencies == 0 && next.passId == pass) {
                        if (next.inputBuffer != null) {
                            ready.add(next);
                        } else {
                            skip(next, pass);
                        }
                    }
                }
            }
            completed = true;
        } finally {
            // A pass that ran to the end has emptied every buffer (a run takes its buffer, a skipped
            // node never had one); only a failed pass leaves gradients behind to clear. Skipping the
            // second walk of the whole graph matters on long chains.
            if (!completed) {
                clearBuffers(root, pass);
            }
        }
    }

    /** A node no gradient reached: its consumers are released from waiting on it, transitively. */
    private static void skip(Node node, long pass) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Edge e : n.nextEdges) {
                if (e != null && --e.function().dependencies == 0 && e.function().inputBuffer == null) {
                    stack.push(e.function());
                }
            }
        }
    }

    private static Tensor sum(Tensor a, Tensor b) {
        Tensor s = Pointwise.map2(a, b, DType.promote(a.dtype(), b.dtype()), Double::sum);
        return s;
    }

    private static void retainGradIfAsked(Node node, Tensor incoming, List<BackwardListener> listeners) {
        Tensor out = node.output();
        if (out != null && out.retainsGrad && out.gradFn == node) {
            if (out.grad == null) {
                out.grad = incoming.toDType(out.dtype()).contiguousCopy();
            } else {
                out.grad.addInPlaceUnchecked(incoming);
            }
            for (BackwardListener l : listeners) {
                l.onRetainedGrad(out, out.grad);
            }
        }
    }

    /** Counts, for each reachable node, how many edges lead into it (iterative DFS). */
    private static void countDependencies(Node root, long pass) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        root.passId = pass;
        root.dependencies = 0;
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Edge e : n.nextEdges) {
                if (e == null) {
                    continue;
                }
                Node next = e.function();
                if (next.passId != pass) {
                    next.passId = pass;
                    next.dependencies = 0;
                    next.inputBuffer = null;
                    stack.push(next);
                }
                next.dependencies++;
            }
        }
    }

    private static void clearBuffers(Node root, long pass) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        root.passId = -pass;
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            n.inputBuffer = null;
            for (Edge e : n.nextEdges) {
                if (e != null && e.function().passId == pass) {
                    e.function().passId = -pass;
                    stack.push(e.function());
                }
            }
        }
    }
}
