package org.autogradstudio.ui.train;

/**
 * What the model view draws at one moment of training, evaluated by the engine with the parameters
 * the script holds at that moment. Immutable; built on the script thread, drawn on the FX thread.
 *
 * @param kind       which picture
 * @param pointsX    the data's inputs (first feature for 2-D data)
 * @param pointsY    the targets (1-D kinds) or the second feature (2-D)
 * @param labels     the class of each point (0/1) for classification, else null
 * @param curveX     where the model was evaluated (1-D kinds)
 * @param curveY     the model's output there: the line or the sigmoid
 * @param grid       2-D: the predicted probability on a {@code gridSize x gridSize} grid, row-major, rows from
 *                   {@code yMin} up
 * @param w          the weight (1-D kinds)
 * @param b          the bias (1-D kinds)
 * @param step       how many backward passes the cell had made when the snapshot was taken
 */
public record ModelSnapshot(Kind kind, double[] pointsX, double[] pointsY, double[] labels, double[] curveX,
        double[] curveY, double[] grid, int gridSize, double xMin, double xMax, double yMin, double yMax, double w,
        double b, int step) {
    /** The pictures the view knows. */
    public enum Kind {
        /** Points (x, y) and the line w x + b. */
        LINE,
        /** Points at y in {0, 1}, the curve sigmoid(w x + b) and the boundary x = -b / w. */
        LOGISTIC,
        /** 2-D points by class over the model's predicted probability (decision regions). */
        REGIONS
    }

    /** The logistic boundary x = -b / w (NaN when w is 0). */
    public double boundary() {
        return w == 0 ? Double.NaN : -b / w;
    }
}
