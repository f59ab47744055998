package org.autogradstudio.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.autogradstudio.ui.run.RunController;

/**
 * The open lesson as a scrolling list of cells. Tracks the cell with the focus (the one the Run
 * menu acts on) and implements Shift+Enter: run, then move to the next cell.
 */
public final class NotebookView extends ScrollPane implements CellActions {
    private final RunController runner;
    private final VBox cells = new VBox();
    private final List<Node> views = new ArrayList<>();
    private final ReadOnlyObjectWrapper<CellModel> focusedCell = new ReadOnlyObjectWrapper<>(this, "focusedCell");
    private NotebookModel notebook;

    public NotebookView(RunController runner) {
        this.runner = runner;
        createView();
    }

    private void createView() {
        getStyleClass().add("notebook");
        cells.getStyleClass().add("notebook-cells");
        setContent(cells);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    /** Shows a lesson (null: none). */
    public void setNotebook(NotebookModel model) {
        this.notebook = model;
        views.clear();
        cells.getChildren().clear();
        focusedCell.set(null);
        if (model == null) {
            return;
        }
        for (CellModel c : model.cells()) {
            Node v = c.isCode() ? new CodeCellView(c, this) : new MarkdownCellView(c, this);
            views.add(v);
        }
        cells.getChildren().setAll(views);
        setVvalue(0);
        model.codeCells().stream().findFirst().ifPresent(focusedCell::set);
    }

    public NotebookModel notebook() {
        return notebook;
    }

    public ReadOnlyObjectProperty<CellModel> focusedCellProperty() {
        return focusedCell.getReadOnlyProperty();
    }

    public CellModel getFocusedCell() {
        return focusedCell.get();
    }

    /** The view of a code cell (tests, scrolling). */
    public CodeCellView codeView(CellModel cell) {
        for (Node n : views) {
            if (n instanceof CodeCellView v && v.cell() == cell) {
                return v;
            }
        }
        return null;
    }

    public List<CodeCellView> codeViews() {
        List<CodeCellView> out = new ArrayList<>();
        for (Node n : views) {
            if (n instanceof CodeCellView v) {
                out.add(v);
            }
        }
        return out;
    }

    @Override
    public void run(CellModel cell) {
        focusedCell.set(cell);
        runner.run(cell);
    }

    @Override
    public void runAndAdvance(CellModel cell) {
        if (cell.isCode()) {
            runner.run(cell);
        }
        int i = notebook.cells().indexOf(cell);
        if (i >= 0 && i + 1 < notebook.cells().size()) {
            focus(notebook.cells().get(i + 1));
        }
    }

    @Override
    public void focused(CellModel cell) {
        focusedCell.set(cell);
    }

    /** Moves the keyboard focus to a cell and scrolls it into view. */
    public void focus(CellModel cell) {
        focusedCell.set(cell);
        int i = notebook.cells().indexOf(cell);
        if (i < 0) {
            return;
        }
        Node v = views.get(i);
        if (v instanceof CodeCellView c) {
            c.focusEditor();
        } else {
            v.requestFocus();
        }
        Platform.runLater(() -> scrollTo(v));
    }

    private void scrollTo(Node v) {
        double contentH = cells.getHeight();
        double viewH = getViewportBounds().getHeight();
        if (contentH <= viewH) {
            return;
        }
        Bounds b = v.getBoundsInParent();
        double top = getVvalue() * (contentH - viewH);
        if (b.getMinY() < top || b.getMaxY() > top + viewH) {
            double target = Math.min(b.getMinY() - 20, contentH - viewH);
            setVvalue(Math.max(0, target / (contentH - viewH)));
        }
    }
}
