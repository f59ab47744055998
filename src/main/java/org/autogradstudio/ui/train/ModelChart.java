package org.autogradstudio.ui.train;

import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.Resources;

/**
 * The model view of the Charts tab: the training data with what the model makes of it now, redrawn
 * whenever the {@link ModelFeed} brings a snapshot. A line (regression), a sigmoid with its decision
 * boundary (logistic regression) or decision regions (a classifier on 2-D data). Hidden while there
 * is no model to draw.
 */
public final class ModelChart extends VBox {
    /** Okabe-Ito blue and orange for the classes, vermillion for the model. */
    private static final Color CLASS_0 = Color.web("#0072B2");
    private static final Color CLASS_1 = Color.web("#E69F00");
    private static final Color MODEL = Color.web("#D55E00");
    private static final double MARGIN = 34;

    private final ModelFeed feed;
    private final Label title = new Label();
    private final Canvas canvas = new Canvas();
    private final Pane plot = new Pane(canvas);

    public ModelChart(ModelFeed feed) {
        this.feed = feed;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("model-chart");
        getStylesheets().add(Resources.stylesheet("training.css"));
        setId("model-chart");
        title.getStyleClass().add("model-chart-title");
        title.setId("model-chart-title");
        title.setWrapText(true);
        plot.getStyleClass().add("model-chart-plot");
        canvas.setManaged(false);
        plot.setMinHeight(160);
        plot.setPrefHeight(240);
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(title, plot);
        show(null);
    }

    private void initListeners() {
        feed.snapshotProperty().addListener((o, a, s) -> show(s));
        plot.widthProperty().addListener((o, a, b) -> redraw());
        plot.heightProperty().addListener((o, a, b) -> redraw());
        I18n.localeProperty().addListener((o, a, b) -> show(feed.snapshotProperty().get()));
    }

    private void show(ModelSnapshot s) {
        setVisible(s != null);
        setManaged(s != null);
        title.setText(s == null ? "" : caption(s));
        redraw();
    }

    /** The title: the model with its current parameters. */
    static String caption(ModelSnapshot s) {
        String step = s.step() > 0 ? I18n.get("model.step", s.step()) : "";
        return switch (s.kind()) {
            case LINE -> I18n.get("model.line", num(s.w()), num(s.b())) + step;
            case LOGISTIC -> I18n.get("model.logistic", num(s.w()), num(s.b()),
                    Double.isFinite(s.boundary()) ? num(s.boundary()) : "\u2014") + step;
            case REGIONS -> I18n.get("model.regions") + step;
        };
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The title shown (tests read it). */
    public String titleText() {
        return title.getText();
    }

    /** The snapshot drawn now, or null. */
    public ModelSnapshot drawn() {
        return feed.snapshotProperty().get();
    }

    private void redraw() {
        double w = plot.getWidth(), h = plot.getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        ModelSnapshot s = feed.snapshotProperty().get();
        if (s == null || w < 2 * MARGIN || h < 2 * MARGIN) {
            return;
        }
        Frame f = new Frame(s, w, h);
        if (s.kind() == ModelSnapshot.Kind.REGIONS) {
            regions(g, s, f);
        }
        axes(g, s, f);
        if (s.kind() != ModelSnapshot.Kind.REGIONS) {
            curve(g, s, f);
        }
        points(g, s, f);
    }

    /** Data coordinates to pixels. */
    private record Frame(ModelSnapshot s, double w, double h) {
        double px(double x) {
            return MARGIN + (x - s.xMin()) / (s.xMax() - s.xMin()) * (w - 1.5 * MARGIN);
        }

        double py(double y) {
            return h - MARGIN + -(y - s.yMin()) / (s.yMax() - s.yMin()) * (h - 1.5 * MARGIN);
        }
    }

    private Paint ink() {
        return title.getTextFill();
    }

    private void axes(GraphicsContext g, ModelSnapshot s, Frame f) {
        g.setStroke(ink());
        g.setFill(ink());
        g.setLineWidth(1);
        g.setFont(Font.font(11));
        g.strokeRect(f.px(s.xMin()), f.py(s.yMax()), f.px(s.xMax()) - f.px(s.xMin()), f.py(s.yMin()) - f.py(s.yMax()));
        for (int i = 0; i <= 4; i++) {
            double x = s.xMin() + (s.xMax() - s.xMin()) * i / 4, y = s.yMin() + (s.yMax() - s.yMin()) * i / 4;
            g.fillText(String.format(Locale.ROOT, "%.2f", x), f.px(x) - 12, f.h() - MARGIN + 14);
            g.fillText(String.format(Locale.ROOT, "%.2f", y), 2, f.py(y) + 4);
        }
    }

    private void curve(GraphicsContext g, ModelSnapshot s, Frame f) {
        g.save();
        g.beginPath();
        g.rect(f.px(s.xMin()), f.py(s.yMax()), f.px(s.xMax()) - f.px(s.xMin()), f.py(s.yMin()) - f.py(s.yMax()));
        g.clip();
        g.setStroke(MODEL);
        g.setLineWidth(2.5);
        g.beginPath();
        for (int i = 0; i < s.curveX().length; i++) {
            double x = f.px(s.curveX()[i]), y = f.py(s.curveY()[i]);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        if (s.kind() == ModelSnapshot.Kind.LOGISTIC && Double.isFinite(s.boundary())) {
            g.setLineDashes(6, 4);
            g.setLineWidth(1.5);
            double bx = f.px(s.boundary());
            g.strokeLine(bx, f.py(s.yMax()), bx, f.py(s.yMin()));
            g.setLineDashes();
            g.setStroke(ink());
            g.setLineWidth(0.75);
            g.strokeLine(f.px(s.xMin()), f.py(0.5), f.px(s.xMax()), f.py(0.5));
        }
        g.restore();
    }

    private void points(GraphicsContext g, ModelSnapshot s, Frame f) {
        double r = 4.5;
        for (int i = 0; i < s.pointsX().length; i++) {
            boolean one = s.labels() != null && s.labels()[i] == 1;
            g.setFill(s.labels() == null ? CLASS_0 : one ? CLASS_1 : CLASS_0);
            double x = f.px(s.pointsX()[i]), y = f.py(s.pointsY()[i]);
            if (s.kind() == ModelSnapshot.Kind.REGIONS) {
                g.fillOval(x - 3, y - 3, 6, 6);
                g.setStroke(Color.WHITE);
                g.setLineWidth(0.6);
                g.strokeOval(x - 3, y - 3, 6, 6);
            } else {
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
    }

    private void regions(GraphicsContext g, ModelSnapshot s, Frame f) {
        int n = s.gridSize();
        double cw = (f.px(s.xMax()) - f.px(s.xMin())) / n, ch = (f.py(s.yMin()) - f.py(s.yMax())) / n;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double p = s.grid()[r * n + c];
                // opaque cells: the class colour, paler towards p = 1/2 (the boundary)
                Color col = p < 0.5 ? CLASS_0 : CLASS_1;
                g.setFill(Color.WHITE.interpolate(col, 0.2 + 0.5 * Math.abs(p - 0.5) * 2));
                g.fillRect(f.px(s.xMin()) + c * cw, f.py(s.yMin()) - (r + 1) * ch, Math.ceil(cw) + 1, Math.ceil(ch) + 1);
            }
        }
    }
}
