package org.autogradstudio.script;

import java.util.function.UnaryOperator;

/**
 * The lines of a notebook cell that IPython, not Python, runs: line magics ({@code %matplotlib
 * inline}, {@code %%time}) and shell escapes ({@code !pip install torch}), found as IPython finds
 * them, at the start of a logical line (not inside a string or brackets).
 */
public final class IPythonLines {
    private IPythonLines() {
    }

    /** {@code code} with each IPython line replaced by {@code replace} of it; other lines are kept, so line numbers are. */
    public static String transform(String code, UnaryOperator<String> replace) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        String openQuote = null;
        String[] lines = code.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String t = line.stripLeading();
            boolean logicalStart = depth == 0 && openQuote == null
                    && (n == 0 || !lines[n - 1].endsWith("\\"));
            out.append(logicalStart && (t.startsWith("%") || t.startsWith("!")) ? replace.apply(line) : line);
            if (n < lines.length - 1) {
                out.append('\n');
            }
            // follow brackets and triple-quoted strings to the end of this line
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (openQuote != null) {
                    if (c == '\\') {
                        i++;
                    } else if (line.startsWith(openQuote, i)) {
                        i += openQuote.length() - 1;
                        openQuote = null;
                    }
                } else if (c == '#') {
                    break;
                } else if (c == '"' || c == '\'') {
                    String triple = String.valueOf(c).repeat(3);
                    if (line.startsWith(triple, i)) {
                        openQuote = triple;
                        i += 2;
                    } else {
                        // a one-line string: skip to its end
                        for (i++; i < line.length() && line.charAt(i) != c; i++) {
                            if (line.charAt(i) == '\\') {
                                i++;
                            }
                        }
                    }
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
            }
        }
        return out.toString();
    }

    /** The line as a Python statement that does nothing, at the same indentation (a block of just it stays a block). */
    public static String asPass(String line) {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        return indent + "pass  # " + line.strip();
    }
}
