package org.autogradstudio.ui.graph;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/**
 * One forward edge: a curve with an arrowhead, and the label {@code upstream × local = product}
 * shown while a gradient crosses it (pseudo-class {@code :active}).
 */
public final class EdgeView extends Group {
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    private final EdgeData data;
    private final CubicCurve curve = new CubicCurve();
    private final Polygon arrow = new Polygon();
    private final Label label = new Label();

    public EdgeView(EdgeData data) {
        this.data = data;
        setId("edge-" + data.id());
        setUserData(data);
        getStyleClass().add("edge");
        double[] p = data.points();
        double sx = p[0], sy = p[1], ex = p[p.length - 2], ey = p[p.length - 1];
        double dx = Math.max(30, (ex - sx) / 2);
        curve.setStartX(sx);
        curve.setStartY(sy);
        curve.setControlX1(sx + dx);
        curve.setControlY1(sy);
        curve.setControlX2(ex - dx);
        curve.setControlY2(ey);
        curve.setEndX(ex);
        curve.setEndY(ey);
        curve.getStyleClass().add("edge-line");
        arrow.getPoints().setAll(ex, ey, ex - 14, ey - 7, ex - 14, ey + 7);
        arrow.getStyleClass().add("edge-arrow");
        label.getStyleClass().add("edge-label");
        label.setVisible(false);
        getChildren().addAll(curve, arrow);
    }

    public EdgeData data() {
        return data;
    }

    /** The label, which the canvas keeps on a layer above the vertices. */
    public Label label() {
        return label;
    }

    public String labelText() {
        return label.isVisible() ? label.getText() : "";
    }

    public boolean isActive() {
        return getPseudoClassStates().contains(ACTIVE);
    }

    /** The point at {@code t} in [0, 1] along the edge, from source to target. */
    public Point2D pointAt(double t) {
        double u = 1 - t;
        double x = u * u * u * curve.getStartX() + 3 * u * u * t * curve.getControlX1() + 3 * u * t * t * curve.getControlX2()
                + t * t * t * curve.getEndX();
        double y = u * u * u * curve.getStartY() + 3 * u * u * t * curve.getControlY1() + 3 * u * t * t * curve.getControlY2()
                + t * t * t * curve.getEndY();
        return new Point2D(x, y);
    }

    public void apply(boolean visible, boolean active, String equation) {
        setVisible(visible);
        pseudoClassStateChanged(ACTIVE, active);
        curve.pseudoClassStateChanged(ACTIVE, active);
        arrow.pseudoClassStateChanged(ACTIVE, active);
        label.setVisible(active && equation != null);
        if (active && equation != null) {
            label.setText(equation);
            Point2D mid = pointAt(0.5);
            label.applyCss();
            double w = label.prefWidth(-1);
            double h = label.prefHeight(-1);
            label.resizeRelocate(mid.getX() - w / 2, mid.getY() - h - 10, w, h);
        }
    }
}
