package org.autogradstudio.engine;

import static org.autogradstudio.engine.GradCheck.awayFromZero;
import static org.autogradstudio.engine.GradCheck.uniform;
import static org.autogradstudio.engine.GradCheck.values;

import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Every differentiable op against finite differences in float64, on random shapes (0-d to 3-d)
 * and, for binary ops, random broadcasting. The seed drives shapes and values so a failure
 * reported by jqwik reproduces exactly.
 */
class GradientPropertiesTest {
    private static final int TRIES = 25;

    // ---- helpers ------------------------------------------------------------------------------

    private static void unary(long seed, String what, DoubleUnaryOperator draw, UnaryOperator<Tensor> op) {
        Random random = new Random(seed);
        int[] shape = GradCheck.shape(random, 3, 3);
        GradCheck.check(what, t -> op.apply(t[0]), new int[][] {shape}, new double[][] {values(random, shape, draw)}, seed);
    }

    private static void binary(long seed, String what, DoubleUnaryOperator drawA, DoubleUnaryOperator drawB, BinaryOperator<Tensor> op) {
        Random random = new Random(seed);
        int[] full = GradCheck.shape(random, 3, 3);
        int[] other = GradCheck.broadcastable(random, full);
        int[][] shapes = random.nextBoolean() ? new int[][] {full, other} : new int[][] {other, full};
        double[][] inputs = {values(random, shapes[0], drawA), values(random, shapes[1], drawB)};
        GradCheck.check(what, t -> op.apply(t[0], t[1]), shapes, inputs, seed);
    }

    private static final DoubleUnaryOperator ANY = uniform(-2, 2);
    private static final DoubleUnaryOperator POSITIVE = uniform(0.2, 3);

    // ---- arithmetic ---------------------------------------------------------------------------

    @Property(tries = TRIES)
    void add(@ForAll long seed) {
        binary(seed, "add", ANY, ANY, Tensor::add);
    }

    @Property(tries = TRIES)
    void sub(@ForAll long seed) {
        binary(seed, "sub", ANY, ANY, Tensor::sub);
    }

    @Property(tries = TRIES)
    void mul(@ForAll long seed) {
        binary(seed, "mul", ANY, ANY, Tensor::mul);
    }

    @Property(tries = TRIES)
    void div(@ForAll long seed) {
        binary(seed, "div", ANY, awayFromZero(0.5, 2), Tensor::div);
    }

    @Property(tries = TRIES)
    void withPythonNumbers(@ForAll long seed) {
        // x * 2.5, x + 1.5, 3 - x (rsub), 2 / x (reciprocal * number)
        unary(seed, "number ops", awayFromZero(0.5, 2), x -> Pointwise.rsub(x.mul(2.5).add(1.5), Tensor.wrappedNumber(3, false))
                .mul(x.reciprocal().mul(Tensor.wrappedNumber(2, false))));
    }

    @Property(tries = TRIES)
    void neg(@ForAll long seed) {
        unary(seed, "neg", ANY, Tensor::neg);
    }

    @Property(tries = TRIES)
    void powTensorScalar(@ForAll long seed) {
        double[] exponents = {2, 3, 0.5, -1.5, 1.7, 0};
        double e = exponents[new Random(seed).nextInt(exponents.length)];
        unary(seed, "pow " + e, POSITIVE, x -> x.pow(e));
    }

    @Property(tries = TRIES)
    void powNegativeBaseIntegerExponent(@ForAll long seed) {
        unary(seed, "pow 3 of any sign", ANY, x -> x.pow(3));
    }

    @Property(tries = TRIES)
    void powScalarTensor(@ForAll long seed) {
        unary(seed, "2.5 ** x", ANY, x -> Pointwise.pow(Tensor.wrappedNumber(2.5, true), x));
    }

    @Property(tries = TRIES)
    void powTensorTensor(@ForAll long seed) {
        binary(seed, "x ** y", POSITIVE, ANY, Pointwise::pow);
    }

    // ---- unary functions ----------------------------------------------------------------------

    @Property(tries = TRIES)
    void exp(@ForAll long seed) {
        unary(seed, "exp", ANY, Tensor::exp);
    }

    @Property(tries = TRIES)
    void log(@ForAll long seed) {
        unary(seed, "log", POSITIVE, Tensor::log);
    }

    @Property(tries = TRIES)
    void sin(@ForAll long seed) {
        unary(seed, "sin", ANY, Tensor::sin);
    }

    @Property(tries = TRIES)
    void cos(@ForAll long seed) {
        unary(seed, "cos", ANY, Tensor::cos);
    }

    @Property(tries = TRIES)
    void tan(@ForAll long seed) {
        unary(seed, "tan", uniform(-1.2, 1.2), Tensor::tan);
    }

    @Property(tries = TRIES)
    void tanh(@ForAll long seed) {
        unary(seed, "tanh", ANY, Tensor::tanh);
    }

    @Property(tries = TRIES)
    void sigmoid(@ForAll long seed) {
        unary(seed, "sigmoid", uniform(-5, 5), Tensor::sigmoid);
    }

    @Property(tries = TRIES)
    void relu(@ForAll long seed) {
        unary(seed, "relu", awayFromZero(0.01, 2), Tensor::relu);
    }

    @Property(tries = TRIES)
    void abs(@ForAll long seed) {
        unary(seed, "abs", awayFromZero(0.01, 2), Tensor::abs);
    }

    @Property(tries = TRIES)
    void sqrt(@ForAll long seed) {
        unary(seed, "sqrt", POSITIVE, Tensor::sqrt);
    }

    @Property(tries = TRIES)
    void reciprocal(@ForAll long seed) {
        unary(seed, "reciprocal", awayFromZero(0.3, 2), Tensor::reciprocal);
    }

    @Property(tries = TRIES)
    void clamp(@ForAll long seed) {
        // values on a grid offset from the bounds, so no element sits on a kink
        Random random = new Random(seed);
        double lo = -1 + random.nextInt(3) * 0.5, hi = lo + 0.5 + random.nextInt(3) * 0.5;
        DoubleUnaryOperator offGrid = u -> Math.floor(-12 + 24 * u) * 0.25 + 0.1;
        boolean noMin = random.nextInt(4) == 0, noMax = !noMin && random.nextInt(4) == 0;
        unary(seed, "clamp", offGrid, x -> x.clamp(noMin ? null : lo, noMax ? null : hi));
    }

    // ---- linear algebra -----------------------------------------------------------------------

    @Property(tries = TRIES)
    void mm(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(4), k = 1 + r.nextInt(4), m = 1 + r.nextInt(4);
        int[][] shapes = {{n, k}, {k, m}};
        GradCheck.check("mm", t -> LinearAlgebra.mm(t[0], t[1]), shapes,
                new double[][] {values(r, shapes[0], ANY), values(r, shapes[1], ANY)}, seed);
    }

    @Property(tries = TRIES)
    void mmOfTransposedView(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(4), k = 1 + r.nextInt(4), m = 1 + r.nextInt(4);
        int[][] shapes = {{k, n}, {k, m}};
        GradCheck.check("a.t() @ b", t -> t[0].t().matmul(t[1]), shapes,
                new double[][] {values(r, shapes[0], ANY), values(r, shapes[1], ANY)}, seed);
    }

    @Property(tries = TRIES)
    void addmmWithBroadcastBias(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(4), k = 1 + r.nextInt(4), m = 1 + r.nextInt(4);
        int[][] biasShapes = {{m}, {1, m}, {n, m}, {n, 1}};
        int[][] shapes = {biasShapes[r.nextInt(biasShapes.length)], {n, k}, {m, k}};
        // nn.Linear's form: bias + x @ weight.t()
        GradCheck.check("addmm", t -> LinearAlgebra.addmm(t[0], t[1], t[2].t()), shapes,
                new double[][] {values(r, shapes[0], ANY), values(r, shapes[1], ANY), values(r, shapes[2], ANY)}, seed);
    }

    @Property(tries = TRIES)
    void mv(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(4), k = 1 + r.nextInt(4);
        int[][] shapes = {{n, k}, {k}};
        GradCheck.check("mv", t -> LinearAlgebra.mv(t[0], t[1]), shapes,
                new double[][] {values(r, shapes[0], ANY), values(r, shapes[1], ANY)}, seed);
    }

    @Property(tries = TRIES)
    void dot(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(5);
        int[][] shapes = {{n}, {n}};
        GradCheck.check("dot", t -> LinearAlgebra.dot(t[0], t[1]), shapes,
                new double[][] {values(r, shapes[0], ANY), values(r, shapes[1], ANY)}, seed);
    }

    @Property(tries = TRIES)
    void matmulAllRanks(@ForAll long seed) {
        Random r = new Random(seed);
        int k = 1 + r.nextInt(3);
        int[][][] cases = {
            {{k}, {k, 2}}, {{3, k}, {k}}, {{2, 3, k}, {k, 2}}, {{2, 1, 3, k}, {3, k, 2}}, {{k}, {2, k, 3}}, {{2, 3, k}, {k}}};
        int[][] shapes = cases[r.nextInt(cases.length)];
        GradCheck.check("matmul", t -> t[0].matmul(t[1]), shapes,
                new double[][] {values(r, shapes[0], ANY), values(r, shapes[1], ANY)}, seed);
    }

    // ---- shapes -------------------------------------------------------------------------------

    @Property(tries = TRIES)
    void viewsAndReshapes(@ForAll long seed) {
        Random r = new Random(seed);
        int a = 1 + r.nextInt(3), b = 1 + r.nextInt(3), c = 1 + r.nextInt(3);
        List<Function<Tensor, Tensor>> ops = List.of(
                x -> x.transpose(0, 2),
                x -> x.transpose(-1, 1).reshape(-1),
                x -> x.view(a * b, c).t(),
                x -> x.reshape(c, a * b),
                x -> x.unsqueeze(1).unsqueeze(-1).squeeze(),
                x -> x.unsqueeze(0).squeeze(0),
                x -> x.transpose(0, 1).contiguous().view(-1),
                x -> ShapeOps.permute(x, new int[] {2, 0, 1}).reshape(c, -1),
                x -> ShapeOps.expand(x.unsqueeze(0), new int[] {2, a, b, c}),
                x -> ShapeOps.cat(new Tensor[] {x, x.mul(2.0)}, 1),
                x -> ShapeOps.stack(new Tensor[] {x, x.sin()}, 0));
        int pick = r.nextInt(ops.size());
        // multiply by the values so the gradient depends on where each element went
        int[] shape = {a, b, c};
        GradCheck.check("shape op " + pick, t -> {
            Tensor y = ops.get(pick).apply(t[0]);
            return y.mul(y);
        }, new int[][] {shape}, new double[][] {values(r, shape, ANY)}, seed);
    }

    @Property(tries = TRIES)
    void squeezeDims(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = {1 + r.nextInt(2), 1, 1 + r.nextInt(3)};
        int dim = r.nextInt(3) - 3;
        GradCheck.check("squeeze(" + dim + ")", t -> t[0].squeeze(dim).exp(), new int[][] {shape},
                new double[][] {values(r, shape, ANY)}, seed);
    }

    // ---- reductions ---------------------------------------------------------------------------

    @Property(tries = TRIES)
    void sumAndMean(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 3, 3);
        boolean mean = r.nextBoolean();
        GradCheck.check(mean ? "mean" : "sum", t -> (mean ? t[0].mean() : t[0].sum()).mul(t[0].sum()),
                new int[][] {shape}, new double[][] {values(r, shape, ANY)}, seed);
    }

    @Property(tries = TRIES)
    void sumAndMeanOverDims(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = {1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(3)};
        int[][] dimChoices = {{0}, {1}, {-1}, {0, 2}, {1, 0}, {0, 1, 2}};
        int[] dims = dimChoices[r.nextInt(dimChoices.length)];
        boolean keepdim = r.nextBoolean(), mean = r.nextBoolean();
        GradCheck.check((mean ? "mean" : "sum") + java.util.Arrays.toString(dims) + " keepdim=" + keepdim, t -> {
            Tensor s = mean ? t[0].mean(dims, keepdim) : t[0].sum(dims, keepdim);
            return s.mul(s);
        }, new int[][] {shape}, new double[][] {values(r, shape, ANY)}, seed);
    }

    @Property(tries = TRIES)
    void maxAndMin(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = {1 + r.nextInt(3), 1 + r.nextInt(4)};
        boolean max = r.nextBoolean();
        // distinct values: a shuffled grid, so no ties
        double[] v = distinct(r, Shape.numel(shape));
        GradCheck.check(max ? "max" : "min", t -> Reductions.extreme(t[0], max).mul(3.0), new int[][] {shape}, new double[][] {v}, seed);
    }

    @Property(tries = TRIES)
    void maxAndMinOverDim(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = {1 + r.nextInt(3), 1 + r.nextInt(4), 1 + r.nextInt(2)};
        boolean max = r.nextBoolean(), keepdim = r.nextBoolean();
        int dim = r.nextInt(3);
        double[] v = distinct(r, Shape.numel(shape));
        GradCheck.check("max/min dim " + dim, t -> Reductions.extreme(t[0], dim, keepdim, max)[0].exp(),
                new int[][] {shape}, new double[][] {v}, seed);
    }

    @Property(tries = TRIES)
    void norm(@ForAll long seed) {
        Random r = new Random(seed);
        double[] ps = {2, 1, 3};
        double p = ps[r.nextInt(ps.length)];
        int[] shape = GradCheck.shape(r, 2, 4);
        GradCheck.check("norm p=" + p, t -> Reductions.norm(t[0], p), new int[][] {shape},
                new double[][] {values(r, shape, awayFromZero(0.1, 2))}, seed);
    }

    private static double[] distinct(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i - n / 2.0) * 0.37;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }

    // ---- indexing -----------------------------------------------------------------------------

    @Property(tries = TRIES)
    void indexingGet(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = {2 + r.nextInt(3), 2 + r.nextInt(3)};
        List<List<Index>> subscripts = List.of(
                List.of(Index.at(1)),
                List.of(Index.at(-1), Index.slice(null, null, 2L)),
                List.of(Index.slice(1L, null, null)),
                List.of(Index.ELLIPSIS, Index.at(0)),
                List.of(Index.slice(null, null, null), Index.NONE, Index.slice(0L, 2L, null)),
                List.of(Index.tensor(Tensor.of(new double[] {1, 0, 1}, new int[] {3}, DType.INT64))),
                List.of(Index.at(0), Index.at(1)));
        List<Index> items = subscripts.get(r.nextInt(subscripts.size()));
        GradCheck.check("x" + items, t -> {
            Tensor y = Indexing.get(t[0], items);
            return y.mul(y);
        }, new int[][] {shape}, new double[][] {values(r, shape, ANY)}, seed);
    }

    @Property(tries = TRIES)
    void indexingSet(@ForAll long seed) {
        Random r = new Random(seed);
        int rows = 2 + r.nextInt(3), cols = 2 + r.nextInt(3);
        List<Index> items;
        int[] valueShape;
        switch (r.nextInt(3)) {
            case 0: items = List.of(Index.at(1)); valueShape = r.nextBoolean() ? new int[] {cols} : new int[0]; break;
            case 1: items = List.of(Index.slice(null, null, null), Index.slice(0L, 2L, null)); valueShape = new int[] {1, 2}; break;
            default: items = List.of(Index.slice(1L, null, null), Index.at(0)); valueShape = new int[] {rows - 1}; break;
        }
        int[][] shapes = {{rows, cols}, valueShape};
        GradCheck.check("x" + items + " = v", t -> {
            Tensor x = t[0].mul(t[0]);
            Indexing.set(x, items, t[1].sin());
            return x;
        }, shapes, new double[][] {values(r, shapes[0], ANY), values(r, shapes[1], ANY)}, seed);
    }

    // ---- losses -------------------------------------------------------------------------------

    private static final String[] REDUCTIONS = {"mean", "sum", "none"};

    @Property(tries = TRIES)
    void mseLoss(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 2, 4);
        String reduction = REDUCTIONS[r.nextInt(3)];
        GradCheck.check("mse_loss " + reduction, t -> Losses.mseLoss(t[0], t[1], reduction), new int[][] {shape, shape},
                new double[][] {values(r, shape, ANY), values(r, shape, ANY)}, null, seed);
    }

    @Property(tries = TRIES)
    void binaryCrossEntropy(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 2, 4);
        String reduction = REDUCTIONS[r.nextInt(3)];
        GradCheck.check("binary_cross_entropy " + reduction, t -> Losses.binaryCrossEntropy(t[0], t[1], reduction),
                new int[][] {shape, shape}, new double[][] {values(r, shape, uniform(0.05, 0.95)), values(r, shape, uniform(0, 1))},
                null, seed);
    }

    @Property(tries = TRIES)
    void binaryCrossEntropyWithLogits(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 2, 4);
        String reduction = REDUCTIONS[r.nextInt(3)];
        GradCheck.check("binary_cross_entropy_with_logits " + reduction,
                t -> Losses.binaryCrossEntropyWithLogits(t[0], t[1], reduction), new int[][] {shape, shape},
                new double[][] {values(r, shape, uniform(-4, 4)), values(r, shape, uniform(0, 1))}, null, seed);
    }

    @Property(tries = TRIES)
    void l1Loss(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 2, 4);
        String reduction = REDUCTIONS[r.nextInt(3)];
        double[] input = values(r, shape, ANY);
        // the target kept at least 0.1 away from the input: |x - y| has a kink where they meet
        double[] offset = values(r, shape, awayFromZero(0.1, 1));
        double[] target = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            target[i] = input[i] + offset[i];
        }
        GradCheck.check("l1_loss " + reduction, t -> Losses.l1Loss(t[0], t[1], reduction), new int[][] {shape, shape},
                new double[][] {input, target}, null, seed);
    }

    // ---- selection, copies, remainder ---------------------------------------------------------

    @Property(tries = TRIES)
    void where(@ForAll long seed) {
        Random r = new Random(seed);
        int[] full = GradCheck.shape(r, 3, 3);
        int[] other = GradCheck.broadcastable(r, full);
        int[] conditionShape = GradCheck.broadcastable(r, full);
        double[] condition = values(r, conditionShape, u -> u < 0.5 ? 1 : 0);
        Tensor mask = Tensor.of(condition, conditionShape, DType.BOOL);
        int[][] shapes = r.nextBoolean() ? new int[][] {full, other} : new int[][] {other, full};
        GradCheck.check("where", t -> Pointwise.where(mask, t[0].sin(), t[1].mul(t[1])), shapes,
                new double[][] {values(r, shapes[0], ANY), values(r, shapes[1], ANY)}, seed);
    }

    @Property(tries = TRIES)
    void cloneIsRecorded(@ForAll long seed) {
        unary(seed, "clone", ANY, x -> ShapeOps.cloneRecorded(x.mul(2.0)).mul(x));
    }

    @Property(tries = TRIES)
    void toDTypeRoundTrip(@ForAll long seed) {
        // float64 -> float32 -> float64 then an op: ToCopyBackward0 passes the gradient through,
        // cast back to each input's dtype (finite differences cannot see through float32 rounding,
        // so the chain is checked against the float64 derivative of the same function)
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 2, 3);
        double[] v = values(r, shape, ANY);
        Tensor x = Tensor.of(v, shape, DType.FLOAT64).requiresGrad_(true);
        Tensor y = x.toDType(DType.FLOAT32);
        org.junit.jupiter.api.Assertions.assertEquals("ToCopyBackward0", y.gradFn().name());
        Tensor z = y.toDType(DType.FLOAT64).sin();
        double[] w = values(r, shape, uniform(-1, 1));
        z.backward(Tensor.of(w, shape, DType.FLOAT64), false);
        org.junit.jupiter.api.Assertions.assertEquals(DType.FLOAT64, x.grad().dtype());
        double[] g = x.grad().toArray();
        for (int i = 0; i < v.length; i++) {
            double expected = (float) (w[i] * Math.cos((float) v[i]));
            org.junit.jupiter.api.Assertions.assertEquals(expected, g[i], 1e-7 * Math.max(1, Math.abs(expected)), "element " + i);
        }
    }

    @Property(tries = TRIES)
    void remainderByTensorAndByNumber(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = GradCheck.shape(r, 2, 3);
        int n = Shape.numel(shape);
        double[] a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            // a / b kept away from whole numbers, where the remainder jumps
            b[i] = (0.5 + r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
            a[i] = (r.nextInt(7) - 3 + 0.2 + 0.6 * r.nextDouble()) * b[i];
        }
        GradCheck.check("x % y", t -> Pointwise.remainder(t[0], t[1]), new int[][] {shape, shape}, new double[][] {a, b}, null, seed);
        // by a Python number: RemainderBackward0, the gradient to x only
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = (r.nextInt(7) - 3 + 0.2 + 0.6 * r.nextDouble()) * 0.7;
        }
        GradCheck.check("x % 0.7", t -> Pointwise.remainder(t[0], Tensor.wrappedNumber(0.7, true)).mul(t[0]),
                new int[][] {shape}, new double[][] {c}, seed);
    }

    @Property(tries = TRIES)
    void composedGraphWithSharedInputs(@ForAll long seed) {
        // one input used by several ops: gradients from every path must add up
        binary(seed, "shared", uniform(0.3, 2), ANY, (a, b) -> a.mul(b).sigmoid().add(a.log().mul(a)).sub(b.tanh().mul(a.sqrt())));
    }
}
