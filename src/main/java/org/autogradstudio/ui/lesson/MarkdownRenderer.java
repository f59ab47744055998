package org.autogradstudio.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Renders the markdown of lesson cells readably: headings, paragraphs, bullet and numbered lists,
 * tables, fenced code, and inline {@code code}, **bold**, *italic* and {@code $math$} (kept as text in a
 * math style; the derivation panel draws real formulas). CSS classes {@code md-*}.
 */
public final class MarkdownRenderer {
    private static final Pattern INLINE = Pattern.compile(
            "(?<code>`[^`]+`)|(?<math>\\$\\$[^$]+\\$\\$|\\$[^$\n]+\\$)|(?<bold>\\*\\*[^*]+\\*\\*|__[^_]+__)|(?<italic>\\*[^*\\s][^*]*\\*|_[^_\\s][^_]*_)");

    private MarkdownRenderer() {
    }

    /** A block of the rendered cell: its kind ({@code h1}, {@code p}, {@code li}, {@code code} ...) and text. */
    public record Block(String kind, String text) {
    }

    /** Splits markdown into blocks (exposed for tests). */
    public static List<Block> blocks(String markdown) {
        List<Block> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        StringBuilder fence = null;
        // a list item goes on over the following lines until a blank line or another block
        boolean inItem = false;
        for (String line : markdown.split("\n", -1)) {
            boolean wasInItem = inItem;
            inItem = false;
            if (fence != null) {
                if (line.strip().startsWith("```")) {
                    out.add(new Block("code", fence.toString().stripTrailing()));
                    fence = null;
                } else {
                    fence.append(line).append('\n');
                }
                continue;
            }
            String t = line.strip();
            if (t.startsWith("```")) {
                flush(out, para);
                fence = new StringBuilder();
            } else if (t.isEmpty()) {
                flush(out, para);
            } else if (t.matches("#{1,6}\\s.*")) {
                flush(out, para);
                int level = t.indexOf(' ');
                out.add(new Block("h" + Math.min(level, 4), t.substring(level).strip()));
            } else if (t.matches("[-*+]\\s.*")) {
                flush(out, para);
                out.add(new Block("li", "\u2022  " + t.substring(2).strip()));
                inItem = true;
            } else if (t.matches("\\d+[.)]\\s.*")) {
                flush(out, para);
                out.add(new Block("li", t));
                inItem = true;
            } else if (t.startsWith("|")) {
                flush(out, para);
                if (!t.matches("\\|?[\\s:|-]+\\|?")) {
                    boolean continues = !out.isEmpty() && out.get(out.size() - 1).kind().equals("table");
                    String row = t.replaceAll("^\\||\\|$", "");
                    if (continues) {
                        Block prev = out.remove(out.size() - 1);
                        out.add(new Block("table", prev.text() + "\n" + row));
                    } else {
                        out.add(new Block("table", row));
                    }
                }
            } else if (t.startsWith(">")) {
                flush(out, para);
                out.add(new Block("quote", t.substring(1).strip()));
            } else if (wasInItem) {
                Block item = out.remove(out.size() - 1);
                out.add(new Block("li", item.text() + " " + t));
                inItem = true;
            } else {
                para.append(para.length() == 0 ? "" : " ").append(t);
            }
        }
        if (fence != null) {
            out.add(new Block("code", fence.toString().stripTrailing()));
        }
        flush(out, para);
        return out;
    }

    private static void flush(List<Block> out, StringBuilder para) {
        if (para.length() > 0) {
            out.add(new Block("p", para.toString()));
            para.setLength(0);
        }
    }

    /** A line of markdown as plain text: {@code $\\sigma$} becomes σ, {@code `x`} becomes x (titles, lists). */
    public static String plainText(String line) {
        Matcher m = INLINE.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(line, last, m.start());
            String g = m.group();
            if (m.group("math") != null) {
                out.append(LatexText.toUnicode(g.startsWith("$$") ? g.substring(2, g.length() - 2) : g.substring(1, g.length() - 1)));
            } else if (m.group("bold") != null) {
                out.append(g, 2, g.length() - 2);
            } else {
                out.append(g, 1, g.length() - 1);
            }
            last = m.end();
        }
        return out.append(line.substring(last)).toString();
    }

    /** The rendered blocks as JavaFX nodes. */
    public static List<Node> render(String markdown) {
        List<Node> nodes = new ArrayList<>();
        for (Block b : blocks(markdown)) {
            if (b.kind().equals("table")) {
                nodes.add(table(b.text()));
                continue;
            }
            TextFlow flow = new TextFlow();
            flow.getStyleClass().addAll("md-block", "md-" + b.kind());
            if (b.kind().equals("code")) {
                Text t = new Text(b.text());
                t.getStyleClass().addAll("md-text", "md-code-block");
                flow.getChildren().add(t);
            } else {
                inline(flow, b.text(), b.kind().startsWith("h") ? "md-heading-text" : "md-text");
            }
            nodes.add(flow);
        }
        return nodes;
    }

    /** A table block (rows separated by newlines, cells by {@code |}); the first row is the header. */
    private static Node table(String rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("md-block", "md-table");
        String[] lines = rows.split("\n");
        for (int r = 0; r < lines.length; r++) {
            String[] cells = lines[r].split("\\|", -1);
            for (int c = 0; c < cells.length; c++) {
                TextFlow cell = new TextFlow();
                cell.getStyleClass().addAll("md-table-cell", r == 0 ? "md-table-header" : "md-table-row");
                inline(cell, cells[c].strip(), r == 0 ? "md-heading-text" : "md-text");
                grid.add(cell, c, r);
            }
        }
        return grid;
    }

    private static void inline(TextFlow flow, String text, String base) {
        Matcher m = INLINE.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                flow.getChildren().add(text(text.substring(last, m.start()), base));
            }
            String g = m.group();
            if (m.group("code") != null) {
                flow.getChildren().add(text(g.substring(1, g.length() - 1), base, "md-code"));
            } else if (m.group("math") != null) {
                String inner = g.startsWith("$$") ? g.substring(2, g.length() - 2) : g.substring(1, g.length() - 1);
                flow.getChildren().add(text(LatexText.toUnicode(inner), base, "md-math"));
            } else if (m.group("bold") != null) {
                flow.getChildren().add(text(g.substring(2, g.length() - 2), base, "md-bold"));
            } else {
                flow.getChildren().add(text(g.substring(1, g.length() - 1), base, "md-italic"));
            }
            last = m.end();
        }
        if (last < text.length()) {
            flow.getChildren().add(text(text.substring(last), base));
        }
    }

    private static Text text(String s, String... styles) {
        Text t = new Text(s);
        t.getStyleClass().addAll(styles);
        return t;
    }
}
