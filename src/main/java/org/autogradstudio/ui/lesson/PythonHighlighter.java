package org.autogradstudio.ui.lesson;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Python syntax colouring for code cells, as RichTextFX style spans (CSS classes {@code py-*}). */
public final class PythonHighlighter {
    private static final String[] KEYWORDS = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
        "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
        "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
    private static final String[] BUILTINS = {"print", "range", "len", "abs", "round", "min", "max", "sum", "enumerate",
        "zip", "float", "int", "str", "bool", "list", "dict", "tuple", "isinstance", "type", "sorted", "reversed", "map",
        "filter", "any", "all", "self"};

    private static final Pattern PATTERN = Pattern.compile(
            "(?<COMMENT>#[^\n]*)"
            + "|(?<STRING>[rRbBfFuU]{0,2}(\"\"\"[\\s\\S]*?(\"\"\"|$)|'''[\\s\\S]*?('''|$)|\"([^\"\\\\\n]|\\\\.)*\"?|'([^'\\\\\n]|\\\\.)*'?))"
            + "|(?<DECORATOR>@\\w+)"
            + "|(?<KEYWORD>\\b(" + String.join("|", KEYWORDS) + ")\\b)"
            + "|(?<BUILTIN>\\b(" + String.join("|", BUILTINS) + ")\\b(?=\\s*\\()?)"
            + "|(?<NUMBER>\\b(0[xX][0-9a-fA-F_]+|\\d[\\d_]*\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?)j?\\b)"
            + "|(?<DEF>(?<=\\bdef\\s)\\w+)");

    private PythonHighlighter() {
    }

    public static StyleSpans<Collection<String>> highlight(String text) {
        Matcher m = PATTERN.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = m.group("COMMENT") != null ? "py-comment"
                    : m.group("STRING") != null ? "py-string"
                    : m.group("DECORATOR") != null ? "py-decorator"
                    : m.group("KEYWORD") != null ? "py-keyword"
                    : m.group("BUILTIN") != null ? "py-builtin"
                    : m.group("NUMBER") != null ? "py-number"
                    : "py-def";
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(List.of(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
