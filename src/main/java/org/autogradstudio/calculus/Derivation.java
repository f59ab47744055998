package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain rule worked out for one leaf element and the root: every path with its factors
 * (symbolic, with numbers, multiplied), the chain through the script's named tensors, the sum
 * over paths (as a simplified formula, in the leaves only, with numbers substituted, as a matrix
 * formula) and its value beside the engine's {@code .grad}. Renders to LaTeX and plain text and
 * gives a JSON-friendly map ({@link #toMap()}).
 */
public final class Derivation {
    /** Decimals used where numbers are substituted into formulas (as PyTorch prints). */
    public static final int DECIMALS = 4;

    private final String leaf;
    private final String root;
    private final int[] leafShape;
    private final int[] element;
    private final Formula label;
    private final List<PathTerm> paths;
    private final long pathCount;
    private final List<Segment> chain;
    private final Formula total;
    private final Formula expanded;
    private final Formula substituted;
    private final Formula matrixForm;
    private final double value;
    private final double[] gradient;
    private final Double autograd;
    private final double[] autogradGradient;
    private final double tolerance;
    private final Map<String, Formula> definitions;
    private final List<String> notes;

    Derivation(String leaf, String root, int[] leafShape, int[] element, Formula label, List<PathTerm> paths, long pathCount,
               List<Segment> chain, Formula total, Formula expanded, Formula substituted, Formula matrixForm, double value,
               double[] gradient, Double autograd, double[] autogradGradient, double tolerance,
               Map<String, Formula> definitions, List<String> notes) {
        this.leaf = leaf;
        this.root = root;
        this.leafShape = leafShape.clone();
        this.element = element.clone();
        this.label = label;
        this.paths = List.copyOf(paths);
        this.pathCount = pathCount;
        this.chain = List.copyOf(chain);
        this.total = total;
        this.expanded = expanded;
        this.substituted = substituted;
        this.matrixForm = matrixForm;
        this.value = value;
        this.gradient = gradient;
        this.autograd = autograd;
        this.autogradGradient = autogradGradient;
        this.tolerance = tolerance;
        this.definitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
        this.notes = List.copyOf(notes);
    }

    /** The leaf's symbol ({@code w}). */
    public String leaf() {
        return leaf;
    }

    /** The root's symbol ({@code loss}, or {@code L} when it has no name). */
    public String root() {
        return root;
    }

    public int[] leafShape() {
        return leafShape.clone();
    }

    /** The chosen element of the leaf (empty for a 0-d leaf). */
    public int[] element() {
        return element.clone();
    }

    /** {@code \frac{\partial L}{\partial w}} / {@code dL/dw}. */
    public Formula label() {
        return label;
    }

    /** Every path from the leaf to the root, when they were few enough to list (see {@link #pathCount()}). */
    public List<PathTerm> paths() {
        return paths;
    }

    /** How many paths lead from the leaf to the root. */
    public long pathCount() {
        return pathCount;
    }

    public boolean pathsListed() {
        return paths.size() == pathCount;
    }

    /** The chain through named intermediates: dL/dy_pred, dy_pred/dz, dz/dw (a single link when none is named). */
    public List<Segment> chain() {
        return chain;
    }

    /** The derivative as a simplified formula over the script's names (null when some factor has no element form). */
    public Formula total() {
        return total;
    }

    /** The same formula with every named intermediate replaced by its definition: in the leaves and constants only. */
    public Formula expanded() {
        return expanded;
    }

    /** The formula with the numbers of the chosen element substituted ({@code (0.9988 - 0) \cdot 6.7}). */
    public Formula substituted() {
        return substituted;
    }

    /** The gradient of the whole leaf as a matrix formula ({@code x^{\top} g}). */
    public Formula matrixForm() {
        return matrixForm;
    }

    /** d root / d leaf[element], summed over all paths (computed in double from the graph's tensors). */
    public double value() {
        return value;
    }

    /** The derivative for every element of the leaf (the matrix form's value). */
    public double[] gradient() {
        return gradient == null ? null : gradient.clone();
    }

    /** The engine's {@code .grad} at the chosen element, or null when the leaf has none yet. */
    public Double autograd() {
        return autograd;
    }

    public double[] autogradGradient() {
        return autogradGradient == null ? null : autogradGradient.clone();
    }

    public double absoluteDifference() {
        return autograd == null ? Double.NaN : Math.abs(value - autograd);
    }

    public double relativeDifference() {
        return autograd == null ? Double.NaN : FiniteDifference.relative(value, autograd);
    }

    /** Whether the derivation and autograd agree (within a tolerance fit for the leaf's dtype); null without .grad. */
    public Boolean agreesWithAutograd() {
        if (autograd == null) {
            return null;
        }
        return Math.abs(value - autograd) <= tolerance * (1 + Math.abs(autograd));
    }

    /** The formulas of named (and automatically named) intermediates: {@code y_pred = σ(z)}. */
    public Map<String, Formula> definitions() {
        return definitions;
    }

    /** Remarks: branches of clamp/relu/abs taken at this element, operations without a rule, paths not listed. */
    public List<String> notes() {
        return notes;
    }

    // ---- rendering ------------------------------------------------------------------------------

    private static String num(double v) {
        return Numbers.rounded(v, DECIMALS);
    }

    /** No value because a node on the way has no rule (the notes say which): shown as "?", not as nan. */
    private boolean notWorkedOut() {
        return Double.isNaN(value) && notes.stream().anyMatch(n -> n.startsWith("no rule for ") || n.contains("script's own backward"));
    }

    /** The derivation as LaTeX lines (each a formula jlatexmath can draw on its own). */
    public List<String> latexLines() {
        List<String> lines = new ArrayList<>();
        Renderer r = Renderer.LATEX;
        for (Map.Entry<String, Formula> d : definitions.entrySet()) {
            lines.add(r.name(d.getKey()) + " = " + d.getValue().latex());
        }
        String lhs = label.latex();
        if (pathsListed() && paths.size() > 1) {
            for (int p = 0; p < paths.size(); p++) {
                lines.add("\\text{path " + (p + 1) + ":}\\; " + pathLine(paths.get(p), true));
            }
        } else if (pathsListed() && paths.size() == 1 && paths.get(0).factors().size() > 1) {
            lines.add(lhs + " = " + pathLine(paths.get(0), true));
        }
        if (showChain()) {
            List<String> labels = new ArrayList<>(), forms = new ArrayList<>();
            boolean allForms = true;
            for (Segment s : chain) {
                labels.add(s.label().latex());
                if (s.symbolic() == null) {
                    allForms = false;
                } else {
                    forms.add(wrapLatex(s.symbolic().expr()));
                }
            }
            String line = lhs + " = " + String.join(" \\cdot ", labels);
            if (allForms) {
                line += " = " + String.join(" \\cdot ", forms);
            }
            lines.add(line);
        }
        StringBuilder last = new StringBuilder(lhs);
        if (total != null) {
            last.append(" = ").append(total.latex());
            if (expanded != null && !expanded.latex().equals(total.latex())) {
                last.append(" = ").append(expanded.latex());
            }
            if (substituted != null) {
                last.append(" = ").append(substituted.latex());
            }
        } else if (matrixForm != null) {
            last.append(" = ").append(matrixForm.latex());
        }
        last.append(" = ").append(notWorkedOut() ? "\\text{?}" : Numbers.latexNumber(num(value)));
        lines.add(last.toString());
        if (autograd != null) {
            lines.add("\\text{autograd: } " + Numbers.latexNumber(num(autograd))
                    + (Boolean.TRUE.equals(agreesWithAutograd()) ? "\\;\\checkmark" : "\\;\\text{(differs)}"));
        }
        return lines;
    }

    /** The chain through named tensors says something the path lines do not. */
    private boolean showChain() {
        if (chain.size() < 2) {
            return false;
        }
        return !(pathsListed() && paths.size() == 1 && paths.get(0).factors().size() == chain.size());
    }

    private static String wrapLatex(Expr e) {
        String s = e.latex();
        return e instanceof Expr.Sum ? "\\left(" + s + "\\right)" : s;
    }

    private static String pathLine(PathTerm p, boolean latex) {
        List<String> labels = new ArrayList<>(), forms = new ArrayList<>();
        for (Factor f : p.factors()) {
            labels.add(latex ? f.label().latex() : f.label().plain());
            if (f.symbolic() != null) {
                Expr e = f.symbolic().expr();
                forms.add(latex ? wrapLatex(e) : (e instanceof Expr.Sum ? "(" + e.plain() + ")" : e.plain()));
            }
        }
        String sep = latex ? " \\cdot " : " * ";
        StringBuilder sb = new StringBuilder(String.join(sep, labels));
        if (forms.size() == p.factors().size() && !forms.isEmpty()) {
            sb.append(" = ").append(String.join(sep, forms));
        }
        if (p.symbolic() != null) {
            sb.append(" = ").append(latex ? p.symbolic().latex() : p.symbolic().plain());
        }
        String v = num(p.value());
        sb.append(" = ").append(latex ? Numbers.latexNumber(v) : v);
        return sb.toString();
    }

    /** All lines in one LaTeX block. */
    public String toLatex() {
        return "\\begin{array}{l}" + String.join(" \\\\ ", latexLines()) + "\\end{array}";
    }

    /** The derivation as plain text, one line per step. */
    public String toPlain() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Formula> d : definitions.entrySet()) {
            lines.add(d.getKey() + " = " + d.getValue().plain());
        }
        String lhs = label.plain();
        if (pathsListed() && paths.size() > 1) {
            for (int p = 0; p < paths.size(); p++) {
                lines.add("path " + (p + 1) + ": " + pathLine(paths.get(p), false));
            }
        } else if (pathsListed() && paths.size() == 1 && paths.get(0).factors().size() > 1) {
            lines.add(lhs + " = " + pathLine(paths.get(0), false));
        }
        if (showChain()) {
            List<String> labels = new ArrayList<>(), forms = new ArrayList<>();
            boolean allForms = true;
            for (Segment s : chain) {
                labels.add(s.label().plain());
                if (s.symbolic() == null) {
                    allForms = false;
                } else {
                    Expr e = s.symbolic().expr();
                    forms.add(e instanceof Expr.Sum ? "(" + e.plain() + ")" : e.plain());
                }
            }
            String line = lhs + " = " + String.join(" * ", labels);
            if (allForms) {
                line += " = " + String.join(" * ", forms);
            }
            lines.add(line);
        }
        StringBuilder last = new StringBuilder(lhs);
        if (total != null) {
            last.append(" = ").append(total.plain());
            if (expanded != null && !expanded.plain().equals(total.plain())) {
                last.append(" = ").append(expanded.plain());
            }
            if (substituted != null) {
                last.append(" = ").append(substituted.plain());
            }
        } else if (matrixForm != null) {
            last.append(" = ").append(matrixForm.plain());
        }
        last.append(" = ").append(notWorkedOut() ? "?" : num(value));
        lines.add(last.toString());
        if (autograd != null) {
            lines.add("autograd: " + num(autograd) + (Boolean.TRUE.equals(agreesWithAutograd()) ? " (agrees)" : " (differs)"));
        }
        for (String n : notes) {
            lines.add("note: " + n);
        }
        return String.join("\n", lines);
    }

    @Override
    public String toString() {
        return toPlain();
    }

    /** Everything as maps, lists, strings and numbers, ready for a JSON writer (the {@code trace} command). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("leaf", leaf);
        m.put("root", root);
        m.put("shape", Json.ints(leafShape));
        m.put("element", Json.ints(element));
        m.put("label", label.toMap());
        m.put("path_count", pathCount);
        m.put("paths_listed", pathsListed());
        List<Object> ps = new ArrayList<>();
        for (PathTerm p : paths) {
            ps.add(p.toMap());
        }
        m.put("paths", ps);
        List<Object> cs = new ArrayList<>();
        for (Segment s : chain) {
            cs.add(s.toMap());
        }
        m.put("chain", cs);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("symbolic", Formula.mapOrNull(total));
        t.put("expanded", Formula.mapOrNull(expanded));
        t.put("substituted", Formula.mapOrNull(substituted));
        t.put("matrix_form", Formula.mapOrNull(matrixForm));
        t.put("value", Json.number(value));
        t.put("gradient", gradient == null ? null : Json.numbers(gradient));
        m.put("total", t);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("value", Json.number(autograd));
        a.put("gradient", autogradGradient == null ? null : Json.numbers(autogradGradient));
        a.put("abs_diff", autograd == null ? null : Json.number(absoluteDifference()));
        a.put("rel_diff", autograd == null ? null : Json.number(relativeDifference()));
        a.put("agrees", agreesWithAutograd());
        m.put("autograd", a);
        Map<String, Object> defs = new LinkedHashMap<>();
        definitions.forEach((k, v) -> defs.put(k, v.toMap()));
        m.put("definitions", defs);
        m.put("notes", notes);
        m.put("latex", latexLines());
        m.put("plain", toPlain());
        return m;
    }
}
