package org.autogradstudio.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backward executor, as PyTorch's engine: count each node's dependencies, then run nodes from
 * a ready queue ordered by sequence number (latest first), summing gradients that meet in a
 * node's input buffer. Iterative throughout, so a graph of a million nodes needs no deep stack.
 */
public final class Engine {
    private static final AtomicInteger PASSES = new AtomicInteger();
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
        backward(roots, gradients, retainGraph, false);
    }

    /**
     * {@code torch.autograd.backward(roots, gradients, retain_graph, create_graph)}: with
     * {@code createGraph} the gradients are computed by recorded operations (see
     * {@link DifferentiableBackward}), so each leaf's {@code .grad} has a grad_fn of its own.
     */
    public static void backward(Tensor[] roots, Tensor[] gradients, boolean retainGraph, boolean createGraph) {
        Tensor[] rootGrads = new Tensor[roots.length];
        Node[] rootFunctions = rootFunctions(roots, gradients, rootGrads);
        // a snapshot of the listeners (no copy when there are none: the training loops of the
        // lessons call backward thousands of times with nobody listening)
        List<BackwardListener> listeners = LISTENERS.isEmpty() ? List.of() : new ArrayList<>(LISTENERS);
        for (BackwardListener l : listeners) {
            l.onBackwardStart(roots.clone(), rootGrads.clone());
        }
        boolean previous = GradMode.set(createGraph);
        try {
            // the root keeps its own array only when a listener holds the other one
            execute(new GraphRoot(rootFunctions, listeners.isEmpty() ? rootGrads : rootGrads.clone()), retainGraph,
                    createGraph, listeners, null);
        } finally {
            GradMode.set(previous);
            for (BackwardListener l : listeners) {
                l.onBackwardEnd();
            }
        }
    }

    /**
     * The functions a pass starts from, one per root, with PyTorch's checks of the roots and their
     * gradients; {@code rootGrads} receives the gradients (ones for a scalar root given none).
     */
    private static Node[] rootFunctions(Tensor[] roots, Tensor[] gradients, Tensor[] rootGrads) {
        Node[] functions = new Node[roots.length];
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
                g = root.shape.length == 0 ? Tensor.wrapScalar(1, root.dtype()) : Tensor.of(new double[] {1}, root.shape, root.dtype());
            } else if (!java.util.Arrays.equals(g.shape, root.shape)) {
                throw TorchException.runtime("Mismatch in shape: grad_output[" + i + "] has a shape of "
                        + Shape.torchSize(g.shape) + " and output[" + i + "] has a shape of " + Shape.torchSize(root.shape) + ".");
            }
            functions[i] = root.gradientFunction();
            rootGrads[i] = g;
        }
        return functions;
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph)}: the gradients of the
     * outputs with respect to each input, computed by running only the nodes on a path to an input;
     * no {@code .grad} is touched. An input the gradient does not reach gives null when
     * {@code allowUnused}, else PyTorch's error. No listener hears the pass: it draws nothing.
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] gradOutputs, Tensor[] inputs, boolean retainGraph,
            boolean allowUnused) {
        return grad(outputs, gradOutputs, inputs, retainGraph, false, allowUnused);
    }

    /** {@link #grad(Tensor[], Tensor[], Tensor[], boolean, boolean)}, the answers recorded when {@code createGraph}. */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] gradOutputs, Tensor[] inputs, boolean retainGraph,
            boolean createGraph, boolean allowUnused) {
        Tensor[] rootGrads = new Tensor[outputs.length];
        Node[] rootFunctions = rootFunctions(outputs, gradOutputs, rootGrads);
        Capture capture = new Capture(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            if (!in.requiresGrad) {
                throw TorchException.runtime("One of the differentiated Tensors does not require grad");
            }
            Node n = in.gradFn != null ? in.gradFn : in.gradAccumulator();
            int[] old = capture.slots.get(n);
            int[] slots = old == null ? new int[] {i} : java.util.Arrays.copyOf(old, old.length + 1);
            slots[slots.length - 1] = i;
            capture.slots.put(n, slots);
        }
        GraphRoot root = new GraphRoot(rootFunctions, rootGrads.clone());
        capture.findNeeded(root);
        boolean previous = GradMode.set(createGraph);
        try {
            execute(root, retainGraph, createGraph, List.of(), capture);
        } finally {
            GradMode.set(previous);
        }
        Tensor[] results = capture.results;
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null && !allowUnused) {
                throw TorchException.runtime("One of the differentiated Tensors appears to not have been used in the graph."
                        + " Set allow_unused=True if this is the desired behavior.");
            }
            if (results[i] != null && results[i].dtype() != inputs[i].dtype()) {
                results[i] = results[i].toDType(inputs[i].dtype());
            }
        }
        return results;
    }

    /**
     * What a {@code grad} pass keeps: the nodes whose incoming gradient is an answer (an input's
     * grad_fn, or a leaf input's AccumulateGrad), the nodes to run (those with a next function on a
     * path to one), and the answers.
     */
    private static final class Capture {
        final java.util.IdentityHashMap<Node, int[]> slots = new java.util.IdentityHashMap<>();
        /** Nodes on a path to a captured node (captured ones included): the only ones gradients go to. */
        final java.util.Set<Node> needed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        /** Nodes with a next function in {@link #needed}: the only ones run. */
        final java.util.Set<Node> run = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        final Tensor[] results;

        Capture(int inputs) {
            results = new Tensor[inputs];
        }

        /** Walks the graph once for each node's consumers, then back from the captured nodes. */
        void findNeeded(Node root) {
            java.util.IdentityHashMap<Node, List<Node>> consumers = consumers(root);
            ArrayDeque<Node> stack = new ArrayDeque<>();
            for (Node n : slots.keySet()) {
                if (consumers.containsKey(n) && needed.add(n)) {
                    stack.push(n);
                }
            }
            while (!stack.isEmpty()) {
                for (Node c : consumers.get(stack.pop())) {
                    run.add(c);
                    if (needed.add(c)) {
                        stack.push(c);
                    }
                }
            }
        }

        /** Records the gradient reaching {@code node} when it is an answer. */
        void offer(Node node, Tensor grad) {
            int[] s = slots.get(node);
            if (s != null && grad != null) {
                for (int i : s) {
                    results[i] = grad;
                }
            }
        }
    }

    /** Every node reachable from {@code root} (the root too), with the nodes that have an edge to it. */
    static java.util.IdentityHashMap<Node, List<Node>> consumers(Node root) {
        java.util.IdentityHashMap<Node, List<Node>> consumers = new java.util.IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        consumers.put(root, new ArrayList<>());
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (int i = 0, k = n.numEdges(); i < k; i++) {
                Node f = n.nextFunction(i);
                if (f == null) {
                    continue;
                }
                List<Node> c = consumers.get(f);
                if (c == null) {
                    c = new ArrayList<>();
                    consumers.put(f, c);
                    stack.push(f);
                }
                c.add(n);
            }
        }
        return consumers;
    }

    /** A pass number: positive, never 0 (the passId of a node no pass has reached). */
    private static int nextPass() {
        return PASSES.updateAndGet(p -> p == Integer.MAX_VALUE ? 1 : p + 1);
    }

    private static void execute(GraphRoot root, boolean retainGraph, boolean createGraph, List<BackwardListener> listeners,
            Capture capture) {
        int pass = nextPass();
        if (!createGraph && listeners.isEmpty() && capture == null && !TensorHooks.any()) {
            SequencePass.run(root, retainGraph, pass);
            return;
        }
        countDependencies(root, pass);
        ReadyQueue ready = new ReadyQueue();
        ready.add(root, null, false);
        boolean listening = !listeners.isEmpty();
        // the gradients a node hands to its next edges; reused by every node of the pass
        Tensor[] grads = new Tensor[Math.max(2, root.numEdges())];
        boolean completed = false;
        try {
            while (!ready.isEmpty()) {
                Node node = ready.poll();
                Tensor incoming = ready.polledGrad();
                // a tensor only the engine holds and no listener has seen: the node may write into it
                // (a recorded gradient is held by the graph built from it, so never)
                boolean incomingOwned = ready.polledOwned() && !listening && !createGraph;
                boolean retained = false;
                // tensor hooks (register_hook); autograd.grad takes a leaf's gradient without its hooks, as PyTorch's
                if (node != root && TensorHooks.any() && !(capture != null && node instanceof AccumulateGrad)
                        && TensorHooks.has(node)) {
                    Node hooked = node;
                    incoming = TensorHooks.run(node, incoming, g -> retainGradIfAsked(hooked, g, listeners));
                    incomingOwned = false;
                    retained = true;
                }
                if (capture != null && node != root) {
                    // autograd.grad: answers are kept (so never overwritten), leaves never accumulate,
                    // and a node with nothing needed beyond it is not run
                    if (capture.slots.containsKey(node)) {
                        capture.offer(node, incoming);
                        incomingOwned = false;
                    }
                    if (!capture.run.contains(node)) {
                        continue;
                    }
                }
                if (listening && node != root) {
                    for (BackwardListener l : listeners) {
                        l.onNodeRun(node, incoming);
                    }
                }
                if (node instanceof AccumulateGrad) {
                    Tensor total = ((AccumulateGrad) node).accumulate(incoming, createGraph);
                    for (int k = 0; listening && k < listeners.size(); k++) {
                        BackwardListener l = listeners.get(k);
                        l.onAccumulate(((AccumulateGrad) node).variable(), incoming, total);
                    }
                    continue;
                }
                if (!retained) {
                    retainGradIfAsked(node, incoming, listeners);
                }
                int n = node.numEdges();
                if (grads.length < n) {
                    grads = new Tensor[n];
                }
                int fresh = createGraph && node instanceof FunctionNode
                        ? applyRecorded((FunctionNode) node, incoming, grads) : node.applyInto(incoming, incomingOwned, grads);
                if (listening) {
                    // listeners keep the gradients they are shown: never add into those in place
                    fresh = 0;
                }
                if (!retainGraph) {
                    node.release();
                }
                for (int i = 0; i < n; i++) {
                    Tensor g = grads[i];
                    grads[i] = null;
                    Node next = node.nextFunction(i);
                    if (next == null || (capture != null && !capture.needed.contains(next))) {
                        continue;
                    }
                    boolean gFresh = i < 32 && (fresh & (1 << i)) != 0;
                    boolean complete = --next.dependencies == 0 && next.passId == pass;
                    if (g != null) {
                        if (listening) {
                            Edge edge = new Edge(next, 0);
                            for (int k = 0; k < listeners.size(); k++) {
                                listeners.get(k).onEdge(node, edge, g);
                            }
                        }
                        if (complete && next.inputBuffer == null) {
                            // the node's only gradient: straight into the queue, not into the node
                            ready.add(next, g, gFresh);
                            continue;
                        }
                        if (createGraph) {
                            next.inputBuffer = next.inputBuffer == null ? g : Pointwise.binary(ElementwiseOp.ADD, next.inputBuffer, g);
                        } else {
                            accumulate(next, g, gFresh);
                        }
                    }
                    if (complete) {
                        makeReady(next, pass, ready);
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

    /** A node's gradients by recorded operations (create_graph=True), into {@code grads}; none is fresh. */
    private static int applyRecorded(FunctionNode node, Tensor incoming, Tensor[] grads) {
        Tensor[] r = DifferentiableBackward.apply(node, incoming);
        System.arraycopy(r, 0, grads, 0, r.length);
        return 0;
    }

    /**
     * Adds {@code g} into {@code next}'s input buffer, as PyTorch's InputBuffer: the sum is made in
     * place in a tensor only the engine holds (a sum it made, or a fresh gradient nobody else has
     * seen, {@code gFresh}), else a fresh sum is made; a first gradient is kept as it is.
     */
    private static void accumulate(Node next, Tensor g, boolean gFresh) {
        Tensor buffer = next.inputBuffer;
        if (buffer == null) {
            next.inputBuffer = g;
            next.bufferOwned = gFresh;
        } else {
            next.inputBuffer = sum(buffer, next.bufferOwned, g, gFresh);
            next.bufferOwned = true;
        }
    }

    /**
     * {@code buffer + g}, a tensor only the engine holds: made in place in {@code buffer} when
     * the engine owns it ({@code bufferOwned}: a sum it made, or a fresh gradient nobody else has
     * seen), else in {@code g} when that is fresh ({@code gFresh}), else a new tensor.
     */
    static Tensor sum(Tensor buffer, boolean bufferOwned, Tensor g, boolean gFresh) {
        if (bufferOwned && addInPlace(buffer, g)) {
            return buffer;
        }
        if (gFresh && addInPlace(g, buffer)) {
            // a + b == b + a exactly in IEEE arithmetic, so the sum is the same as sum(buffer, g)
            return g;
        }
        return sum(buffer, g);
    }

    /** A node whose last dependency is done: queued with its buffer, or skipped when no gradient reached it. */
    private static void makeReady(Node node, int pass, ReadyQueue ready) {
        Tensor buffer = node.inputBuffer;
        if (buffer != null) {
            ready.add(node, buffer, node.bufferOwned);
            node.inputBuffer = null;
            node.bufferOwned = false;
        } else {
            skip(node, pass, ready);
        }
    }

    /**
     * A node no gradient reached: its consumers are released from waiting on it, transitively; one
     * that this completes and that has gradients from elsewhere is queued.
     */
    private static void skip(Node node, int pass, ReadyQueue ready) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (int i = 0, k = n.numEdges(); i < k; i++) {
                Node f = n.nextFunction(i);
                if (f != null && --f.dependencies == 0 && f.passId == pass) {
                    if (f.inputBuffer == null) {
                        stack.push(f);
                    } else {
                        ready.add(f, f.inputBuffer, f.bufferOwned);
                        f.inputBuffer = null;
                        f.bufferOwned = false;
                    }
                }
            }
        }
    }

    private static Tensor sum(Tensor a, Tensor b) {
        return Pointwise.map2(a, b, DType.promote(a.dtype(), b.dtype()), Double::sum);
    }

    /**
     * {@code sum(buffer, g)} written into {@code buffer} (a sum this pass made, so contiguous and
     * unshared), with the same rounding; false when the result would need another shape or dtype.
     */
    private static boolean addInPlace(Tensor buffer, Tensor g) {
        DType type = buffer.dtype();
        if (DType.promote(type, g.dtype()) != type || !buffer.isPlain()
                || (g.shape != buffer.shape && !java.util.Arrays.equals(g.shape, buffer.shape))) {
            return false;
        }
        boolean single = type == DType.FLOAT32;
        if (buffer.storage != buffer) {
            return false;
        }
        double[] data = buffer.storage.data;
        if (data == null) {
            double a = buffer.storage.scalar, b = g.scalarValue();
            buffer.storage.scalar = type.round(single ? (double) (float) a + (float) b : a + b);
            return true;
        }
        double[] b = g.values();
        for (int i = 0; i < data.length; i++) {
            data[i] = type.round(single ? (double) (float) data[i] + (float) b[i] : data[i] + b[i]);
        }
        return true;
    }

    static void retainGradIfAsked(Node node, Tensor incoming, List<BackwardListener> listeners) {
        Tensor out = node.output();
        if (out != null && out.retainsGrad() && out.gradFn == node) {
            Tensor grad = out.grad();
            if (grad == null) {
                grad = incoming.toDType(out.dtype()).contiguousCopy();
                out.setGradUnchecked(grad);
            } else {
                grad.addInPlaceUnchecked(incoming);
            }
            for (BackwardListener l : listeners) {
                l.onRetainedGrad(out, grad);
            }
        }
    }

    /**
     * Counts, for each reachable node, how many edges lead into it (iterative DFS). Input buffers
     * need no reset here: a completed pass leaves every buffer empty and a failed one clears them
     * (see {@link #execute}), so this walk over a long graph only writes the two counters.
     */
    private static void countDependencies(Node root, int pass) {
        Node[] stack = new Node[16];
        int top = 0;
        root.passId = pass;
        root.dependencies = 0;
        stack[top++] = root;
        while (top > 0) {
            // the stack dies with this call: popped slots need not be cleared
            Node n = stack[--top];
            for (int i = 0, k = n.numEdges(); i < k; i++) {
                Node next = n.nextFunction(i);
                if (next == null) {
                    continue;
                }
                if (next.passId != pass) {
                    next.passId = pass;
                    next.dependencies = 0;
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = next;
                }
                next.dependencies++;
            }
        }
    }

    private static void clearBuffers(Node root, int pass) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        root.passId = -pass;
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            n.inputBuffer = null;
            n.bufferOwned = false;
            for (int i = 0, k = n.numEdges(); i < k; i++) {
                Node f = n.nextFunction(i);
                if (f != null && f.passId == pass) {
                    f.passId = -pass;
                    stack.push(f);
                }
            }
        }
    }
}
