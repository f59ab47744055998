package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders expressions as LaTeX (for jlatexmath: {@code \frac}, {@code \cdot}, {@code \sigma},
 * {@code e^{...}}) or as Python-like text ({@code 2*x*cos(x**2)}), with the parentheses the
 * precedence of each operator needs. Numbers are written exactly (shortest repr) or rounded to a
 * number of decimals, as PyTorch prints them.
 */
public final class Renderer {
    public static final Renderer LATEX = new Renderer(true, -1);
    public static final Renderer PLAIN = new Renderer(false, -1);

    private static final int SUM = 1, PRODUCT = 2, POWER = 3, ATOM = 4;
    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
            "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega");

    private final boolean latex;
    private final int decimals;

    private Renderer(boolean latex, int decimals) {
        this.latex = latex;
        this.decimals = decimals;
    }

    /** A renderer that rounds numbers to {@code decimals} places (negative: exact shortest repr). */
    public static Renderer latex(int decimals) {
        return new Renderer(true, decimals);
    }

    public static Renderer plain(int decimals) {
        return new Renderer(false, decimals);
    }

    public boolean isLatex() {
        return latex;
    }

    public String render(Expr e) {
        return render(e, 0);
    }

    /** A tensor's name as a symbol: {@code y_pred} becomes {@code y_{\text{pred}}}, {@code sigma} {@code \sigma}. */
    public String name(String name) {
        return latex ? latexName(name) : name;
    }

    public String number(double v) {
        String text = decimals < 0 ? Numbers.shortest(v) : Numbers.rounded(v, decimals);
        return latex ? Numbers.latexNumber(text) : text;
    }

    // ---- precedence -----------------------------------------------------------------------------

    private int precedence(Expr e) {
        if (e instanceof Expr.Sum) {
            return SUM;
        }
        if (e instanceof Expr.Product) {
            return PRODUCT;
        }
        if (e instanceof Expr.Const c) {
            if (c.value() < 0) {
                return PRODUCT;
            }
            if (Numbers.displayFraction(c.value()) != null) {
                return PRODUCT;
            }
            return number(c.value()).contains("times") ? PRODUCT : ATOM;
        }
        if (e instanceof Expr.Pow p) {
            return isNegativeConst(p.exponent()) ? PRODUCT : POWER;
        }
        if (e instanceof Expr.Call c && latex && c.func() == Func.EXP) {
            return POWER;
        }
        if (e instanceof Expr.Apply a) {
            switch (a.fn()) {
                case MATMUL: case OUTER: case HADAMARD: return PRODUCT;
                case TRANSPOSE: return POWER;
                default: return ATOM;
            }
        }
        return ATOM;
    }

    private static boolean isNegativeConst(Expr e) {
        return e instanceof Expr.Const c && c.value() < 0;
    }

    private String wrap(Expr e, int minPrecedence) {
        String s = render(e, 0);
        return precedence(e) < minPrecedence ? paren(s) : s;
    }

    private String paren(String s) {
        if (latex) {
            return s.contains("\\frac") || s.contains("\\sum") ? "\\left(" + s + "\\right)" : "(" + s + ")";
        }
        return "(" + s + ")";
    }

    // ---- rendering ------------------------------------------------------------------------------

    private String render(Expr e, int unused) {
        if (e instanceof Expr.Const c) {
            return constant(c.value());
        }
        if (e instanceof Expr.Var v) {
            return name(v.name());
        }
        if (e instanceof Expr.Sum s) {
            return sum(s.terms());
        }
        if (e instanceof Expr.Product p) {
            return product(p.factors());
        }
        if (e instanceof Expr.Pow p) {
            if (isNegativeConst(p.exponent())) {
                return product(List.of(p));
            }
            return pow(p);
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        if (e instanceof Expr.Clamp c) {
            return clamp(c);
        }
        if (e instanceof Expr.Indicator i) {
            return indicator(i);
        }
        return apply((Expr.Apply) e);
    }

    private String constant(double v) {
        long[] f = Numbers.displayFraction(v);
        if (f != null) {
            String sign = f[0] < 0 ? "-" : "";
            return latex ? sign + "\\frac{" + Math.abs(f[0]) + "}{" + f[1] + "}" : sign + Math.abs(f[0]) + "/" + f[1];
        }
        return number(v);
    }

    private static boolean isNegativeTerm(Expr t) {
        if (t instanceof Expr.Const c) {
            return c.value() < 0;
        }
        return t instanceof Expr.Product p && !p.factors().isEmpty() && isNegativeConst(p.factors().get(0));
    }

    private static Expr negate(Expr t) {
        if (t instanceof Expr.Const c) {
            return new Expr.Const(-c.value());
        }
        Expr.Product p = (Expr.Product) t;
        List<Expr> fs = new ArrayList<>(p.factors());
        double c = -((Expr.Const) fs.get(0)).value();
        if (c == 1 && fs.size() > 1) {
            fs.remove(0);
        } else {
            fs.set(0, new Expr.Const(c));
        }
        return fs.size() == 1 ? fs.get(0) : new Expr.Product(fs);
    }

    private String sum(List<Expr> terms) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            Expr t = terms.get(i);
            if (i == 0) {
                sb.append(wrap(t, SUM));
            } else if (isNegativeTerm(t)) {
                sb.append(" - ").append(wrap(negate(t), PRODUCT));
            } else {
                sb.append(" + ").append(wrap(t, PRODUCT));
            }
        }
        return sb.toString();
    }

    private String product(List<Expr> factors) {
        boolean negative = false;
        String numCoefficient = null, denCoefficient = null;
        List<Expr> num = new ArrayList<>(), den = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            Expr f = factors.get(i);
            if (i == 0 && f instanceof Expr.Const c && factors.size() > 1) {
                double v = c.value();
                if (v < 0) {
                    negative = true;
                    v = -v;
                }
                long[] frac = Numbers.displayFraction(v);
                if (frac != null) {
                    numCoefficient = frac[0] == 1 ? null : Long.toString(frac[0]);
                    denCoefficient = Long.toString(frac[1]);
                } else if (v != 1) {
                    numCoefficient = number(v);
                }
                continue;
            }
            if (f instanceof Expr.Pow p && p.exponent() instanceof Expr.Const e && e.value() < 0) {
                den.add(Expr.pow(p.base(), -e.value()));
            } else {
                num.add(f);
            }
        }
        String sign = negative ? "-" : "";
        boolean fraction = !den.isEmpty() || denCoefficient != null;
        String numerator = joinFactors(numCoefficient, num, fraction);
        if (!fraction) {
            return sign + numerator;
        }
        String denominator = joinFactors(denCoefficient, den, true);
        if (latex) {
            return sign + "\\frac{" + numerator + "}{" + denominator + "}";
        }
        boolean denNeedsParens = den.size() + (denCoefficient == null ? 0 : 1) > 1;
        return sign + numerator + "/" + (denNeedsParens ? "(" + denominator + ")" : denominator);
    }

    /**
     * Factors of one side of a product or fraction. In LaTeX a leading number is written against
     * what follows ({@code 2x}) and the other factors are joined by {@code \cdot}; a lone factor of
     * a {@code \frac} needs no parentheses.
     */
    private String joinFactors(String coefficient, List<Expr> factors, boolean inFraction) {
        if (factors.isEmpty()) {
            return coefficient == null ? "1" : coefficient;
        }
        if (latex && inFraction && coefficient == null && factors.size() == 1) {
            return render(factors.get(0));
        }
        StringBuilder sb = new StringBuilder();
        if (coefficient != null) {
            sb.append(coefficient);
        }
        for (int i = 0; i < factors.size(); i++) {
            Expr f = factors.get(i);
            String s = wrap(f, POWER);
            if (sb.length() > 0) {
                if (latex && i > 0 && f instanceof Expr.Sum && !(factors.get(i - 1) instanceof Expr.Sum)
                        && !(factors.get(i - 1) instanceof Expr.Const)) {
                    sb.append(s); // y_pred(1 - y_pred)
                    continue;
                }
                if (latex) {
                    boolean letter = !s.isEmpty() && (Character.isLetter(s.charAt(0))
                            || s.startsWith("\\") && !s.startsWith("\\left") && !s.startsWith("\\frac"));
                    boolean juxtapose = i == 0 && coefficient != null && !(f instanceof Expr.Const) && letter;
                    sb.append(juxtapose ? (s.startsWith("\\") ? " " : "") : " \\cdot ");
                } else {
                    sb.append("*");
                }
            }
            sb.append(s);
        }
        return sb.toString();
    }

    private String pow(Expr.Pow p) {
        if (latex && p.exponent() instanceof Expr.Const c && c.value() == 0.5) {
            return "\\sqrt{" + render(p.base()) + "}";
        }
        String base = wrap(p.base(), ATOM);
        if (p.base() instanceof Expr.Call c && (c.func() != Func.EXP || !latex)) {
            base = render(p.base()); // sin(x)^2 reads fine without more parentheses
        }
        if (latex) {
            return base + "^{" + render(p.exponent()) + "}";
        }
        return base + "**" + wrap(p.exponent(), ATOM);
    }

    private String call(Expr.Call c) {
        Func f = c.func();
        String arg = render(c.arg());
        if (!latex) {
            return f.plainName() + "(" + arg + ")";
        }
        switch (f) {
            case EXP: return "e^{" + arg + "}";
            case ABS: return "\\left|" + arg + "\\right|";
            case SQRT: return "\\sqrt{" + arg + "}";
            default: return f.latexName() + paren(arg);
        }
    }

    private String clamp(Expr.Clamp c) {
        String arg = render(c.arg());
        List<String> parts = new ArrayList<>();
        parts.add(arg);
        boolean both = c.min() != Double.NEGATIVE_INFINITY && c.max() != Double.POSITIVE_INFINITY;
        if (c.min() != Double.NEGATIVE_INFINITY) {
            parts.add((both || latex ? "" : "min=") + number(c.min()));
        }
        if (c.max() != Double.POSITIVE_INFINITY) {
            parts.add((both || latex ? "" : "max=") + number(c.max()));
        }
        return (latex ? "\\operatorname{clamp}" : "clamp") + "(" + String.join(", ", parts) + ")";
    }

    private String indicator(Expr.Indicator i) {
        String arg = render(i.arg());
        String le = latex ? " \\le " : " <= ";
        String cond;
        boolean hasLo = i.lo() != Double.NEGATIVE_INFINITY, hasHi = i.hi() != Double.POSITIVE_INFINITY;
        if (i.strictLow() && !hasHi) {
            cond = arg + " > " + number(i.lo());
        } else if (hasLo && hasHi) {
            cond = number(i.lo()) + (i.strictLow() ? " < " : le) + arg + le + number(i.hi());
        } else if (hasLo) {
            cond = arg + (i.strictLow() ? " > " : latex ? " \\ge " : " >= ") + number(i.lo());
        } else {
            cond = arg + le + number(i.hi());
        }
        return latex ? "\\mathbf{1}[" + cond + "]" : "(" + cond + ")";
    }

    private String apply(Expr.Apply a) {
        List<Expr> args = a.args();
        String label = a.label();
        switch (a.fn()) {
            case MATMUL:
                return latex ? wrap(args.get(0), POWER) + " " + wrap(args.get(1), POWER)
                        : wrap(args.get(0), POWER) + " @ " + wrap(args.get(1), POWER);
            case TRANSPOSE:
                return latex ? wrap(args.get(0), ATOM) + "^{\\top}" : wrap(args.get(0), ATOM) + ".T";
            case OUTER:
                return latex ? wrap(args.get(0), POWER) + " " + wrap(args.get(1), ATOM) + "^{\\top}"
                        : "outer(" + render(args.get(0)) + ", " + render(args.get(1)) + ")";
            case HADAMARD:
                return wrap(args.get(0), PRODUCT + 1) + (latex ? " \\odot " : " * ") + wrap(args.get(1), PRODUCT + 1);
            case INDEX:
                return latex ? wrap(args.get(0), ATOM) + "_{[" + label.replace("None", "\\mathrm{None}") + "]}" : wrap(args.get(0), ATOM) + "[" + label + "]";
            case ONES:
                return latex ? "\\mathbf{1}" : "ones" + (label.isEmpty() ? "" : "(" + label + ")");
            case ONEHOT:
                return latex ? "\\operatorname{onehot}(" + latexName(label) + ")" : "one_hot(" + label + ")";
            default:
                break;
        }
        String fname;
        if (latex) {
            switch (a.fn()) {
                case SUM: case SUM_DIM: fname = "\\sum"; break;
                case MEAN: case MEAN_DIM: fname = "\\operatorname{mean}"; break;
                case MAX: fname = "\\max"; break;
                case MIN: fname = "\\min"; break;
                case NORM: return "\\left\\|" + render(args.get(0)) + "\\right\\|" + (label.isEmpty() ? "" : "_{" + label + "}");
                case BCE_WITH_LOGITS: fname = "\\operatorname{BCEWithLogits}"; break;
                case BCE: fname = "\\operatorname{BCE}"; break;
                case MSE: fname = "\\operatorname{MSE}"; break;
                case OTHER: fname = "\\operatorname{" + label.replace("_", "\\_") + "}"; break;
                case SOFTMAX: fname = "\\operatorname{softmax}"; break;
                case LOG_SOFTMAX: fname = "\\log\\operatorname{softmax}"; break;
                case NLL_LOSS: fname = "\\operatorname{NLL}"; break;
                case VAR: fname = "\\operatorname{Var}"; break;
                case STD: fname = "\\operatorname{std}"; break;
                case PROD: fname = "\\prod"; break;
                case ELEMENTWISE: fname = elementwiseLatex(label); break;
                case PICK: fname = "\\operatorname{" + label.replace("_", "\\_").replace(", ", "}_{").replace("=", "=") + "}"; break;
                default: fname = "\\operatorname{" + a.fn().plainName().replace("_", "\\_") + "}"; break;
            }
            if (SUBSCRIPTED.contains(a.fn()) && !label.isEmpty()) {
                fname = fname + "_{" + label + "}";
            }
        } else {
            fname = a.fn() == TensorFn.OTHER || a.fn() == TensorFn.ELEMENTWISE ? label
                    : a.fn() == TensorFn.PICK ? label.split(",")[0] : a.fn().plainName();
        }
        List<String> parts = new ArrayList<>();
        for (Expr x : args) {
            parts.add(render(x));
        }
        if (!latex && !label.isEmpty() && a.fn() != TensorFn.OTHER && a.fn() != TensorFn.ELEMENTWISE) {
            if (a.fn() != TensorFn.PICK) {
                parts.add(label);
            } else if (label.contains(", ")) {
                parts.add(label.substring(label.indexOf(", ") + 2));
            }
        }
        return fname + paren(String.join(", ", parts));
    }

    /** Tensor functions whose label (dims, a shape, a subscript) is written as a subscript in LaTeX. */
    private static final java.util.Set<TensorFn> SUBSCRIPTED = java.util.EnumSet.of(TensorFn.SUM_DIM, TensorFn.MEAN_DIM,
            TensorFn.SUM_TO, TensorFn.RESHAPE, TensorFn.SCATTER, TensorFn.SOFTMAX, TensorFn.LOG_SOFTMAX, TensorFn.VAR,
            TensorFn.STD, TensorFn.PROD, TensorFn.LOGSUMEXP, TensorFn.AMAX, TensorFn.AMIN, TensorFn.CUMSUM);

    /** The LaTeX operator of an elementwise function known by torch's name: asin is \\arcsin, sinh is \\sinh. */
    private static String elementwiseLatex(String torchName) {
        switch (torchName) {
            case "asin": return "\\arcsin";
            case "acos": return "\\arccos";
            case "atan": return "\\arctan";
            case "sinh": return "\\sinh";
            case "cosh": return "\\cosh";
            case "sign": return "\\operatorname{sgn}";
            case "Phi": return "\\Phi";
            case "gelu": return "\\operatorname{GELU}";
            case "floor": case "ceil": case "round": case "trunc": case "frac": case "log1p": case "expm1": case "erf":
            default: return "\\operatorname{" + torchName.replace("_", "\\_") + "}";
        }
    }

    // ---- names ----------------------------------------------------------------------------------

    private static String latexName(String name) {
        if (name.endsWith("_hat") && name.length() > 4) {
            return "\\hat{" + latexName(name.substring(0, name.length() - 4)) + "}";
        }
        int us = name.indexOf('_');
        if (us > 0 && us < name.length() - 1) {
            String base = latexBase(name.substring(0, us));
            String sub = name.substring(us + 1);
            boolean simple = sub.matches("[0-9]+|[A-Za-z]") || GREEK.contains(sub);
            return base + "_{" + (simple ? latexBase(sub) : "\\text{" + sub.replace("_", "\\_") + "}") + "}";
        }
        int digits = name.length();
        while (digits > 0 && Character.isDigit(name.charAt(digits - 1))) {
            digits--;
        }
        if (digits > 0 && digits < name.length()) {
            return latexBase(name.substring(0, digits)) + "_{" + name.substring(digits) + "}";
        }
        return latexBase(name);
    }

    private static String latexBase(String s) {
        if (GREEK.contains(s)) {
            return "\\" + s;
        }
        String escaped = s.replace("\\", "").replace("_", "\\_").replace("{", "\\{").replace("}", "\\}")
                .replace("#", "\\#").replace("%", "\\%").replace("&", "\\&").replace("$", "\\$");
        if (s.length() == 1 || s.matches("[0-9.]+")) {
            return escaped;
        }
        return "\\mathrm{" + escaped + "}";
    }
}
