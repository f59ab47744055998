package org.autogradstudio.ui.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.autogradstudio.ui.I18n;
import org.autogradstudio.ui.run.ChartFeed;

/**
 * Live training charts: the losses per step on top, the parameters (w, b ...) per step below,
 * redrawn as the {@link ChartFeed} takes in points. Long runs are thinned to {@link #MAX_POINTS}
 * drawn points per series; the last point is always drawn.
 */
public final class TrainingCharts extends VBox {
    public static final int MAX_POINTS = 400;

    private final ChartFeed feed;
    private final LineChart<Number, Number> losses = chart("charts.loss");
    private final LineChart<Number, Number> parameters = chart("charts.parameters");

    public TrainingCharts(ChartFeed feed) {
        this.feed = feed;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("training-charts");
        setId("training-charts");
        VBox.setVgrow(losses, Priority.ALWAYS);
        VBox.setVgrow(parameters, Priority.ALWAYS);
        getChildren().addAll(losses, parameters);
        redraw();
    }

    private void initListeners() {
        feed.revisionProperty().addListener((o, a, b) -> redraw());
    }

    private static LineChart<Number, Number> chart(String titleKey) {
        NumberAxis x = new NumberAxis();
        x.labelProperty().bind(I18n.text("charts.step"));
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.titleProperty().bind(I18n.text(titleKey));
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.getStyleClass().add("training-chart");
        return c;
    }

    private void redraw() {
        List<XYChart.Series<Number, Number>> lossSeries = new ArrayList<>();
        List<XYChart.Series<Number, Number>> parameterSeries = new ArrayList<>();
        List<List<Double>> drawnValues = new ArrayList<>();
        for (String name : feed.names()) {
            List<Double> values = feed.values(name);
            if (values.size() < 2) {
                continue; // one point is not a curve: a loss-like variable assigned once, outside a loop
            }
            if (drawnValues.contains(values)) {
                continue; // the same curve under a second name (chart("loss", l) and the automatic l)
            }
            drawnValues.add(values);
            XYChart.Series<Number, Number> s = series(name, values);
            (ChartFeed.isLossLike(name) ? lossSeries : parameterSeries).add(s);
        }
        losses.getData().setAll(lossSeries);
        parameters.getData().setAll(parameterSeries);
        parameters.setVisible(!parameterSeries.isEmpty());
        parameters.setManaged(!parameterSeries.isEmpty());
    }

    private static XYChart.Series<Number, Number> series(String name, List<Double> values) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        int n = values.size();
        int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(Math.min(n, MAX_POINTS) + 1);
        for (int i = 0; i < n; i += stride) {
            points.add(new XYChart.Data<>(i, values.get(i)));
        }
        if (n > 0 && (n - 1) % stride != 0) {
            points.add(new XYChart.Data<>(n - 1, values.get(n - 1)));
        }
        s.getData().setAll(points);
        return s;
    }

    /** The drawn series of one chart: losses ({@code true}) or parameters. */
    public List<XYChart.Series<Number, Number>> drawn(boolean loss) {
        return (loss ? losses : parameters).getData();
    }

    /** The last drawn value of a series, or NaN when it is not drawn. */
    public double lastDrawn(String name) {
        for (XYChart.Series<Number, Number> s : drawn(ChartFeed.isLossLike(name))) {
            if (s.getName().equals(name) && !s.getData().isEmpty()) {
                return s.getData().get(s.getData().size() - 1).getYValue().doubleValue();
            }
        }
        return Double.NaN;
    }
}
