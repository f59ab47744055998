package org.autogradstudio.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a notebook-style source into cells exactly as the conformance runner does: a cell starts
 * at each line beginning with {@code # %%}; cells that hold only comments and blank lines
 * (including {@code # %% [markdown]} cells) are dropped.
 */
public final class Cells {
    /** A code cell and the 1-based line of the file where its text starts. */
    public record Cell(String source, int firstLine) {
    }

    private Cells() {
    }

    public static List<Cell> split(String source) {
        List<Cell> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int curStart = 1;
        int lineNo = 0;
        for (String line : linesKeepEnds(source)) {
            lineNo++;
            if (line.startsWith("# %%")) {
                if (cur.length() > 0) {
                    cells.add(new Cell(cur.toString(), curStart));
                }
                cur.setLength(0);
                curStart = lineNo + 1;
                continue;
            }
            if (cur.length() == 0) {
                curStart = lineNo;
            }
            cur.append(line);
        }
        if (cur.length() > 0) {
            cells.add(new Cell(cur.toString(), curStart));
        }
        cells.removeIf(c -> !isCode(c.source()));
        return cells;
    }

    private static boolean isCode(String cell) {
        if (cell.isBlank()) {
            return false;
        }
        for (String l : cell.split("\r\n|\r|\n")) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> linesKeepEnds(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }
}
