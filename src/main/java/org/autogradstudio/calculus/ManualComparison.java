package org.autogradstudio.calculus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autogradstudio.engine.Tensor;

/**
 * A gradient a lesson computed by hand (plain Python, as the notebooks do) set beside autograd's.
 * When they differ and the lesson also gave the factors of its chain ({@code dL/dy_pred},
 * {@code dy_pred/dz}, {@code dz/dw}, or Python names such as {@code dloss_dy_pred}), the
 * comparison points to the first factor, from the root down, where the manual formula parts from
 * the chain autograd's graph gives; otherwise it reports the mismatch with its differences.
 */
public final class ManualComparison {
    /** Relative tolerance (with an absolute floor of {@code 1e-6}): manual values are usually float32 numbers read into Python. */
    public static final double DEFAULT_RTOL = 1e-4;
    private static final double ATOL = 1e-6;
    private static final Pattern SLASH = Pattern.compile("^\\s*[d∂]\\s*\\(?\\s*([^/()]+?)\\s*\\)?\\s*/\\s*[d∂]\\s*\\(?\\s*([^/()]+?)\\s*\\)?\\s*$");
    private static final Pattern UNDERSCORE = Pattern.compile("^d(.+?)_d(.+)$");

    /** One factor the lesson computed: its name ({@code dL/dy_pred} or {@code dloss_dy_pred}) and value(s). */
    public record ManualFactor(String name, double[] values) {
        public static ManualFactor of(String name, double... values) {
            return new ManualFactor(name, values.clone());
        }
    }

    /** A manual factor set beside the link of autograd's chain it stands for. */
    public record FactorCheck(String name, String of, String wrt, double[] manual, Double autograd, Formula formula,
                              double absoluteDifference, double relativeDifference, Boolean agrees) {
        /** The manual value(s) as the lessons print them. */
        public String manualText() {
            return show(manual);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("of", of);
            m.put("wrt", wrt);
            m.put("manual", Json.numbers(manual));
            m.put("autograd", Json.number(autograd));
            m.put("formula", Formula.mapOrNull(formula));
            m.put("abs_diff", autograd == null ? null : Json.number(absoluteDifference));
            m.put("rel_diff", autograd == null ? null : Json.number(relativeDifference));
            m.put("agrees", agrees);
            return m;
        }
    }

    /** The outcome: both gradients, their largest differences, agreement, the factor checks and a sentence saying it. */
    public record Result(String label, double[] manual, double[] autograd, double absoluteDifference, double relativeDifference,
                         boolean agrees, List<FactorCheck> factors, FactorCheck firstDivergentFactor, String message) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", label);
            m.put("manual", Json.numbers(manual));
            m.put("autograd", autograd == null ? null : Json.numbers(autograd));
            m.put("abs_diff", Json.number(absoluteDifference));
            m.put("rel_diff", Json.number(relativeDifference));
            m.put("agrees", agrees);
            List<Object> fs = new ArrayList<>();
            for (FactorCheck f : factors) {
                fs.add(f.toMap());
            }
            m.put("factors", fs);
            m.put("first_divergent_factor", firstDivergentFactor == null ? null : firstDivergentFactor.toMap());
            m.put("message", message);
            return m;
        }
    }

    private ManualComparison() {
    }

    /** The manual gradient against a tensor's {@code .grad} (or any gradient tensor). */
    public static Result compare(String label, double[] manual, Tensor autogradGrad) {
        double[] auto = autogradGrad == null ? null : autogradGrad.toArray();
        return finish(label, manual, auto, List.of(), DEFAULT_RTOL);
    }

    /** The manual gradient against autograd's values given as numbers (a Python float, a list). */
    public static Result compare(String label, double[] manual, double[] autograd) {
        return finish(label, manual, autograd == null ? null : autograd.clone(), List.of(), DEFAULT_RTOL);
    }

    /** The manual gradient and its factors against a derivation (its .grad, or its own value when there is none). */
    public static Result compare(String label, double[] manual, Derivation derivation, List<ManualFactor> factors) {
        return compare(label, manual, derivation, factors, DEFAULT_RTOL);
    }

    public static Result compare(String label, double[] manual, Derivation derivation, List<ManualFactor> factors, double rtol) {
        double[] auto = derivation.autogradGradient() != null ? derivation.autogradGradient() : derivation.gradient();
        List<FactorCheck> checks = checkFactors(derivation, factors == null ? List.of() : factors, rtol);
        return finish(label, manual, auto, checks, rtol);
    }

    /** Derives d root / d leaf with {@code symbols} and compares. */
    public static Result compare(String label, double[] manual, Tensor leaf, Tensor root, Symbols symbols, List<ManualFactor> factors) {
        return compare(label, manual, ChainRule.derive(leaf, root, symbols), factors);
    }

    private static boolean close(double a, double b, double rtol) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return Math.abs(a - b) <= ATOL + rtol * Math.abs(b);
    }

    private static Result finish(String label, double[] manual, double[] auto, List<FactorCheck> checks, double rtol) {
        double maxAbs = 0, maxRel = 0;
        boolean agrees = auto != null && (manual.length == auto.length || manual.length == 1 && auto.length == 1);
        if (auto != null && manual.length != auto.length) {
            agrees = false;
            maxAbs = Double.NaN;
            maxRel = Double.NaN;
        } else if (auto != null) {
            for (int i = 0; i < manual.length; i++) {
                maxAbs = Math.max(maxAbs, Math.abs(manual[i] - auto[i]));
                maxRel = Math.max(maxRel, FiniteDifference.relative(manual[i], auto[i]));
                agrees &= close(manual[i], auto[i], rtol);
            }
        } else {
            maxAbs = Double.NaN;
            maxRel = Double.NaN;
        }
        FactorCheck first = null;
        for (FactorCheck c : checks) {
            if (Boolean.FALSE.equals(c.agrees())) {
                first = c;
                break;
            }
        }
        return new Result(label, manual.clone(), auto, maxAbs, maxRel, agrees, List.copyOf(checks), first,
                message(label, manual, auto, agrees, maxAbs, maxRel, first));
    }

    private static String show(double[] v) {
        if (v == null) {
            return "none";
        }
        if (v.length == 1) {
            return Numbers.rounded(v[0], Derivation.DECIMALS);
        }
        List<String> parts = new ArrayList<>();
        for (double x : v) {
            parts.add(Numbers.rounded(x, Derivation.DECIMALS));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String message(String label, double[] manual, double[] auto, boolean agrees, double abs, double rel, FactorCheck first) {
        if (auto == null) {
            return "manual " + label + " = " + show(manual) + ", but autograd has no gradient to compare with (call backward() first)";
        }
        if (manual.length != auto.length) {
            return "manual " + label + " has " + manual.length + " values, autograd's gradient has " + auto.length;
        }
        if (agrees) {
            return "manual " + label + " = " + show(manual) + " agrees with autograd " + show(auto);
        }
        StringBuilder sb = new StringBuilder("manual " + label + " = " + show(manual) + " differs from autograd " + show(auto)
                + " (abs diff " + Numbers.rounded(abs, 6) + ", rel diff " + Numbers.rounded(rel, 6) + ")");
        if (first != null) {
            sb.append("; the first factor that differs is ").append(first.name()).append(": manual ").append(show(first.manual()))
                    .append(", autograd ").append(Numbers.rounded(first.autograd(), Derivation.DECIMALS));
            if (first.formula() != null) {
                sb.append(" = ").append(first.formula().plain());
            }
        }
        return sb.toString();
    }

    /** Reads {@code dL/dy_pred}, {@code d(loss)/d(y_pred)} or {@code dloss_dy_pred} as (of, wrt); null when it is neither. */
    public static String[] parseName(String name) {
        Matcher m = SLASH.matcher(name);
        if (m.matches()) {
            return new String[] {m.group(1).trim(), m.group(2).trim()};
        }
        m = UNDERSCORE.matcher(name.trim());
        if (m.matches()) {
            return new String[] {m.group(1), m.group(2)};
        }
        return null;
    }

    private static List<FactorCheck> checkFactors(Derivation d, List<ManualFactor> factors, double rtol) {
        List<Segment> chain = d.chain();
        List<FactorCheck> out = new ArrayList<>();
        if (factors.isEmpty()) {
            return out;
        }
        boolean positional = factors.size() == chain.size();
        for (int k = 0; k < factors.size(); k++) {
            ManualFactor f = factors.get(k);
            Segment match = null;
            String[] parsed = parseName(f.name());
            if (parsed != null) {
                for (Segment s : chain) {
                    if (s.wrt().equals(parsed[1]) && (s.of().equals(parsed[0]) || s == chain.get(0))) {
                        match = s;
                        break;
                    }
                }
            }
            if (match == null && positional) {
                match = chain.get(k);
            }
            if (match == null) {
                out.add(new FactorCheck(f.name(), parsed == null ? null : parsed[0], parsed == null ? null : parsed[1],
                        f.values(), null, null, Double.NaN, Double.NaN, null));
                continue;
            }
            Double auto = match.value();
            Boolean agrees = null;
            double abs = Double.NaN, rel = Double.NaN;
            if (auto != null && f.values().length > 0) {
                agrees = true;
                abs = 0;
                rel = 0;
                for (double v : f.values()) {
                    abs = Math.max(abs, Math.abs(v - auto));
                    rel = Math.max(rel, FiniteDifference.relative(v, auto));
                    agrees &= close(v, auto, rtol);
                }
            }
            out.add(new FactorCheck(f.name(), match.of(), match.wrt(), f.values(), auto, match.symbolic(), abs, rel, agrees));
        }
        // report in chain order, from the root down
        out.sort((a, b) -> Integer.compare(position(chain, a), position(chain, b)));
        return out;
    }

    private static int position(List<Segment> chain, FactorCheck c) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).wrt().equals(c.wrt()) && (c.of() == null || chain.get(i).of().equals(c.of()) || i == 0)) {
                return i;
            }
        }
        return chain.size();
    }
}
