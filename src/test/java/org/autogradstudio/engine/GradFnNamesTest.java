package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** grad_fn class names as PyTorch 1.13 prints them ({@code type(t.grad_fn).__name__}), one op at a time. */
class GradFnNamesTest {
    /** Recorded with /usr/bin/python3 and torch 1.13: case name, then PyTorch's grad_fn name. */
    private static final String[] PYTORCH = {
            "add", "AddBackward0",
            "addNumber", "AddBackward0",
            "sub", "SubBackward0",
            "rsub", "RsubBackward1",
            "mul", "MulBackward0",
            "mulNumber", "MulBackward0",
            "div", "DivBackward0",
            "rdiv", "MulBackward0",
            "neg", "NegBackward0",
            "powScalar", "PowBackward0",
            "powTensor", "PowBackward1",
            "powNumberTensor", "PowBackward1",
            "exp", "ExpBackward0",
            "log", "LogBackward0",
            "sin", "SinBackward0",
            "cos", "CosBackward0",
            "tan", "TanBackward0",
            "tanh", "TanhBackward0",
            "sigmoid", "SigmoidBackward0",
            "relu", "ReluBackward0",
            "abs", "AbsBackward0",
            "sqrt", "SqrtBackward0",
            "clamp", "ClampBackward1",
            "clampMin", "ClampBackward1",
            "mm", "MmBackward0",
            "matmul2d", "MmBackward0",
            "mv", "MvBackward0",
            "dot", "DotBackward0",
            "vecmat", "SqueezeBackward3",
            "t", "TBackward0",
            "transpose", "TransposeBackward0",
            "reshape", "ReshapeAliasBackward0",
            "view", "ViewBackward0",
            "squeeze", "SqueezeBackward0",
            "squeezeDim", "SqueezeBackward1",
            "unsqueeze", "UnsqueezeBackward0",
            "sum", "SumBackward0",
            "sumDim", "SumBackward1",
            "mean", "MeanBackward0",
            "meanDim", "MeanBackward1",
            "max", "MaxBackward1",
            "min", "MinBackward1",
            "maxDim", "MaxBackward0",
            "norm", "NormBackward1",
            "select", "SelectBackward0",
            "slice", "SliceBackward0",
            "index", "IndexBackward0",
            "mse", "MseLossBackward0",
            "bce", "BinaryCrossEntropyBackward0",
            "bceLogits", "BinaryCrossEntropyWithLogitsBackward0",
            "toDouble", "ToCopyBackward0",
            "clone", "CloneBackward0",
            "setitem", "CopySlices",
    };

    private static Tensor num(double v) {
        return Tensor.wrappedNumber(v, v != Math.rint(v));
    }

    private static Tensor intNum(long v) {
        return Tensor.wrappedNumber(v, false);
    }

    @Test
    void everyOpIsNamedAsInPyTorch() {
        Tensor x = Tensor.of(new double[] {0.5, 1.5, 2.0, 3.0}, new int[] {2, 2}, DType.FLOAT32).requiresGrad_(true);
        Tensor v = Tensor.of(new double[] {0.5, 1.5}, new int[] {2}, DType.FLOAT32).requiresGrad_(true);
        Tensor ones = Creation.ones(new int[] {2, 2}, DType.FLOAT32, false);
        Map<String, Supplier<Tensor>> ours = new LinkedHashMap<>();
        ours.put("add", () -> x.add(x));
        ours.put("addNumber", () -> x.add(intNum(2)));
        ours.put("sub", () -> x.sub(x));
        ours.put("rsub", () -> Pointwise.rsub(x, intNum(1)));
        ours.put("mul", () -> x.mul(x));
        ours.put("mulNumber", () -> x.mul(intNum(2)));
        ours.put("div", () -> x.div(x));
        ours.put("rdiv", () -> x.reciprocal().mul(intNum(2)));
        ours.put("neg", x::neg);
        ours.put("powScalar", () -> x.pow(2));
        ours.put("powTensor", () -> x.pow(x));
        ours.put("powNumberTensor", () -> Pointwise.pow(intNum(2), x));
        ours.put("exp", x::exp);
        ours.put("log", x::log);
        ours.put("sin", x::sin);
        ours.put("cos", x::cos);
        ours.put("tan", x::tan);
        ours.put("tanh", x::tanh);
        ours.put("sigmoid", x::sigmoid);
        ours.put("relu", x::relu);
        ours.put("abs", x::abs);
        ours.put("sqrt", x::sqrt);
        ours.put("clamp", () -> x.clamp(0.0, 1.0));
        ours.put("clampMin", () -> x.clamp(1.0, null));
        ours.put("mm", () -> LinearAlgebra.mm(x, x));
        ours.put("matmul2d", () -> x.matmul(x));
        ours.put("mv", () -> x.matmul(v));
        ours.put("dot", () -> v.matmul(v));
        ours.put("vecmat", () -> v.matmul(x));
        ours.put("t", x::t);
        ours.put("transpose", () -> x.transpose(0, 1));
        ours.put("reshape", () -> x.reshape(4));
        ours.put("view", () -> x.view(4));
        ours.put("squeeze", () -> x.unsqueeze(0).squeeze());
        ours.put("squeezeDim", () -> x.unsqueeze(0).squeeze(0));
        ours.put("unsqueeze", () -> x.unsqueeze(1));
        ours.put("sum", x::sum);
        ours.put("sumDim", () -> x.sum(new int[] {0}, false));
        ours.put("mean", x::mean);
        ours.put("meanDim", () -> x.mean(new int[] {1}, true));
        ours.put("max", () -> Reductions.extreme(x, true));
        ours.put("min", () -> Reductions.extreme(x, false));
        ours.put("maxDim", () -> Reductions.extreme(x, 0, false, true)[0]);
        ours.put("norm", () -> Reductions.norm(x, 2));
        ours.put("select", () -> Indexing.get(x, List.of(Index.at(0))));
        ours.put("slice", () -> Indexing.get(x, List.of(Index.slice(1L, null, null))));
        ours.put("index", () -> Indexing.get(x, List.of(Index.tensor(Tensor.of(new double[] {1, 0}, new int[] {2}, DType.INT64)))));
        ours.put("mse", () -> Losses.mseLoss(x, x.detach().mul(intNum(2)), "mean"));
        ours.put("bce", () -> Losses.binaryCrossEntropy(x.sigmoid(), ones, "mean"));
        ours.put("bceLogits", () -> Losses.binaryCrossEntropyWithLogits(x, ones, "mean"));
        ours.put("toDouble", () -> x.toDType(DType.FLOAT64));
        ours.put("clone", () -> ShapeOps.cloneRecorded(x));
        ours.put("setitem", () -> {
            Tensor y = ShapeOps.cloneRecorded(x);
            Indexing.set(y, List.of(Index.at(0)), v);
            return y;
        });
        assertEquals(PYTORCH.length / 2, ours.size(), "one case per PyTorch name");
        for (int i = 0; i < PYTORCH.length; i += 2) {
            Supplier<Tensor> op = ours.get(PYTORCH[i]);
            assertNotNull(op, PYTORCH[i]);
            Tensor out = op.get();
            assertNotNull(out.gradFn(), PYTORCH[i] + " was not recorded");
            assertEquals(PYTORCH[i + 1], out.gradFn().name(), PYTORCH[i]);
        }
    }

    @Test
    void leavesHaveAccumulateGradAndNoGradFn() {
        Tensor w = Tensor.scalar(1, DType.FLOAT32).requiresGrad_(true);
        Tensor y = w.mul(num(2.5));
        assertEquals(null, w.gradFn());
        Edge edge = y.gradFn().nextEdges().get(0);
        assertEquals("AccumulateGrad", edge.function().name());
        assertEquals(w, ((AccumulateGrad) edge.function()).variable());
        // the Python number gets no edge, as PyTorch lists (None, 0) for it
        assertEquals(null, y.gradFn().nextEdges().get(1));
    }
}
