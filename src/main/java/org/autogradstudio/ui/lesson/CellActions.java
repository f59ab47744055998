package org.autogradstudio.ui.lesson;

/** What a cell view asks of the notebook around it. */
public interface CellActions {
    /** Runs the cell (Ctrl+Enter, the run button). */
    void run(CellModel cell);

    /** Runs the cell and moves to the next one (Shift+Enter, as in Jupyter). */
    void runAndAdvance(CellModel cell);

    /** The cell got the keyboard focus. */
    void focused(CellModel cell);
}
