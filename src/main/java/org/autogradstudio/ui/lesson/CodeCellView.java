package org.autogradstudio.ui.lesson;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.autogradstudio.lesson.ScriptError;
import org.autogradstudio.ui.I18n;
import org.fxmisc.richtext.CodeArea;

/**
 * A code cell: a gutter with the run button, execution count and running indicator; the editor
 * (Python colouring, line numbers, Shift+Enter runs and advances, Ctrl+Enter runs, Tab and Enter
 * indent); below it the output (monospace, as printed) and the error in red, whose line is marked
 * in the editor. The editor stays editable while the cell runs, and nothing a run does replaces it.
 */
public final class CodeCellView extends HBox {
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass QUEUED = PseudoClass.getPseudoClass("queued");
    private static final int MAX_ROWS = 18;

    private final CellModel cell;
    private final CellActions actions;
    private final CodeArea editor = new CodeArea();
    private final Label count = new Label();
    private final Button run = new Button();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final TextArea output = new TextArea();
    private final TextArea error = new TextArea();
    private int errorLine = -1;

    public CodeCellView(CellModel cell, CellActions actions) {
        this.cell = cell;
        this.actions = actions;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().addAll("cell", "code-cell");
        run.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "icon-button", "cell-run");
        Region icon = new Region();
        icon.getStyleClass().add("icon");
        run.setGraphic(icon);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.text("cell.run"));
        run.setTooltip(tip);
        run.setFocusTraversable(false);
        spinner.getStyleClass().add("cell-spinner");
        spinner.setVisible(false);
        count.getStyleClass().add("cell-count");
        StackPane runSlot = new StackPane(run, spinner);
        VBox gutter = new VBox(4, runSlot, count);
        gutter.setAlignment(Pos.TOP_CENTER);
        gutter.getStyleClass().add("cell-gutter");

        editor.getStyleClass().add("cell-editor");
        editor.replaceText(cell.getSource());
        editor.getUndoManager().forgetHistory();
        editor.setParagraphGraphicFactory(lineNumbers());
        editor.setAutoHeight(true);
        editor.setWrapText(true);
        highlight();

        for (TextArea t : List.of(output, error)) {
            t.setEditable(false);
            t.setWrapText(false);
            t.setVisible(false);
            t.setManaged(false);
            t.setFocusTraversable(false);
        }
        output.getStyleClass().add("cell-output");
        error.getStyleClass().add("cell-error");
        VBox body = new VBox(editor, output, error);
        body.getStyleClass().add("cell-body");
        HBox.setHgrow(body, Priority.ALWAYS);
        getChildren().addAll(gutter, body);
    }

    private void initListeners() {
        editor.textProperty().addListener((o, a, text) -> {
            if (!text.equals(cell.getSource())) {
                cell.sourceProperty().set(text);
            }
        });
        editor.plainTextChanges().subscribe(ch -> highlight());
        editor.focusedProperty().addListener((o, a, f) -> {
            if (f) {
                actions.focused(cell);
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        run.setOnAction(e -> actions.run(cell));
        spinner.visibleProperty().bind(cell.stateProperty().isEqualTo(CellModel.State.RUNNING));
        run.visibleProperty().bind(spinner.visibleProperty().not());
        count.textProperty().bind(Bindings.createStringBinding(() -> switch (cell.getState()) {
            case QUEUED -> "[*]";
            case RUNNING -> "[*]";
            default -> cell.executionCountProperty().get() == 0 ? "[ ]" : "[" + cell.executionCountProperty().get() + "]";
        }, cell.stateProperty(), cell.executionCountProperty()));
        cell.stateProperty().addListener((o, a, s) -> {
            pseudoClassStateChanged(RUNNING, s == CellModel.State.RUNNING);
            pseudoClassStateChanged(QUEUED, s == CellModel.State.QUEUED);
            pseudoClassStateChanged(FAILED, s == CellModel.State.ERROR || s == CellModel.State.CANCELLED);
            if (s == CellModel.State.RUNNING) {
                markError(-1);
                showError(null, false);
            } else if (s == CellModel.State.ERROR || s == CellModel.State.CANCELLED) {
                showError(cell.getError(), s == CellModel.State.CANCELLED);
            }
        });
        cell.outputProperty().addListener((o, a, b) -> showOutput());
        cell.echoProperty().addListener((o, a, b) -> showOutput());
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
            e.consume();
            actions.runAndAdvance(cell);
        } else if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
            e.consume();
            actions.run(cell);
        } else if (e.getCode() == KeyCode.TAB && !e.isShiftDown() && !e.isShortcutDown()) {
            e.consume();
            editor.replaceSelection("    ");
        } else if (e.getCode() == KeyCode.ENTER && !e.isAltDown()) {
            e.consume();
            String line = editor.getParagraph(editor.getCurrentParagraph()).getText();
            String before = line.substring(0, Math.min(line.length(), editor.getCaretColumn()));
            String indent = before.replaceAll("^(\\s*).*$", "$1");
            if (before.stripTrailing().endsWith(":")) {
                indent += "    ";
            }
            editor.replaceSelection("\n" + indent);
            editor.requestFollowCaret();
        }
    }

    private void highlight() {
        String text = editor.getText();
        if (!text.isEmpty()) {
            editor.setStyleSpans(0, PythonHighlighter.highlight(text));
        }
    }

    private IntFunction<Node> lineNumbers() {
        return i -> {
            Label l = new Label(String.valueOf(i + 1));
            l.getStyleClass().add("lineno");
            if (i == errorLine) {
                l.getStyleClass().add("lineno-error");
                l.setText("\u25b6 " + (i + 1));
            }
            return l;
        };
    }

    private void showOutput() {
        String text = cell.getOutput();
        String echo = cell.echoProperty().get();
        if (echo != null && !echo.isEmpty()) {
            text = text + echo;
        }
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        show(output, text);
        if (!text.isEmpty()) {
            output.setScrollTop(Double.MAX_VALUE);
            output.setScrollLeft(0);
        }
    }

    private void showError(ScriptError err, boolean cancelled) {
        if (err == null && !cancelled) {
            show(error, "");
            return;
        }
        String text = err == null ? I18n.get("cell.cancelled")
                : err.traceback() != null && !err.traceback().isBlank() ? err.traceback().stripTrailing() : err.summary();
        show(error, text);
        if (err != null && err.line() > 0) {
            markError(err.line() - 1);
            placeCaretAt(err.line() - 1, err.column() - 1);
        }
    }

    private static void show(TextArea area, String text) {
        boolean visible = !text.isEmpty();
        area.setText(text);
        area.setVisible(visible);
        area.setManaged(visible);
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        area.setPrefRowCount(Math.min(MAX_ROWS, lines));
    }

    /** Marks {@code line} (0-based) of the editor as the failing line; -1 clears the mark. */
    private void markError(int line) {
        if (errorLine >= 0 && errorLine < editor.getParagraphs().size()) {
            editor.setParagraphStyle(errorLine, List.of());
        }
        errorLine = line;
        if (line >= 0 && line < editor.getParagraphs().size()) {
            editor.setParagraphStyle(line, List.of("error-line"));
        }
        editor.setParagraphGraphicFactory(lineNumbers());
    }

    public CellModel cell() {
        return cell;
    }

    public CodeArea editor() {
        return editor;
    }

    /** Puts the editor's caret where the error is (a syntax error's column), without taking the focus. */
    private void placeCaretAt(int line, int column) {
        if (line >= editor.getParagraphs().size()) {
            return;
        }
        int length = editor.getParagraph(line).length();
        editor.moveTo(line, Math.max(0, Math.min(length, column)));
        editor.requestFollowCaret();
    }

    /** The failing line marked now (1-based), or 0. */
    public int markedErrorLine() {
        return errorLine + 1;
    }

    public TextArea outputArea() {
        return output;
    }

    public TextArea errorArea() {
        return error;
    }

    public Button runButton() {
        return run;
    }

    public void focusEditor() {
        editor.requestFocus();
    }
}
