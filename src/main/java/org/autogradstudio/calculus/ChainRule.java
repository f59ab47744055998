package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autogradstudio.engine.AccumulateGrad;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;

/**
 * The chain rule, worked out from the graph autograd recorded: for a leaf (or any tensor of the
 * graph) and the root, every path between them, each factor the local derivative of one recorded
 * operation (elementwise ops from the engine's own rule table, evaluated symbolically; sum, mean,
 * matrix products and losses from their matrix-calculus rules), then with the numbers the graph
 * holds, multiplied along each path and summed over paths.
 *
 * <pre>{@code
 * Derivation d = ChainRule.derive(w, loss, Symbols.of(Map.of("x", x, "y", y, "w", w, "b", b,
 *         "z", z, "y_pred", yPred, "loss", loss)));
 * d.total().plain();      // (y_pred - y)*x
 * d.value();              // 6.6918...
 * d.toLatex();            // \begin{array}{l} ... \end{array}
 * d.toMap();              // for the trace JSON
 * }</pre>
 */
public final class ChainRule {
    /**
     * How a derivation is made: the leaf element (a multi-index, empty for the first element),
     * how many paths and how long a path may be before they are summarized rather than listed,
     * whether clamp/relu/abs are written as the branch taken at this element, and the gradient
     * the root is seeded with (null: ones, as {@code backward()} on a scalar).
     */
    public record Options(int[] element, int maxPaths, int maxPathLength, boolean resolvePiecewise, Tensor rootGradient) {
        public static Options defaults() {
            return new Options(new int[0], 64, 400, true, null);
        }

        public Options element(int... index) {
            return new Options(index.clone(), maxPaths, maxPathLength, resolvePiecewise, rootGradient);
        }

        public Options maxPaths(int n) {
            return new Options(element, n, maxPathLength, resolvePiecewise, rootGradient);
        }

        public Options maxPathLength(int n) {
            return new Options(element, maxPaths, n, resolvePiecewise, rootGradient);
        }

        public Options resolvePiecewise(boolean on) {
            return new Options(element, maxPaths, maxPathLength, on, rootGradient);
        }

        public Options rootGradient(Tensor g) {
            return new Options(element, maxPaths, maxPathLength, resolvePiecewise, g);
        }
    }

    /** Formulas longer than this (in plain text) are named by their grad_fn in labels. */
    private static final int MAX_LABEL = 28;

    private ChainRule() {
    }

    /** d root / d leaf at the leaf's first element. */
    public static Derivation derive(Tensor leaf, Tensor root, Symbols symbols) {
        return derive(leaf, root, symbols, Options.defaults());
    }

    /** d root / d leaf[index]. */
    public static Derivation derive(Tensor leaf, Tensor root, Symbols symbols, int... index) {
        return derive(leaf, root, symbols, Options.defaults().element(index));
    }

    public static Derivation derive(Tensor leaf, Tensor root, Symbols symbols, Options options) {
        return new ChainRule.Run(leaf, root, symbols == null ? Symbols.none() : symbols, options).derivation();
    }

    /** Flat position of a multi-index in a shape; an empty index is the first element. */
    static int flatIndex(int[] index, int[] shape) {
        if (index.length == 0) {
            if (Values.numel(shape) == 0) {
                throw new IllegalArgumentException("the tensor has no elements");
            }
            return 0;
        }
        if (index.length == 1 && shape.length != 1) {
            if (index[0] < 0 || index[0] >= Values.numel(shape)) {
                throw new IndexOutOfBoundsException("element " + index[0] + " is out of range for " + Values.numel(shape) + " elements");
            }
            return index[0];
        }
        return Values.ravel(index, shape);
    }

    /** One derivation in the making. */
    private static final class Run {
        private final Tensor leaf;
        private final Tensor root;
        private final Options options;
        private final RecordedGraph graph;
        private final Node source;
        private final GraphContext ctx;
        private final int element;
        private final Map<Link, Factor> factors = new HashMap<>();
        private final Set<String> notes = new LinkedHashSet<>();
        private final String rootSymbol;
        private final String leafSymbol;

        Run(Tensor leaf, Tensor root, Symbols symbols, Options options) {
            this.leaf = leaf;
            this.root = root;
            this.options = options;
            if (root.gradFn() == null) {
                throw new IllegalArgumentException("the root does not have a grad_fn: autograd recorded nothing for it");
            }
            this.graph = new RecordedGraph(root);
            Node src = leaf.isLeaf() ? leaf.gradAccumulator() : leaf.gradFn();
            if (src == null) {
                throw new IllegalArgumentException("the leaf does not require grad, so no gradient flows to it");
            }
            this.source = src;
            this.element = flatIndex(options.element(), leaf.shape());
            String sourceName = symbols.nameOf(leaf);
            if (sourceName == null && !(src instanceof AccumulateGrad)) {
                sourceName = "u";
            }
            if (graph.contains(source)) {
                this.ctx = new GraphContext(graph, symbols, source, sourceName, element, options.resolvePiecewise());
                this.leafSymbol = ((Expr.Var) ctx.elementExpr(source)).name();
            } else {
                this.ctx = null;
                this.leafSymbol = sourceName != null ? sourceName : "x";
            }
            String rs = symbols.nameOf(root);
            if (rs == null && ctx != null) {
                Expr e = ctx.elementExpr(graph.root());
                rs = e instanceof Expr.Var v ? v.name() : null;
            }
            this.rootSymbol = rs != null ? rs : "L";
        }

        private Values seed() {
            if (options.rootGradient() != null) {
                return Values.of(options.rootGradient());
            }
            return Values.full(root.shape(), 1);
        }

        Derivation derivation() {
            Formula label = derivativeLabel(rootSymbol, leafSymbol, leaf.shape(), options.element());
            int[] index = Values.unravel(element, leaf.shape());
            Double autograd = null;
            double[] autogradGradient = null;
            Tensor g = leaf.grad();
            if (g != null) {
                autogradGradient = g.toArray();
                autograd = autogradGradient[element];
            }
            double tolerance = toleranceFor(leaf.dtype(), root.dtype());
            if (ctx == null) {
                notes.add(leafSymbol + " does not reach " + rootSymbol + " through the recorded graph: the derivative is 0");
                double[] zeros = new double[leaf.numel()];
                return new Derivation(leafSymbol, rootSymbol, leaf.shape(), index, label, List.of(), 0, List.of(),
                        Formula.of(Expr.ZERO), Formula.of(Expr.ZERO), null, Formula.of(Expr.ZERO), 0, zeros, autograd,
                        autogradGradient, tolerance, Map.of(), new ArrayList<>(notes));
            }
            Values totalGradient = reverseAccumulate();
            long count = graph.countPaths(source, options.maxPaths());
            List<List<Link>> pathLinks = List.of();
            if (count <= options.maxPaths() && longestPath() <= options.maxPathLength()) {
                pathLinks = graph.paths(source);
            } else {
                notes.add(count > options.maxPaths() ? "more than " + options.maxPaths() + " paths lead from " + leafSymbol
                        + " to " + rootSymbol + ": their sum is computed without listing them"
                        : "the path is longer than " + options.maxPathLength() + " steps: it is summarized, not listed");
            }
            List<PathTerm> paths = new ArrayList<>();
            for (List<Link> links : pathLinks) {
                paths.add(pathTerm(links));
            }
            List<Segment> chain = pathLinks.isEmpty() ? List.of() : segments(pathLinks);

            Expr total = null, matrix = null;
            if (!paths.isEmpty()) {
                List<Expr> sums = new ArrayList<>(), matrices = new ArrayList<>();
                boolean complete = true;
                for (PathTerm p : paths) {
                    if (p.symbolic() == null) {
                        complete = false;
                    } else {
                        sums.add(p.symbolic().expr());
                    }
                    if (p.matrixForm() != null) {
                        matrices.add(p.matrixForm().expr());
                    }
                }
                total = complete ? Simplifier.simplify(Expr.sum(sums)) : null;
                matrix = matrices.size() == paths.size() ? (matrices.size() == 1 ? matrices.get(0) : matrixSum(matrices)) : null;
            }
            Expr expanded = total == null ? null : Simplifier.simplify(Exprs.expand(total, ctx.resolvedDefinitions));
            Formula substituted = substitute(total);

            Map<String, Formula> definitions = new LinkedHashMap<>();
            ctx.definitions.forEach((name, formula) -> definitions.put(name, Formula.of(formula)));
            notes.addAll(ctx.notes);
            double value = totalGradient == null ? Double.NaN : totalGradient.data()[element];
            return new Derivation(leafSymbol, rootSymbol, leaf.shape(), index, label, paths, count, chain,
                    Formula.of(total), Formula.of(expanded), substituted, Formula.of(matrix), value,
                    totalGradient == null ? null : totalGradient.data(), autograd, autogradGradient, tolerance,
                    definitions, new ArrayList<>(notes));
        }

        private static Expr matrixSum(List<Expr> terms) {
            boolean plain = true;
            for (Expr t : terms) {
                plain &= !Exprs.hasApply(t);
            }
            return plain ? Simplifier.simplify(Expr.sum(terms)) : new Expr.Sum(terms);
        }

        /** The longest path from the source to the root, in links (to decide whether to list paths). */
        private int longestPath() {
            Map<Node, Integer> depth = new IdentityHashMap<>();
            depth.put(source, 0);
            for (Node n : graph.order()) {
                if (n == source) {
                    continue;
                }
                int best = -1;
                for (Link l : graph.graph().incomingEdgesOf(n)) {
                    Integer d = depth.get(l.producer());
                    if (d != null) {
                        best = Math.max(best, d + 1);
                    }
                }
                if (best >= 0) {
                    depth.put(n, best);
                }
            }
            return depth.getOrDefault(graph.root(), 0);
        }

        /** The engine's backward recomputed in double from the recorded tensors: d root / d source for every element. */
        private Values reverseAccumulate() {
            Set<Node> reach = graph.descendants(source);
            Map<Node, Values> grads = new IdentityHashMap<>();
            grads.put(graph.root(), seed());
            List<Node> order = new ArrayList<>(graph.order());
            Collections.reverse(order);
            for (Node n : order) {
                Values g = grads.get(n);
                if (g == null || n == source || n instanceof AccumulateGrad) {
                    continue;
                }
                LocalRule rule = graph.rule(n);
                for (Link l : graph.inputsOf(n)) {
                    if (!reach.contains(l.producer())) {
                        continue;
                    }
                    if (!rule.supported()) {
                        notes.add(((UnsupportedRule) rule).note() + " (so the sum cannot be computed here)");
                        return null;
                    }
                    Values part = rule.vjp(ctx.inputsOf(n), ctx.outputOf(n), g, l.input());
                    grads.merge(l.producer(), part, Values::plus);
                }
            }
            Values total = grads.get(source);
            return total != null ? total : Values.zeros(leaf.shape());
        }

        private PathTerm pathTerm(List<Link> links) {
            List<Factor> fs = new ArrayList<>();
            Values g = seed();
            Expr matrix = options.rootGradient() == null && root.numel() == 1 ? Expr.ONE : new Expr.Var("g");
            boolean numeric = true, symbolic = true, matrixOk = true;
            Double product = 1.0;
            List<Expr> symbols = new ArrayList<>();
            for (Link l : links) {
                Factor f = factors.computeIfAbsent(l, this::factor);
                fs.add(f);
                LocalRule rule = graph.rule(l.consumer());
                if (rule.supported() && numeric) {
                    g = rule.vjp(ctx.inputsOf(l.consumer()), ctx.outputOf(l.consumer()), g, l.input());
                } else {
                    numeric = false;
                }
                // one element fanning out to several (a broadcast) makes the path a sum over those
                // elements, and a factor at no element (the leaf element does not reach it) makes it
                // zero: neither is the single product written here, so claim no formula for it
                if (f.symbolic() == null || f.positions().length != 1) {
                    symbolic = false;
                } else {
                    symbols.add(f.symbolic().expr());
                }
                if (f.values() != null && f.values().length == 1 && f.positions().length == 1 && product != null) {
                    product *= f.values()[0];
                } else {
                    product = null;
                }
                if (rule.supported() && matrixOk) {
                    Node n = l.consumer();
                    List<Expr> inT = new ArrayList<>();
                    for (int k = 0; k < n.inputs().size(); k++) {
                        inT.add(ctx.inputExpr(n, k, true));
                    }
                    matrix = rule.matrixVjp(matrix, inT, f.symbolic() == null ? null : f.symbolic().expr(), l.input(),
                            n.inputs().get(l.input()).shape(), ctx.outputShape(n));
                } else {
                    matrixOk = false;
                }
            }
            Expr sym = symbolic ? Simplifier.simplify(Expr.product(symbols)) : null;
            double[] gradient = numeric ? g.data() : null;
            double value = numeric ? g.data()[element] : Double.NaN;
            return new PathTerm(fs, Formula.of(sym), matrixOk ? Formula.of(matrix) : null, value, gradient, product);
        }

        private Factor factor(Link link) {
            Node n = link.consumer();
            int i = link.input();
            LocalRule rule = graph.rule(n);
            List<Values> in = ctx.inputsOf(n);
            Values out = ctx.outputOf(n);
            List<Expr> inE = new ArrayList<>(), inT = new ArrayList<>();
            for (int k = 0; k < in.size(); k++) {
                inE.add(ctx.inputExpr(n, k, false));
                inT.add(ctx.inputExpr(n, k, true));
            }
            Expr outE = ctx.elementExpr(n);
            int[] positions = positions(link, rule, in, out);
            Expr outF = n == graph.root() ? new Expr.Var(rootSymbol) : ctx.formulaExpr(n);
            Expr inF = ctx.inputFormula(n, i);
            String of = symbolText(outF, n);
            String wrt = symbolText(inF, link.producer());
            Formula label = partialLabel(outF, n, inF, link.producer());
            Formula symbolic = null, substituted = null;
            double[] values = null;
            Formula matrixRule = null;
            if (rule.supported()) {
                Dual d = rule.element(new DualAlgebra(options.resolvePiecewise()), inE, outE, in, out, i, positions);
                if (d != null) {
                    symbolic = Formula.of(Simplifier.simplify(d.expr()));
                    values = d.values();
                    if (positions.length == 1) {
                        substituted = Formula.rounded(substitutedRule(rule, in, out, i, positions[0]), Derivation.DECIMALS);
                    }
                }
                matrixRule = Formula.of(rule.matrixVjp(new Expr.Var("g"), inT, symbolic == null ? null : symbolic.expr(), i,
                        in.get(i).shape(), out.shape()));
            } else {
                notes.add(((UnsupportedRule) rule).note());
            }
            return new Factor(n.name(), i, of, wrt, label, symbolic, substituted, values, positions, matrixRule);
        }

        /** The elements the factor is evaluated at: those depending on the leaf element through this input. */
        private int[] positions(Link link, LocalRule rule, List<Values> in, Values out) {
            Values outMask = ctx.mask(link.consumer());
            if (outMask != null && outMask.nonZeroPositions().length == 0) {
                return new int[0]; // the leaf element does not reach this output (e.g. another element selected)
            }
            Values inMask = ctx.mask(link.producer());
            Values input = in.get(link.input());
            if (rule.factorAtOutput()) {
                int[] map = Values.broadcastMap(input.shape(), out.shape());
                List<Integer> keep = new ArrayList<>();
                for (int p : ctx.tracked(link.consumer())) {
                    if (inMask == null || !Arrays.equals(inMask.shape(), input.shape()) || inMask.data()[map[p]] != 0) {
                        keep.add(p);
                    }
                }
                return keep.stream().mapToInt(Integer::intValue).toArray();
            }
            if (inMask == null || !Arrays.equals(inMask.shape(), input.shape())) {
                return java.util.stream.IntStream.range(0, input.numel()).toArray();
            }
            return inMask.nonZeroPositions();
        }

        /** The factor's rule with the numbers at one element put in: {@code 0.9988 \cdot (1 - 0.9988)}. */
        private Expr substitutedRule(LocalRule rule, List<Values> in, Values out, int i, int position) {
            List<Expr> consts = new ArrayList<>();
            for (Values v : in) {
                int at;
                if (rule.factorAtOutput()) {
                    at = Values.broadcastMap(v.shape(), out.shape())[position];
                } else {
                    at = v.numel() == 1 ? 0 : Math.min(position, v.numel() - 1);
                }
                consts.add(new Expr.Const(v.data()[at]));
            }
            int outAt = out.numel() == 1 ? 0 : Math.min(position, out.numel() - 1);
            Dual d = rule.element(new DualAlgebra(options.resolvePiecewise(), true), consts, new Expr.Const(out.data()[outAt]),
                    in, out, i, new int[] {position});
            return d == null ? null : d.expr();
        }

        private String symbolText(Expr e, Node producer) {
            if (e instanceof Expr.Var v) {
                return v.name();
            }
            String s = e.plain();
            return s.length() <= MAX_LABEL ? s : producer == null ? "const" : producer.name();
        }

        private Formula partialLabel(Expr out, Node outNode, Expr in, Node inNode) {
            String ofPlain = symbolText(out, outNode), wrtPlain = symbolText(in, inNode);
            return partial(symbolLatex(out, outNode), ofPlain, symbolLatex(in, inNode), wrtPlain);
        }

        /** A tensor in a label: its name, a short formula (in parentheses unless atomic), or its grad_fn. */
        private String symbolLatex(Expr e, Node producer) {
            if (e instanceof Expr.Var || e instanceof Expr.Const) {
                return e.latex();
            }
            if (e.plain().length() <= MAX_LABEL) {
                boolean atomic = e instanceof Expr.Call || e instanceof Expr.Apply || e instanceof Expr.Pow;
                return atomic ? e.latex() : "(" + e.latex() + ")";
            }
            return "(\\mathrm{" + (producer == null ? "const" : producer.name()) + "})";
        }

        // ---- the chain through named tensors ------------------------------------------------------

        /**
         * Splits the paths at the named tensors every path passes through (y_pred, z): each piece's
         * derivative is the sum, over its sub-paths, of the products of their factors.
         */
        private List<Segment> segments(List<List<Link>> paths) {
            List<Node> cuts = new ArrayList<>();
            for (Link l : paths.get(0)) {
                Node p = l.producer();
                if (p == source || ctx.symbolOf(p) == null) {
                    continue;
                }
                boolean everywhere = true;
                for (List<Link> other : paths) {
                    boolean found = false;
                    for (Link o : other) {
                        found |= o.producer() == p;
                    }
                    everywhere &= found;
                }
                if (everywhere) {
                    cuts.add(p);
                }
            }
            List<Node> bounds = new ArrayList<>();
            bounds.add(graph.root());
            bounds.addAll(cuts);
            bounds.add(source);
            List<Segment> out = new ArrayList<>();
            for (int s = 0; s + 1 < bounds.size(); s++) {
                Node top = bounds.get(s), bottom = bounds.get(s + 1);
                Set<List<Link>> pieces = new LinkedHashSet<>();
                for (List<Link> path : paths) {
                    int start = -1, end = -1;
                    for (int k = 0; k < path.size(); k++) {
                        if (start < 0 && path.get(k).consumer() == top) {
                            start = k;
                        }
                        if (path.get(k).producer() == bottom) {
                            end = k;
                            break;
                        }
                    }
                    if (start >= 0 && end >= start) {
                        pieces.add(path.subList(start, end + 1));
                    }
                }
                List<Expr> sums = new ArrayList<>();
                boolean complete = true;
                Double value = 0.0;
                for (List<Link> piece : pieces) {
                    List<Expr> product = new ArrayList<>();
                    Double pv = 1.0;
                    for (Link l : piece) {
                        Factor f = factors.get(l);
                        if (f.symbolic() == null) {
                            complete = false;
                        } else {
                            product.add(f.symbolic().expr());
                        }
                        pv = f.values() != null && f.values().length == 1 && pv != null ? pv * f.values()[0] : null;
                    }
                    sums.add(Expr.product(product));
                    value = value != null && pv != null ? value + pv : null;
                }
                String of = s == 0 ? rootSymbol : ctx.symbolOf(top);
                String wrt = bottom == source ? leafSymbol : ctx.symbolOf(bottom);
                Formula label = partial(Renderer.LATEX.name(of), of, Renderer.LATEX.name(wrt), wrt);
                out.add(new Segment(of, wrt, label, complete ? Formula.of(Simplifier.simplify(Expr.sum(sums))) : null, value));
            }
            return out;
        }

        // ---- numbers substituted into the total -----------------------------------------------------

        private Formula substitute(Expr total) {
            if (total == null || Exprs.hasApply(total)) {
                return null;
            }
            Map<String, Double> bindings = ctx.bindings();
            Map<String, Expr> consts = new HashMap<>();
            for (String v : Exprs.freeVariables(total)) {
                Double b = bindings.get(v);
                if (b == null) {
                    return null;
                }
                consts.put(v, new Expr.Const(b));
            }
            if (consts.isEmpty()) {
                return null;
            }
            return Formula.rounded(Exprs.substituteRaw(total, consts), Derivation.DECIMALS);
        }
    }

    // ---- labels ------------------------------------------------------------------------------------

    static Formula partial(String ofLatex, String ofPlain, String wrtLatex, String wrtPlain) {
        return new Formula(null, "\\frac{\\partial " + ofLatex + "}{\\partial " + wrtLatex + "}", "d" + plainSymbol(ofPlain) + "/d" + plainSymbol(wrtPlain));
    }

    private static String plainSymbol(String s) {
        return s.matches("[A-Za-z_][A-Za-z0-9_]*") ? s : "(" + s + ")";
    }

    static Formula derivativeLabel(String root, String leaf, int[] shape, int[] index) {
        String suffix = "", suffixLatex = "";
        if (Values.numel(shape) > 1 || shape.length > 0 && index.length > 0) {
            int[] idx = index.length == shape.length ? index : Values.unravel(flatIndex(index, shape), shape);
            String joined = Arrays.toString(idx).replace(" ", "");
            suffix = joined;
            suffixLatex = "\\," + joined;
        }
        return new Formula(null, "\\frac{\\partial " + Renderer.LATEX.name(root) + "}{\\partial " + Renderer.LATEX.name(leaf) + suffixLatex + "}",
                "d" + root + "/d" + leaf + suffix);
    }

    /** Agreement tolerance (relative, with an absolute floor) for the dtypes involved. */
    static double toleranceFor(DType leaf, DType root) {
        return leaf == DType.FLOAT64 && root == DType.FLOAT64 ? 1e-9 : 1e-4;
    }
}
