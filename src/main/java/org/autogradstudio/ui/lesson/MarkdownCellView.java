package org.autogradstudio.ui.lesson;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

/** A markdown cell, rendered; double-click edits its text, Shift+Enter (or leaving it) renders again. */
public final class MarkdownCellView extends VBox {
    private final CellModel cell;
    private final CellActions actions;
    private final VBox rendered = new VBox();
    private TextArea editor;

    public MarkdownCellView(CellModel cell, CellActions actions) {
        this.cell = cell;
        this.actions = actions;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().addAll("cell", "markdown-cell");
        rendered.getStyleClass().add("markdown");
        render();
        getChildren().setAll(rendered);
    }

    private void initListeners() {
        rendered.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2) {
                edit();
            }
        });
    }

    private void render() {
        rendered.getChildren().setAll(MarkdownRenderer.render(cell.getSource()));
    }

    public void edit() {
        editor = new TextArea(cell.getSource());
        editor.getStyleClass().add("markdown-editor");
        editor.setWrapText(true);
        editor.setPrefRowCount(Math.max(3, (int) cell.getSource().chars().filter(c -> c == '\n').count() + 2));
        editor.textProperty().addListener((o, a, b) -> cell.sourceProperty().set(b));
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                e.consume();
                finishEditing();
                actions.runAndAdvance(cell);
            }
        });
        editor.focusedProperty().addListener((o, a, f) -> {
            if (f) {
                actions.focused(cell);
            } else {
                finishEditing();
            }
        });
        getChildren().setAll(editor);
        editor.requestFocus();
    }

    private void finishEditing() {
        if (editor != null) {
            editor = null;
            render();
            getChildren().setAll(rendered);
        }
    }

    public CellModel cell() {
        return cell;
    }
}
