package org.autogradstudio.ui.train;

import java.util.List;
import java.util.Map;
import org.autogradstudio.engine.GradMode;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.ui.run.Kernel;

/**
 * Finds a model to draw among the script's variables and evaluates it with the engine (script
 * thread): 1-D data {@code x}/{@code xs} with targets {@code y}/{@code y_true}/{@code ys} and scalar
 * parameters {@code w}, {@code b} give the line {@code w*x + b}, or, when every target is 0 or 1,
 * the curve {@code sigmoid(w*x + b)}; 2-D data {@code X} with 0/1 labels {@code Y} and a function
 * {@code forward} give decision regions: the script's own {@code forward} run on a grid.
 */
public final class ModelProbe {
    /** Grid cells per side of the decision-region picture. */
    public static final int GRID = 48;
    /** Points on the drawn line or curve. */
    static final int CURVE_POINTS = 120;
    private static final String[][] PAIRS = {{"xs", "ys"}, {"x", "y_true"}, {"x", "y"}, {"X", "Y"}, {"x_train", "y_train"}};
    private static final String[] MODELS = {"forward", "model", "predict"};

    private ModelProbe() {
    }

    /** The picture for the kernel's variables now, or null when none fits. */
    public static ModelSnapshot sample(Kernel kernel) {
        Map<String, Object> vars = kernel.variables();
        ModelSnapshot regions = regions(kernel, vars);
        return regions != null ? regions : oneDimensional(vars, kernel.backwardPassesInCell());
    }

    private static Tensor tensor(Map<String, Object> vars, String name) {
        return vars.get(name) instanceof Tensor t ? t : null;
    }

    private static boolean binary(double[] v) {
        for (double d : v) {
            if (d != 0 && d != 1) {
                return false;
            }
        }
        return true;
    }

    private static ModelSnapshot oneDimensional(Map<String, Object> vars, int step) {
        Tensor w = tensor(vars, "w");
        Tensor b = tensor(vars, "b");
        if (w == null || b == null || w.numel() != 1 || b.numel() != 1) {
            return null;
        }
        for (String[] pair : PAIRS) {
            Tensor x = tensor(vars, pair[0]);
            Tensor y = tensor(vars, pair[1]);
            if (x != null && y != null && x.dim() == 1 && y.dim() == 1 && x.numel() == y.numel() && x.numel() >= 2) {
                return line(x.toArray(), y.toArray(), w, b, step);
            }
        }
        return null;
    }

    private static ModelSnapshot line(double[] xs, double[] ys, Tensor w, Tensor b, int step) {
        boolean logistic = binary(ys);
        double lo = min(xs), hi = max(xs);
        double pad = Math.max(0.5, 0.25 * (hi - lo));
        double x0 = lo - pad, x1 = hi + pad;
        double[] grid = new double[CURVE_POINTS];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = x0 + (x1 - x0) * i / (grid.length - 1);
        }
        boolean previous = GradMode.set(false);
        double[] curve;
        try {
            // the engine evaluates the model: w * x + b (and its sigmoid) with the parameters as they are now
            Tensor z = w.mul(Tensor.of(grid, new int[] {grid.length}, w.dtype())).add(b);
            curve = (logistic ? z.sigmoid() : z).toArray();
        } finally {
            GradMode.set(previous);
        }
        double yLo = logistic ? -0.1 : Math.min(min(ys), min(curve)), yHi = logistic ? 1.1 : Math.max(max(ys), max(curve));
        if (!logistic) {
            double span = Math.max(1e-9, yHi - yLo);
            yLo = Math.max(yLo, min(ys) - span);
            yHi = Math.min(yHi, max(ys) + span);
        }
        return new ModelSnapshot(logistic ? ModelSnapshot.Kind.LOGISTIC : ModelSnapshot.Kind.LINE, xs, ys,
                logistic ? ys : null, grid, curve, null, 0, x0, x1, yLo, yHi, w.item(), b.item(), step);
    }

    private static ModelSnapshot regions(Kernel kernel, Map<String, Object> vars) {
        Tensor x = tensor(vars, "X");
        Tensor y = tensor(vars, "Y");
        if (x == null || y == null || x.dim() != 2 || x.size(1) != 2 || y.numel() != x.size(0) || !binary(y.toArray())) {
            return null;
        }
        String model = null;
        for (String m : MODELS) {
            if (vars.containsKey(m) && !(vars.get(m) instanceof Tensor)) {
                model = m;
                break;
            }
        }
        if (model == null) {
            return null;
        }
        double[] data = x.toArray();
        int n = x.size(0);
        double[] px = new double[n], py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = data[2 * i];
            py[i] = data[2 * i + 1];
        }
        double padX = 0.15 * (max(px) - min(px)) + 0.1, padY = 0.15 * (max(py) - min(py)) + 0.1;
        double x0 = min(px) - padX, x1 = max(px) + padX, y0 = min(py) - padY, y1 = max(py) + padY;
        double[] points = new double[GRID * GRID * 2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                int k = r * GRID + c;
                points[2 * k] = x0 + (x1 - x0) * (c + 0.5) / GRID;
                points[2 * k + 1] = y0 + (y1 - y0) * (r + 0.5) / GRID;
            }
        }
        List<Tensor> out = kernel.call(model, Tensor.of(points, new int[] {GRID * GRID, 2}, x.dtype()));
        if (out.isEmpty()) {
            return null;
        }
        Tensor last = out.get(out.size() - 1);
        if (last.numel() != GRID * GRID) {
            return null;
        }
        double[] p = last.toArray();
        if (min(p) < 0 || max(p) > 1) {
            // logits: the probability is their sigmoid, as BCE-with-logits reads them
            boolean previous = GradMode.set(false);
            try {
                p = last.sigmoid().toArray();
            } finally {
                GradMode.set(previous);
            }
        }
        return new ModelSnapshot(ModelSnapshot.Kind.REGIONS, px, py, y.toArray(), null, null, p, GRID, x0, x1, y0, y1,
                Double.NaN, Double.NaN, kernel.backwardPassesInCell());
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }

}
