package org.autogradstudio.ui.train;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.ui.run.ChartFeed;
import org.autogradstudio.ui.run.Kernel;
import org.autogradstudio.ui.run.ScriptObserver;

/**
 * The parameters per step: each time a cell's loss series (the first loss-like series it charts)
 * gets a point, the value of every scalar parameter the script holds (a global leaf tensor that
 * requires grad, such as {@code w} and {@code b}) is charted too, under its name. Script thread.
 */
final class ParameterSeries implements ScriptObserver {
    private final ChartFeed charts;
    private final Set<String> chartedByScript = new HashSet<>();
    private volatile String stepSeries;

    ParameterSeries(ChartFeed charts) {
        this.charts = charts;
    }

    @Override
    public void onChartPoint(Kernel kernel, String name) {
        if (stepSeries == null && ChartFeed.isLossLike(name)) {
            stepSeries = name;
        }
        if (!name.equals(stepSeries)) {
            chartedByScript.add(name);
            return;
        }
        for (Map.Entry<String, Object> e : kernel.variables().entrySet()) {
            if (e.getValue() instanceof Tensor t && t.isLeaf() && t.requiresGrad() && t.numel() == 1
                    && !e.getKey().startsWith("_") && !chartedByScript.contains(e.getKey())) {
                charts.offer(e.getKey(), t.item());
            }
        }
    }

    @Override
    public void onCellEnd(Kernel kernel) {
        stepSeries = null;
        chartedByScript.clear();
    }
}
