package org.autogradstudio.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * Jupytext's percent format: cells start at lines beginning {@code # %%}; a {@code # %% [markdown]}
 * cell holds commented lines ({@code # text}). Text before the first marker is a code cell.
 * Reading then writing a file gives the same text back (modulo a final newline).
 */
public final class PercentFormat {
    private PercentFormat() {
    }

    public static Lesson read(String name, String text) {
        List<Cell> cells = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) {
            n--;
        }
        Cell.Kind kind = Cell.Kind.CODE;
        StringBuilder body = new StringBuilder();
        int start = 1;
        boolean open = false;
        for (int i = 0; i < n; i++) {
            String line = lines[i];
            if (line.startsWith("# %%")) {
                if (open || body.length() > 0) {
                    cells.add(finish(kind, body, start));
                }
                kind = line.contains("[markdown]") || line.contains("[md]") ? Cell.Kind.MARKDOWN : Cell.Kind.CODE;
                body.setLength(0);
                start = i + 2;
                open = true;
                continue;
            }
            if (kind == Cell.Kind.MARKDOWN) {
                line = line.startsWith("# ") ? line.substring(2) : line.startsWith("#") ? line.substring(1) : line;
            }
            body.append(line).append('\n');
        }
        if (open || body.toString().strip().length() > 0) {
            cells.add(finish(kind, body, start));
        }
        return new Lesson(name, titleOf(name, cells), cells);
    }

    private static Cell finish(Cell.Kind kind, StringBuilder body, int start) {
        String s = body.toString();
        // Trailing blank lines separate cells on disk; they are not part of the cell.
        s = s.replaceAll("\\s+$", "");
        return new Cell(kind, s, start);
    }

    /** The first markdown heading, else the file name without number and extension. */
    static String titleOf(String name, List<Cell> cells) {
        for (Cell c : cells) {
            if (c.kind() == Cell.Kind.MARKDOWN) {
                for (String line : c.source().split("\n")) {
                    if (line.startsWith("#")) {
                        return line.replaceFirst("^#+\\s*", "").strip();
                    }
                }
            }
        }
        String base = name.replaceFirst("\\.[^.]*$", "").replaceFirst("^\\d+[_-]", "");
        return base.replace('_', ' ');
    }

    public static String write(Lesson lesson) {
        StringBuilder out = new StringBuilder();
        for (Cell c : lesson.cells()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (c.kind() == Cell.Kind.MARKDOWN) {
                out.append("# %% [markdown]\n");
                for (String line : c.source().split("\n", -1)) {
                    out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
                }
            } else {
                out.append("# %%\n");
                if (!c.source().isEmpty()) {
                    out.append(c.source()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
