package org.autogradstudio.ui.lesson;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optimizer a training lesson uses, written in its code at top level: either the class in
 * {@code optimizer = torch.optim.SGD(...)} or the optimizer's name given to the lesson's own
 * training function, {@code train("SGD", 100)}. Changing it rewrites that line, so the code on
 * screen always says what runs.
 */
public record OptimizerSetting(CellModel cell, int line, String value, List<String> choices) {
    private static final Pattern CONSTRUCTED = Pattern.compile("^(\\S.*torch\\.optim\\.)(SGD|Adam)(\\(.*)$");
    private static final Pattern NAMED = Pattern.compile("^(\\S.*\\w\\(\\s*)\"(SGD|SGD\\+momentum|Adam)\"(.*)$");
    private static final List<String> CLASSES = List.of("SGD", "Adam");
    private static final List<String> NAMES = List.of("SGD", "SGD+momentum", "Adam");

    /** The first optimizer set at top level in these cells, or null. */
    public static OptimizerSetting find(List<CellModel> cells) {
        for (CellModel c : cells) {
            String[] lines = c.getSource().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = CONSTRUCTED.matcher(lines[i]);
                if (m.matches()) {
                    return new OptimizerSetting(c, i, m.group(2), CLASSES);
                }
                m = NAMED.matcher(lines[i]);
                if (m.matches()) {
                    return new OptimizerSetting(c, i, m.group(2), NAMES);
                }
            }
        }
        return null;
    }

    /** Writes {@code choice} into the line; returns the setting as it now stands. */
    public OptimizerSetting set(String choice) {
        if (!choices.contains(choice)) {
            throw new IllegalArgumentException("not an optimizer here: " + choice);
        }
        String[] lines = cell.getSource().split("\n", -1);
        Matcher m = (choices == CLASSES ? CONSTRUCTED : NAMED).matcher(line < lines.length ? lines[line] : "");
        if (!m.matches()) {
            throw new IllegalStateException("line " + (line + 1) + " no longer sets the optimizer");
        }
        String quote = choices == CLASSES ? "" : "\"";
        lines[line] = m.group(1) + quote + choice + quote + m.group(3);
        cell.sourceProperty().set(String.join("\n", lines));
        return new OptimizerSetting(cell, line, choice, choices);
    }
}
