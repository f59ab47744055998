package org.autogradstudio.lesson;

import java.util.List;

/**
 * A lesson: a title and its cells, in Jupytext's percent format on disk.
 * {@code name} is the file name (e.g. {@code 05_logistic_neuron.py}) or a label for unsaved text.
 */
public record Lesson(String name, String title, List<Cell> cells) {
    public Lesson {
        cells = List.copyOf(cells);
    }

    /** The code cells only, in order. */
    public List<Cell> codeCells() {
        return cells.stream().filter(Cell::isCode).toList();
    }

    public Lesson withCell(int index, Cell cell) {
        java.util.List<Cell> copy = new java.util.ArrayList<>(cells);
        copy.set(index, cell);
        return new Lesson(name, title, copy);
    }

    /** The whole lesson as one script (code cells joined), as {@code python3 file.py} would run it. */
    public String scriptSource() {
        return PercentFormat.write(this);
    }
}
