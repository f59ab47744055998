package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.Edge;
import org.autogradstudio.engine.ElementwiseOp;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;

/**
 * Everything a derivation reads off the recorded graph for one leaf element: the numbers each
 * node holds, which elements depend on the chosen leaf element, and the formula of every tensor
 * (its name when the script named it; else the formula of the op that made it, written out).
 */
final class GraphContext {
    /** Formulas larger than this get a short name of their own (u_1 ...) with a definition. */
    private static final int MAX_INLINE = 48;

    final RecordedGraph graph;
    final Node source;
    final int element;
    final boolean resolve;
    private final Symbols symbols;
    private final Map<Node, String> nodeNames;
    private final Set<String> usedNames = new HashSet<>();
    private final Map<Tensor, Values> values = new IdentityHashMap<>();
    private final Map<Node, Values> masks = new IdentityHashMap<>();
    private final Map<Node, Expr> elementExprs = new IdentityHashMap<>();
    private final Map<Node, Expr> tensorExprs = new IdentityHashMap<>();
    /** Element formulas as recorded, before clamp/relu/abs are resolved (for labels and definitions). */
    private final Map<Node, Expr> formulaExprs = new IdentityHashMap<>();
    private final Map<Tensor, Expr> constantExprs = new IdentityHashMap<>();
    private final Map<Tensor, String> autoLeafNames = new IdentityHashMap<>();
    /** name -> the formula the name stands for (as recorded) and as it reads at this element. */
    final Map<String, Expr> definitions = new LinkedHashMap<>();
    final Map<String, Expr> resolvedDefinitions = new LinkedHashMap<>();
    /** name -> the tensor it names (for binding numbers). */
    final Map<String, Tensor> symbolTensors = new LinkedHashMap<>();
    final Map<String, Node> symbolNodes = new HashMap<>();
    final Set<String> notes = new LinkedHashSet<>();
    private int autoLeaf, autoConstant, autoIntermediate;

    GraphContext(RecordedGraph graph, Symbols symbols, Node source, String sourceName, int element, boolean resolve) {
        this.graph = graph;
        this.symbols = symbols;
        this.source = source;
        this.element = element;
        this.resolve = resolve;
        this.nodeNames = symbols.nodeNames();
        nodeNames.put(source, sourceName);
        usedNames.addAll(symbols.byName().keySet());
        usedNames.add(sourceName);
        computeMasks();
        computeExprs();
    }

    // ---- numbers ------------------------------------------------------------------------------

    Values valuesOf(Tensor t) {
        return values.computeIfAbsent(t, Values::of);
    }

    /** The values of a node's output: the tensor it recorded (a leaf's own values for AccumulateGrad). */
    Values outputOf(Node n) {
        Tensor out = n.output();
        if (out != null) {
            return valuesOf(out);
        }
        return graph.rule(n).forward(inputsOf(n));
    }

    List<Values> inputsOf(Node n) {
        List<Values> in = new ArrayList<>();
        for (Tensor t : n.inputs()) {
            in.add(valuesOf(t));
        }
        return in;
    }

    int[] outputShape(Node n) {
        Tensor out = n.output();
        return out != null ? out.shape() : outputOf(n).shape();
    }

    // ---- which elements depend on the chosen leaf element ---------------------------------------

    private void computeMasks() {
        Set<Node> reach = graph.descendants(source);
        int[] shape = outputShape(source);
        double[] one = new double[Values.numel(shape)];
        one[element] = 1;
        masks.put(source, new Values(shape, one));
        for (Node n : graph.order()) {
            if (n == source || !reach.contains(n) || n instanceof AccumulateGrad) {
                continue;
            }
            LocalRule rule = graph.rule(n);
            List<Values> in = inputsOf(n);
            List<Values> inMasks = new ArrayList<>();
            List<Edge> edges = n.nextEdges();
            for (int i = 0; i < in.size(); i++) {
                Edge e = i < edges.size() ? edges.get(i) : null;
                Values m = e == null ? null : masks.get(e.function());
                if (m == null || !Arrays.equals(m.shape(), in.get(i).shape())) {
                    m = m == null ? Values.zeros(in.get(i).shape()) : Values.full(in.get(i).shape(), 1);
                }
                inMasks.add(m);
            }
            masks.put(n, rule.dependents(inMasks, in, outputShape(n)));
        }
    }

    /** The output positions of {@code n} that depend on the chosen leaf element (all, when none is known). */
    int[] tracked(Node n) {
        Values m = masks.get(n);
        if (m == null) {
            int total = Values.numel(outputShape(n));
            return java.util.stream.IntStream.range(0, total).toArray();
        }
        return m.nonZeroPositions();
    }

    Values mask(Node n) {
        return masks.get(n);
    }

    // ---- formulas -----------------------------------------------------------------------------

    private String fresh(String prefix, int k) {
        String name = prefix + "_" + k;
        while (usedNames.contains(name)) {
            name = name + "'";
        }
        usedNames.add(name);
        return name;
    }

    private void computeExprs() {
        for (Node n : graph.order()) {
            if (n instanceof AccumulateGrad a) {
                Expr v = new Expr.Var(leafName(a.variable(), a));
                elementExprs.put(n, v);
                tensorExprs.put(n, v);
                formulaExprs.put(n, v);
                continue;
            }
            LocalRule rule = graph.rule(n);
            List<Expr> inElement = new ArrayList<>(), inTensor = new ArrayList<>(), inFormula = new ArrayList<>();
            for (int i = 0; i < n.inputs().size(); i++) {
                inElement.add(inputExpr(n, i, elementExprs));
                inTensor.add(inputExpr(n, i, tensorExprs));
                inFormula.add(inputExpr(n, i, formulaExprs));
            }
            Expr formula = rule.forwardExpr(inFormula, false);
            Expr element = resolvePiecewise(n, rule, inElement, rule.forwardExpr(inElement, false));
            Expr tensor = rule.forwardExpr(inTensor, true);
            String name = nodeNames.get(n);
            if (name == null && (Exprs.size(element) > MAX_INLINE || Exprs.size(tensor) > MAX_INLINE
                    || Exprs.size(formula) > MAX_INLINE)) {
                name = fresh("u", ++autoIntermediate);
            }
            if (name != null) {
                definitions.put(name, formula);
                resolvedDefinitions.put(name, element);
                registerSymbol(name, n.output(), n);
                Expr v = new Expr.Var(name);
                element = v;
                tensor = v;
                formula = v;
            }
            elementExprs.put(n, element);
            tensorExprs.put(n, tensor);
            formulaExprs.put(n, formula);
        }
    }

    private void registerSymbol(String name, Tensor t, Node n) {
        if (t != null) {
            symbolTensors.put(name, t);
        }
        if (n != null) {
            symbolNodes.put(name, n);
        }
    }

    private String leafName(Tensor t, Node accumulator) {
        String name = symbols.nameOf(t);
        if (name == null) {
            name = nodeNames.get(accumulator);
        }
        if (name == null) {
            name = autoLeafNames.computeIfAbsent(t, k -> fresh("t", ++autoLeaf));
        }
        registerSymbol(name, t, accumulator);
        return name;
    }

    /** The formula of input {@code i} of node {@code n} at one level (element, tensor or as recorded). */
    private Expr inputExpr(Node n, int i, Map<Node, Expr> level) {
        Tensor t = n.inputs().get(i);
        String name = symbols.nameOf(t);
        if (name != null) {
            registerSymbol(name, t, null);
            return new Expr.Var(name);
        }
        Expr formula = symbols.formulaOf(t);
        if (formula != null) {
            return formula;
        }
        List<Edge> edges = n.nextEdges();
        Edge e = i < edges.size() ? edges.get(i) : null;
        if (e != null) {
            Expr known = level.get(e.function());
            if (known != null) {
                return known;
            }
        }
        return constantExpr(t);
    }

    /** The formula of input {@code i} of node {@code n}: per element, or at tensor level (transposes kept). */
    Expr inputExpr(Node n, int i, boolean tensorLevel) {
        return inputExpr(n, i, tensorLevel ? tensorExprs : elementExprs);
    }

    /** The recorded formula of input {@code i} (clamp not resolved), for labels. */
    Expr inputFormula(Node n, int i) {
        return inputExpr(n, i, formulaExprs);
    }

    Expr formulaExpr(Node n) {
        return formulaExprs.get(n);
    }

    private Expr constantExpr(Tensor t) {
        return constantExprs.computeIfAbsent(t, k -> {
            if (k.numel() == 1) {
                return Expr.num(k.item());
            }
            String name = fresh("c", ++autoConstant);
            registerSymbol(name, k, null);
            return new Expr.Var(name);
        });
    }

    Expr elementExpr(Node n) {
        return elementExprs.get(n);
    }

    Expr tensorExpr(Node n) {
        return tensorExprs.get(n);
    }

    /** The symbol of a node's output for labels: its name, else its formula. */
    String symbolOf(Node n) {
        String name = nodeNames.get(n);
        return name;
    }

    /**
     * clamp, relu and abs written as the branch that holds at the elements looked at:
     * {@code clamp(y_pred, 1e-08, 0.99999999)} reads {@code y_pred} when no bound is active.
     */
    private Expr resolvePiecewise(Node n, LocalRule rule, List<Expr> in, Expr formula) {
        if (!resolve || !(rule instanceof ElementwiseRule er)) {
            return formula;
        }
        ElementwiseOp op = er.op();
        if (op != ElementwiseOp.CLAMP && op != ElementwiseOp.RELU && op != ElementwiseOp.ABS) {
            return formula;
        }
        Values x = inputsOf(n).get(0);
        int[] outShape = outputShape(n);
        int[] map = Values.broadcastMap(x.shape(), outShape);
        int[] positions = tracked(n);
        if (positions.length == 0) {
            positions = java.util.stream.IntStream.range(0, map.length).toArray();
        }
        boolean allInside = true, allBelow = true, allAbove = true;
        double[] p = er.params();
        for (int pos : positions) {
            double v = x.data()[map[pos]];
            switch (op) {
                case CLAMP:
                    allInside &= v >= p[0] && v <= p[1];
                    allBelow &= v < p[0];
                    allAbove &= v > p[1];
                    break;
                case RELU:
                    allInside &= v > 0;
                    allBelow &= v <= 0;
                    allAbove = false;
                    break;
                default:
                    allInside &= v > 0;
                    allBelow &= v < 0;
                    allAbove = false;
                    break;
            }
        }
        Expr arg = in.get(0);
        String where = positions.length == 1 ? "here" : "at all " + positions.length + " elements";
        if (allInside) {
            notes.add(formula.plain() + " = " + arg.plain() + " " + where + " (" + branch(op, true) + ")");
            return arg;
        }
        if (allBelow) {
            Expr r = op == ElementwiseOp.CLAMP ? Expr.num(p[0]) : op == ElementwiseOp.RELU ? Expr.ZERO : Expr.neg(arg);
            notes.add(formula.plain() + " = " + r.plain() + " " + where + " (" + branch(op, false) + ")");
            return r;
        }
        if (allAbove) {
            Expr r = Expr.num(p[1]);
            notes.add(formula.plain() + " = " + r.plain() + " " + where + " (the upper bound is active)");
            return r;
        }
        return formula;
    }

    private static String branch(ElementwiseOp op, boolean inside) {
        switch (op) {
            case CLAMP: return inside ? "no bound is active" : "the lower bound is active";
            case RELU: return inside ? "the input is positive" : "the input is not positive";
            default: return inside ? "the input is positive" : "the input is negative";
        }
    }

    /**
     * A number for each symbol the derivation can bind at the chosen element: single-element
     * tensors, tensors with one element depending on the leaf element, and tensors shaped like
     * the leaf (the same element).
     */
    Map<String, Double> bindings() {
        Map<String, Double> out = new LinkedHashMap<>();
        int[] leafShape = outputShape(source);
        for (Map.Entry<String, Tensor> e : symbolTensors.entrySet()) {
            Tensor t = e.getValue();
            Values v = valuesOf(t);
            Node n = symbolNodes.get(e.getKey());
            if (v.numel() == 1) {
                out.put(e.getKey(), v.data()[0]);
                continue;
            }
            if (n != null && masks.containsKey(n)) {
                int[] pos = masks.get(n).nonZeroPositions();
                if (pos.length == 1 && Arrays.equals(masks.get(n).shape(), v.shape())) {
                    out.put(e.getKey(), v.data()[pos[0]]);
                    continue;
                }
            }
            if (Arrays.equals(v.shape(), leafShape)) {
                out.put(e.getKey(), v.data()[element]);
            }
        }
        return out;
    }
}
