package org.autogradstudio.ui.lesson;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.autogradstudio.lesson.Cell;
import org.autogradstudio.lesson.CellResult;
import org.autogradstudio.lesson.ScriptError;

/**
 * One cell of the open lesson. The source is the editor's text (edits are never replaced by a run
 * or an error); output, state and error are set by the run controller on the FX thread.
 */
public final class CellModel {
    /** Characters of output a cell keeps; older text is cut (a print loop must not eat the memory). */
    public static final int MAX_OUTPUT = 60_000;

    public enum State { IDLE, QUEUED, RUNNING, OK, ERROR, CANCELLED }

    private final Cell.Kind kind;
    private final int firstLine;
    private final StringProperty source;
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper(this, "output", "");
    private final ReadOnlyStringWrapper echo = new ReadOnlyStringWrapper(this, "echo", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<ScriptError> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyIntegerWrapper executionCount = new ReadOnlyIntegerWrapper(this, "executionCount", 0);
    private final StringBuilder buffer = new StringBuilder();
    private long truncated;

    public CellModel(Cell cell) {
        this.kind = cell.kind();
        this.firstLine = cell.firstLine();
        this.source = new SimpleStringProperty(this, "source", cell.source());
    }

    public boolean isCode() {
        return kind == Cell.Kind.CODE;
    }

    public Cell.Kind kind() {
        return kind;
    }

    /** The cell as the lesson package knows it, with the current source. */
    public Cell toCell() {
        return new Cell(kind, source.get(), firstLine);
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public String getSource() {
        return source.get();
    }

    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    public String getOutput() {
        return output.get();
    }

    public ReadOnlyStringProperty echoProperty() {
        return echo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    public ReadOnlyObjectProperty<ScriptError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ScriptError getError() {
        return error.get();
    }

    public ReadOnlyIntegerProperty executionCountProperty() {
        return executionCount.getReadOnlyProperty();
    }

    // ---- called by the run controller (FX thread) -------------------------------------------

    public void markQueued() {
        state.set(State.QUEUED);
    }

    public void markIdle() {
        state.set(State.IDLE);
    }

    public void markRunning(int count) {
        buffer.setLength(0);
        truncated = 0;
        output.set("");
        echo.set("");
        error.set(null);
        executionCount.set(count);
        state.set(State.RUNNING);
    }

    public void appendOutput(String text) {
        buffer.append(text);
        if (buffer.length() > MAX_OUTPUT) {
            int cut = buffer.length() - MAX_OUTPUT * 3 / 4;
            int nl = buffer.indexOf("\n", cut);
            cut = nl >= 0 && nl - cut < 200 ? nl + 1 : cut;
            truncated += cut;
            buffer.delete(0, cut);
        }
        output.set(truncated > 0 ? "\u2026 [" + truncated + " characters not shown]\n" + buffer : buffer.toString());
    }

    public void finish(CellResult result) {
        if (buffer.length() == 0 && result.output() != null && !result.output().isEmpty()) {
            appendOutput(result.output());
        }
        if (result.echo() != null) {
            echo.set(result.echo());
        }
        error.set(result.error());
        state.set(result.cancelled() ? State.CANCELLED : result.ok() ? State.OK : State.ERROR);
    }
}
