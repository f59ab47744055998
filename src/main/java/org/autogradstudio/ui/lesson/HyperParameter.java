package org.autogradstudio.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A training setting written in a lesson as a top-level assignment ({@code learning_rate = 0.05},
 * {@code epochs = 200}). Changing it from the UI rewrites that line of the cell, so the code on screen
 * always says what runs.
 */
public record HyperParameter(CellModel cell, int line, String name, String value) {
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^(learning_rate|lr|epochs|num_epochs|n_epochs|steps|iterations|momentum)(\\s*=\\s*)([0-9][0-9_]*(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)(\\s*(?:#.*)?)$");

    /** The settings in these cells, in order (the first assignment of each name). */
    public static List<HyperParameter> find(List<CellModel> cells) {
        List<HyperParameter> found = new ArrayList<>();
        for (CellModel c : cells) {
            String[] lines = c.getSource().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = ASSIGNMENT.matcher(lines[i]);
                String name = m.matches() ? m.group(1) : null;
                if (name != null && found.stream().noneMatch(h -> h.name().equals(name))) {
                    found.add(new HyperParameter(c, i, name, m.group(3)));
                }
            }
        }
        return found;
    }

    /** Whether the setting counts something (epochs, steps): whole numbers only. */
    public boolean isCount() {
        return name.contains("epochs") || name.equals("steps") || name.equals("iterations");
    }

    /** Whether {@code text} is a value this setting accepts. */
    public boolean accepts(String text) {
        String t = text.strip();
        if (isCount()) {
            return t.matches("[1-9][0-9]{0,6}");
        }
        try {
            double v = Double.parseDouble(t);
            return v >= 0 && Double.isFinite(v) && t.matches("[0-9.eE+-]+");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Writes {@code text} into the cell's line; returns the setting as it now stands. */
    public HyperParameter set(String text) {
        if (!accepts(text)) {
            throw new IllegalArgumentException(name + " cannot be " + text);
        }
        String[] lines = cell.getSource().split("\n", -1);
        Matcher m = ASSIGNMENT.matcher(lines[line]);
        if (!m.matches()) {
            throw new IllegalStateException("line " + (line + 1) + " no longer assigns " + name);
        }
        lines[line] = m.group(1) + m.group(2) + text.strip() + m.group(4);
        cell.sourceProperty().set(String.join("\n", lines));
        return new HyperParameter(cell, line, name, text.strip());
    }
}
