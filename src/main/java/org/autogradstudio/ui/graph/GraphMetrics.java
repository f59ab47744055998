package org.autogradstudio.ui.graph;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Sizes of vertex boxes, measured from their label text with the fonts {@code graph.css} gives the
 * labels (keep the two in step). Used on the script thread to lay out before anything is drawn
 * (a {@link Text} not in a scene may be measured on any thread).
 */
public final class GraphMetrics {
    public static final String FAMILY = "DejaVu Sans";
    public static final String MONO = "DejaVu Sans Mono";
    public static final double PAD = 12;
    public static final double NAME_SIZE = 24;
    public static final double CAPTION_SIZE = 14;
    public static final double VALUE_SIZE = 20;
    public static final double CELL_SIZE = 14;
    public static final double SYMBOL_SIZE = 26;
    public static final double FUNCTION_HEIGHT = 60;
    public static final double LINE_GAP = 4;
    /** Tensors with at most this many rows and columns are drawn as a matrix of numbers, larger as a heatmap. */
    public static final int MATRIX_MAX = 4;
    public static final double HEATMAP_MAX = 96;

    private GraphMetrics() {
    }

    public static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    public static double textHeight(Font font) {
        Text t = new Text("Ag");
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getHeight());
    }

    public static Font nameFont() {
        return Font.font(FAMILY, FontWeight.BOLD, NAME_SIZE);
    }

    public static Font captionFont() {
        return Font.font(FAMILY, CAPTION_SIZE);
    }

    public static Font valueFont() {
        return Font.font(MONO, VALUE_SIZE);
    }

    public static Font cellFont() {
        return Font.font(MONO, CELL_SIZE);
    }

    public static Font symbolFont() {
        return Font.font(FAMILY, FontWeight.BOLD, SYMBOL_SIZE);
    }

    /** How a tensor's numbers are drawn. */
    public enum ValueForm { SCALAR, MATRIX, HEATMAP }

    public static ValueForm formOf(TensorSnapshot s) {
        if (s == null || s.numel() <= 1) {
            return ValueForm.SCALAR;
        }
        return s.shape().length <= 2 && s.rows() <= MATRIX_MAX && s.cols() <= MATRIX_MAX ? ValueForm.MATRIX : ValueForm.HEATMAP;
    }

    /** Width and height of the block that shows one tensor's numbers (value or grad, same shape). */
    public static double[] valueBlock(TensorSnapshot s) {
        switch (formOf(s)) {
            case SCALAR: {
                String text = s == null ? "0.0000" : s.shortText();
                // room for the grad line too, whose number is not known yet: "grad Σ -000.0000"
                double w = Math.max(textWidth(text, valueFont()), textWidth("grad \u03a3 -000.0000", valueFont()));
                return new double[] {w, textHeight(valueFont())};
            }
            case MATRIX: {
                double cell = 0;
                for (double v : s.values()) {
                    cell = Math.max(cell, textWidth(NumberText.compact(v), cellFont()));
                }
                cell = Math.max(cell, textWidth("-0.000", cellFont()));
                return new double[] {s.cols() * (cell + 10), s.rows() * (textHeight(cellFont()) + 2)};
            }
            default: {
                double unit = Math.max(2, Math.min(12, HEATMAP_MAX / Math.max(s.rows(), s.cols())));
                return new double[] {Math.max(48, s.cols() * unit), Math.max(24, s.rows() * unit)};
            }
        }
    }

    /** The box of a tensor vertex: title and shape, value block, grad block. */
    public static double[] tensorBox(VertexData v) {
        double titleW = textWidth(v.title().isEmpty() ? " " : v.title(), nameFont());
        double shapeW = v.value() == null || v.value().shape().length == 0 ? 0 : textWidth(v.value().shapeText(), captionFont());
        double[] block = valueBlock(v.value());
        double w = Math.max(titleW + 12 + shapeW, block[0] + 8);
        double captionH = formOf(v.value()) == ValueForm.SCALAR ? 0 : textHeight(captionFont()) + LINE_GAP;
        double h = textHeight(nameFont()) + (v.isLiteral() ? 0 : LINE_GAP + captionH + block[1]);
        if (v.requiresGrad() || v.role() == Role.OUTPUT) {
            h += LINE_GAP + captionH + block[1];
        }
        return new double[] {Math.max(88, w + 2 * PAD), h + 2 * PAD};
    }

    public static double[] functionBox(VertexData v) {
        double w = textWidth(v.symbol(), symbolFont()) + 2 * PAD + 8;
        return new double[] {Math.max(FUNCTION_HEIGHT, w), FUNCTION_HEIGHT};
    }

    public static double[] box(VertexData v) {
        return v.isTensor() ? tensorBox(v) : functionBox(v);
    }
}
