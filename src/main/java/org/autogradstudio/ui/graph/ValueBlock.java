package org.autogradstudio.ui.graph;

import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * The numbers of one tensor inside a vertex: a single number, a small matrix of numbers, or a
 * heatmap (blue negative, red positive, scaled to the largest magnitude) for larger tensors.
 */
public final class ValueBlock extends StackPane {
    private final String textStyle;
    private final String prefix;
    private TensorSnapshot shown;
    private boolean shownPending;
    private final Label single = new Label();

    /** {@code textStyle} is the CSS class of the numbers ({@code value-text} or {@code grad-text}). */
    public ValueBlock(String textStyle, String prefix) {
        this.textStyle = textStyle;
        this.prefix = prefix;
        getStyleClass().add("value-block");
        single.getStyleClass().add(textStyle);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** The text a single number shows (for tests and accessibility). */
    public String text() {
        if (shown == null) {
            return "";
        }
        return shown.isSingle() ? single.getText() : shown.shortText();
    }

    public TensorSnapshot shown() {
        return shown;
    }

    /** Shows {@code s}; {@code pending} marks a running sum still being added to. */
    public void show(TensorSnapshot s, boolean pending) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("pending"), pending);
        single.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("pending"), pending);
        if (s == null) {
            shown = null;
            getChildren().clear();
            return;
        }
        if (s.equals(shown) && pending == shownPending && !getChildren().isEmpty()) {
            return;
        }
        shown = s;
        shownPending = pending;
        switch (GraphMetrics.formOf(s)) {
            case SCALAR:
                single.setText((prefix.isEmpty() ? "" : prefix + " ") + (pending ? "\u03a3 " : "") + NumberText.format(s.values()[0]));
                getChildren().setAll(single);
                break;
            case MATRIX:
                getChildren().setAll(matrix(s));
                break;
            default:
                getChildren().setAll(heatmap(s));
                break;
        }
        setAccessibleText(prefix + " " + s);
    }

    private GridPane matrix(TensorSnapshot s) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("matrix");
        int cols = s.cols();
        for (int i = 0; i < s.values().length && i < s.rows() * cols; i++) {
            Label cell = new Label(NumberText.compact(s.values()[i]));
            cell.getStyleClass().addAll("matrix-cell", textStyle);
            grid.add(cell, i % cols, i / cols);
        }
        return grid;
    }

    private Canvas heatmap(TensorSnapshot s) {
        double[] size = GraphMetrics.valueBlock(s);
        Canvas c = new Canvas(size[0], size[1]);
        int rows = s.rows();
        int cols = s.cols();
        double max = 0;
        for (double v : s.values()) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        GraphicsContext g = c.getGraphicsContext2D();
        double cw = size[0] / cols;
        double ch = size[1] / rows;
        for (int i = 0; i < s.values().length && i < rows * cols; i++) {
            double v = s.values()[i];
            double t = max == 0 || !Double.isFinite(v) ? 0 : v / max;
            Color col = t >= 0 ? Color.WHITE.interpolate(Color.web("#d55e00"), t) : Color.WHITE.interpolate(Color.web("#0072b2"), -t);
            g.setFill(col);
            g.fillRect((i % cols) * cw, (i / cols) * ch, Math.ceil(cw), Math.ceil(ch));
        }
        g.setStroke(Color.gray(0.5));
        g.strokeRect(0.5, 0.5, size[0] - 1, size[1] - 1);
        return c;
    }
}
