package org.autogradstudio.ui.lesson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes simple LaTeX readable as plain text ({@code \frac{dL}{dw}} → {@code (dL)/(dw)},
 * {@code \sigma} → σ, {@code x^2} → x²) until the derivation panel draws formulas with jlatexmath.
 */
public final class LatexText {
    private static final Map<String, String> SYMBOLS = new LinkedHashMap<>();

    static {
        String[][] pairs = {{"\\partial", "\u2202"}, {"\\sigma", "\u03c3"}, {"\\cdot", " \u00b7 "}, {"\\times", "\u00d7"},
            {"\\alpha", "\u03b1"}, {"\\beta", "\u03b2"}, {"\\eta", "\u03b7"}, {"\\theta", "\u03b8"}, {"\\lambda", "\u03bb"},
            {"\\epsilon", "\u03b5"}, {"\\nabla", "\u2207"}, {"\\sum", "\u03a3"}, {"\\approx", "\u2248"}, {"\\neq", "\u2260"},
            {"\\leq", "\u2264"}, {"\\geq", "\u2265"}, {"\\rightarrow", "\u2192"}, {"\\to", "\u2192"}, {"\\log", "log"}, {"\\ln", "ln"},
            {"\\exp", "exp"}, {"\\sin", "sin"}, {"\\cos", "cos"}, {"\\tanh", "tanh"},
            // arrows before \left and \right, which they begin with
            {"\\leftrightarrow", "\u2194"}, {"\\leftarrow", "\u2190"}, {"\\Leftarrow", "\u21d0"}, {"\\Rightarrow", "\u21d2"},
            {"\\gets", "\u2190"}, {"\\ell", "\u2113"}, {"\\infty", "\u221e"}, {"\\prod", "\u220f"}, {"\\pi", "\u03c0"}, {"\\mu", "\u03bc"},
            {"\\gamma", "\u03b3"}, {"\\delta", "\u03b4"}, {"\\Delta", "\u0394"},
            {"\\left", ""}, {"\\right", ""},
            {"\\,", " "}, {"\\;", " "}, {"\\qquad", "    "}, {"\\quad", "  "}, {"\\mathrm", ""}, {"\\text", ""}};
        for (String[] p : pairs) {
            SYMBOLS.put(p[0], p[1]);
        }
    }

    private LatexText() {
    }

    private static final String SUB_FROM = "0123456789aeijnoruvx";
    private static final String SUB_TO = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089"
            + "\u2090\u2091\u1d62\u2c7c\u2099\u2092\u1d63\u1d64\u1d65\u2093";

    /** {@code x_i}, {@code x_{10}} as subscript letters where Unicode has them all. */
    private static String subscripts(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("_\\{([0-9a-z]+)\\}|_([0-9a-z])").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(1) != null ? m.group(1) : m.group(2);
            StringBuilder sub = new StringBuilder();
            for (char c : body.toCharArray()) {
                int i = SUB_FROM.indexOf(c);
                if (i < 0) {
                    sub = null;
                    break;
                }
                sub.append(SUB_TO.charAt(i));
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(sub != null ? sub.toString() : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String toUnicode(String latex) {
        String s = latex.replace("^{2}", "\u00b2").replace("^2", "\u00b2").replace("^{3}", "\u00b3").replace("^3", "\u00b3")
                .replace("^{T}", "\u1d40").replace("^T", "\u1d40");
        s = s.replaceAll("\\\\partial\\s*", "\u2202");
        s = s.replaceAll("\\\\hat\\{(\\w)\\}", "$1\u0302").replaceAll("\\\\hat\\s*(\\w)", "$1\u0302");
        // precomposed letters where Unicode has them: JavaFX's TextFlow mis-wraps combining marks
        s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
        for (String before = null; !s.equals(before);) {
            before = s;
            // \text{output} inside a fraction: its braces first, so the \frac around it can be read
            s = s.replaceAll("\\\\(?:text|mathrm|operatorname|mathbf|mathit)\\{([^{}]*)\\}", "$1");
            s = s.replaceAll("\\^\\{([^{}]*)\\}", "^$1");
            s = s.replaceAll("\\\\frac\\{([^{}]*)\\}\\{([^{}]*)\\}", "($1)/($2)");
            s = s.replaceAll("\\\\sqrt\\{([^{}]*)\\}", "\u221a($1)");
        }
        s = subscripts(s);
        for (Map.Entry<String, String> e : SYMBOLS.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        s = s.replace("{", "").replace("}", "").replaceAll(" {2,}", " ");
        String word = "([\\p{L}\\p{M}\\p{N}_\u2202]+)";
        return s.replaceAll("\\(" + word + "\\)/", "$1/").replaceAll("/\\(" + word + "\\)", "/$1");
    }
}
