package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code Tensor.toString()} against the text real PyTorch 1.13 printed for the same tensor
 * ({@code repr(t)} recorded with /usr/bin/python3; the middle column is the Python expression).
 */
class TensorPrintingTest {
    private static final String[][] PYTORCH = {
            {"scalar", "torch.tensor(6.7)", "tensor(6.7000)"},
            {"scalarInt", "torch.tensor(3)", "tensor(3)"},
            {"scalarBool", "torch.tensor(True)", "tensor(True)"},
            {"scalarDouble", "torch.tensor(0.1, dtype=torch.float64)", "tensor(0.1000, dtype=torch.float64)"},
            {"wholeScalar", "torch.tensor(3.)", "tensor(3.)"},
            {"negZero", "torch.tensor([-0.0, 1.0])", "tensor([-0., 1.])"},
            {"vector", "torch.tensor([2., 4., 6.]) / 3", "tensor([0.6667, 1.3333, 2.0000])"},
            {"ints", "torch.tensor([1, -20, 300])", "tensor([  1, -20, 300])"},
            {"bools", "torch.tensor([True, False, True])", "tensor([ True, False,  True])"},
            {"doubles", "torch.tensor([1.5, 2.25], dtype=torch.float64)", "tensor([1.5000, 2.2500], dtype=torch.float64)"},
            {"matrix", "torch.tensor([[1., -2.5], [30.125, 4.]])", "tensor([[ 1.0000, -2.5000],\n        [30.1250,  4.0000]])"},
            {"intMatrix", "torch.tensor([[1, 2], [3, 40]])", "tensor([[ 1,  2],\n        [ 3, 40]])"},
            {"sci", "torch.tensor([1.0240e+02, 1.0240e+03, 1.0240e-01])", "tensor([1.0240e+02, 1.0240e+03, 1.0240e-01])"},
            {"sciSmall", "torch.tensor([1e-5, 1.0])", "tensor([1.0000e-05, 1.0000e+00])"},
            {"bigWhole", "torch.tensor([1e9, 1.0])", "tensor([1.0000e+09, 1.0000e+00])"},
            {"bigWholeOnly", "torch.tensor([123456789., 2.])", "tensor([1.2346e+08, 2.0000e+00])"},
            {"nanInf", "torch.tensor([float('nan'), float('inf'), -float('inf'), 1.5])", "tensor([   nan,    inf,   -inf, 1.5000])"},
            {"wrap", "torch.arange(30.) / 7", "tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,\n        1.2857, 1.4286, 1.5714, 1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286,\n        2.5714, 2.7143, 2.8571, 3.0000, 3.1429, 3.2857, 3.4286, 3.5714, 3.7143,\n        3.8571, 4.0000, 4.1429])"},
            {"wrapInts", "torch.arange(40)", "tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17,\n        18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n        36, 37, 38, 39])"},
            {"summary", "torch.arange(2000.)", "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n        1.9990e+03])"},
            {"summaryMatrix", "torch.arange(1200.).reshape(40, 30)", "tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 2.7000e+01, 2.8000e+01,\n         2.9000e+01],\n        [3.0000e+01, 3.1000e+01, 3.2000e+01,  ..., 5.7000e+01, 5.8000e+01,\n         5.9000e+01],\n        [6.0000e+01, 6.1000e+01, 6.2000e+01,  ..., 8.7000e+01, 8.8000e+01,\n         8.9000e+01],\n        ...,\n        [1.1100e+03, 1.1110e+03, 1.1120e+03,  ..., 1.1370e+03, 1.1380e+03,\n         1.1390e+03],\n        [1.1400e+03, 1.1410e+03, 1.1420e+03,  ..., 1.1670e+03, 1.1680e+03,\n         1.1690e+03],\n        [1.1700e+03, 1.1710e+03, 1.1720e+03,  ..., 1.1970e+03, 1.1980e+03,\n         1.1990e+03]])"},
            {"summary3d", "torch.arange(2000).reshape(10, 10, 20)", "tensor([[[   0,    1,    2,  ...,   17,   18,   19],\n         [  20,   21,   22,  ...,   37,   38,   39],\n         [  40,   41,   42,  ...,   57,   58,   59],\n         ...,\n         [ 140,  141,  142,  ...,  157,  158,  159],\n         [ 160,  161,  162,  ...,  177,  178,  179],\n         [ 180,  181,  182,  ...,  197,  198,  199]],\n\n        [[ 200,  201,  202,  ...,  217,  218,  219],\n         [ 220,  221,  222,  ...,  237,  238,  239],\n         [ 240,  241,  242,  ...,  257,  258,  259],\n         ...,\n         [ 340,  341,  342,  ...,  357,  358,  359],\n         [ 360,  361,  362,  ...,  377,  378,  379],\n         [ 380,  381,  382,  ...,  397,  398,  399]],\n\n        [[ 400,  401,  402,  ...,  417,  418,  419],\n         [ 420,  421,  422,  ...,  437,  438,  439],\n         [ 440,  441,  442,  ...,  457,  458,  459],\n         ...,\n         [ 540,  541,  542,  ...,  557,  558,  559],\n         [ 560,  561,  562,  ...,  577,  578,  579],\n         [ 580,  581,  582,  ...,  597,  598,  599]],\n\n        ...,\n\n        [[1400, 1401, 1402,  ..., 1417, 1418, 1419],\n         [1420, 1421, 1422,  ..., 1437, 1438, 1439],\n         [1440, 1441, 1442,  ..., 1457, 1458, 1459],\n         ...,\n         [1540, 1541, 1542,  ..., 1557, 1558, 1559],\n         [1560, 1561, 1562,  ..., 1577, 1578, 1579],\n         [1580, 1581, 1582,  ..., 1597, 1598, 1599]],\n\n        [[1600, 1601, 1602,  ..., 1617, 1618, 1619],\n         [1620, 1621, 1622,  ..., 1637, 1638, 1639],\n         [1640, 1641, 1642,  ..., 1657, 1658, 1659],\n         ...,\n         [1740, 1741, 1742,  ..., 1757, 1758, 1759],\n         [1760, 1761, 1762,  ..., 1777, 1778, 1779],\n         [1780, 1781, 1782,  ..., 1797, 1798, 1799]],\n\n        [[1800, 1801, 1802,  ..., 1817, 1818, 1819],\n         [1820, 1821, 1822,  ..., 1837, 1838, 1839],\n         [1840, 1841, 1842,  ..., 1857, 1858, 1859],\n         ...,\n         [1940, 1941, 1942,  ..., 1957, 1958, 1959],\n         [1960, 1961, 1962,  ..., 1977, 1978, 1979],\n         [1980, 1981, 1982,  ..., 1997, 1998, 1999]]])"},
            {"tensor3d", "torch.arange(12.).reshape(2, 3, 2)", "tensor([[[ 0.,  1.],\n         [ 2.,  3.],\n         [ 4.,  5.]],\n\n        [[ 6.,  7.],\n         [ 8.,  9.],\n         [10., 11.]]])"},
            {"empty", "torch.tensor([])", "tensor([])"},
            {"emptyMatrix", "torch.zeros(0, 3)", "tensor([], size=(0, 3))"},
            {"emptyInt", "torch.tensor([], dtype=torch.int64)", "tensor([], dtype=torch.int64)"},
            {"requiresGrad", "torch.tensor(3., requires_grad=True)", "tensor(3., requires_grad=True)"},
            {"requiresGradVector", "torch.tensor([1., 2.], requires_grad=True)", "tensor([1., 2.], requires_grad=True)"},
            {"gradFn", "torch.tensor(6.7, requires_grad=True) + 0", "tensor(6.7000, grad_fn=<AddBackward0>)"},
            {"gradFnDouble", "torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True) * 2", "tensor([2., 4.], dtype=torch.float64, grad_fn=<MulBackward0>)"},
            {"longSuffix", "torch.arange(24., requires_grad=True).reshape(4, 6) / 7", "tensor([[0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143],\n        [0.8571, 1.0000, 1.1429, 1.2857, 1.4286, 1.5714],\n        [1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286],\n        [2.5714, 2.7143, 2.8571, 3.0000, 3.1429, 3.2857]],\n       grad_fn=<DivBackward0>)"},
            {"wrapGradFn", "torch.arange(30., requires_grad=True) / 7", "tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,\n        1.2857, 1.4286, 1.5714, 1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286,\n        2.5714, 2.7143, 2.8571, 3.0000, 3.1429, 3.2857, 3.4286, 3.5714, 3.7143,\n        3.8571, 4.0000, 4.1429], grad_fn=<DivBackward0>)"},
            {"boolMatrix", "torch.tensor([[True, False], [False, True]])", "tensor([[ True, False],\n        [False,  True]])"},
            {"bigInts", "torch.tensor([123456789012, -5])", "tensor([123456789012,           -5])"},
            {"negSci", "torch.tensor([-1e-5, 2.5e3])", "tensor([-1.0000e-05,  2.5000e+03])"},
            {"boundary1e8", "torch.tensor([1e8, 1.])", "tensor([1.0000e+08, 1.0000e+00])"},
            {"boundaryRatio", "torch.tensor([0.001, 1.0])", "tensor([0.0010, 1.0000])"},
            {"boundaryRatio2", "torch.tensor([0.0009, 1.0])", "tensor([9.0000e-04, 1.0000e+00])"},
            {"nan0d", "torch.tensor(float('nan'))", "tensor(nan)"},
            {"inf0d", "torch.tensor(float('-inf'))", "tensor(-inf)"},
            {"allZero", "torch.zeros(3)", "tensor([0., 0., 0.])"},
            {"wholeNeg", "torch.tensor([-1., 2., -300.])", "tensor([  -1.,    2., -300.])"},
            {"doubleReqGrad", "torch.tensor([0.5, 1.25], dtype=torch.float64, requires_grad=True)", "tensor([0.5000, 1.2500], dtype=torch.float64, requires_grad=True)"},
            {"doubleSci", "torch.tensor([1e-10, 1.0], dtype=torch.float64)", "tensor([1.0000e-10, 1.0000e+00], dtype=torch.float64)"},
            {"tiny0d", "torch.tensor(1e-7)", "tensor(1.0000e-07)"},
            {"huge0d", "torch.tensor(3e20)", "tensor(3.0000e+20)"},
            {"col", "torch.tensor([[1.5], [-2.25], [3.]])", "tensor([[ 1.5000],\n        [-2.2500],\n        [ 3.0000]])"},
            {"row", "torch.tensor([[1.5, -2.25, 3.]])", "tensor([[ 1.5000, -2.2500,  3.0000]])"},
            {"wrapSci", "torch.arange(1., 25.) ** 6", "tensor([1.0000e+00, 6.4000e+01, 7.2900e+02, 4.0960e+03, 1.5625e+04, 4.6656e+04,\n        1.1765e+05, 2.6214e+05, 5.3144e+05, 1.0000e+06, 1.7716e+06, 2.9860e+06,\n        4.8268e+06, 7.5295e+06, 1.1391e+07, 1.6777e+07, 2.4138e+07, 3.4012e+07,\n        4.7046e+07, 6.4000e+07, 8.5766e+07, 1.1338e+08, 1.4804e+08, 1.9110e+08])"},
            {"summary2dWide", "torch.arange(3000.).reshape(3, 1000)", "tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 9.9700e+02, 9.9800e+02,\n         9.9900e+02],\n        [1.0000e+03, 1.0010e+03, 1.0020e+03,  ..., 1.9970e+03, 1.9980e+03,\n         1.9990e+03],\n        [2.0000e+03, 2.0010e+03, 2.0020e+03,  ..., 2.9970e+03, 2.9980e+03,\n         2.9990e+03]])"},
            {"summaryIntVec", "torch.arange(1001)", "tensor([   0,    1,    2,  ...,  998,  999, 1000])"},
            {"bool3d", "torch.ones(2, 1, 2, dtype=torch.bool)", "tensor([[[True, True]],\n\n        [[True, True]]])"},
            {"nanVec", "torch.tensor([float('nan'), 2.0])", "tensor([nan, 2.])"},
            {"infWhole", "torch.tensor([float('inf'), 2.0])", "tensor([inf, 2.])"},
            {"negZero0d", "torch.tensor(-0.0)", "tensor(-0.)"},
            {"gradFnMatrix", "torch.tensor([[1., 2.], [3., 4.]], requires_grad=True) * 2", "tensor([[2., 4.],\n        [6., 8.]], grad_fn=<MulBackward0>)"},
            {"emptyReqGrad", "torch.tensor([], requires_grad=True)", "tensor([], requires_grad=True)"},
            {"empty3d", "torch.zeros(2, 0, 3)", "tensor([], size=(2, 0, 3))"},
    };

    private static Tensor f32(double... v) {
        return Tensor.of(v, new int[] {v.length}, DType.FLOAT32);
    }

    private static Tensor integer(long v) {
        return Tensor.wrappedNumber(v, false);
    }

    private static Tensor arange(int n, DType dtype, boolean requiresGrad) {
        return Creation.arange(0, n, 1, dtype, requiresGrad);
    }

    private static Map<String, Supplier<Tensor>> ours() {
        Map<String, Supplier<Tensor>> m = new HashMap<>();
        m.put("scalar", () -> Tensor.scalar(6.7, DType.FLOAT32));
        m.put("scalarInt", () -> Tensor.scalar(3, DType.INT64));
        m.put("scalarBool", () -> Tensor.scalar(1, DType.BOOL));
        m.put("scalarDouble", () -> Tensor.scalar(0.1, DType.FLOAT64));
        m.put("wholeScalar", () -> Tensor.scalar(3, DType.FLOAT32));
        m.put("negZero", () -> f32(-0.0, 1.0));
        m.put("vector", () -> f32(2, 4, 6).div(integer(3)));
        m.put("ints", () -> Tensor.of(new double[] {1, -20, 300}, new int[] {3}, DType.INT64));
        m.put("bools", () -> Tensor.of(new double[] {1, 0, 1}, new int[] {3}, DType.BOOL));
        m.put("doubles", () -> Tensor.of(new double[] {1.5, 2.25}, new int[] {2}, DType.FLOAT64));
        m.put("matrix", () -> f32(1, -2.5, 30.125, 4).reshape(2, 2));
        m.put("intMatrix", () -> Tensor.of(new double[] {1, 2, 3, 40}, new int[] {2, 2}, DType.INT64));
        m.put("sci", () -> f32(1.0240e+02, 1.0240e+03, 1.0240e-01));
        m.put("sciSmall", () -> f32(1e-5, 1.0));
        m.put("bigWhole", () -> f32(1e9, 1.0));
        m.put("bigWholeOnly", () -> f32(123456789., 2.));
        m.put("nanInf", () -> f32(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5));
        m.put("wrap", () -> arange(30, DType.FLOAT32, false).div(integer(7)));
        m.put("wrapInts", () -> arange(40, DType.INT64, false));
        m.put("summary", () -> arange(2000, DType.FLOAT32, false));
        m.put("summaryMatrix", () -> arange(1200, DType.FLOAT32, false).reshape(40, 30));
        m.put("summary3d", () -> arange(2000, DType.INT64, false).reshape(10, 10, 20));
        m.put("tensor3d", () -> arange(12, DType.FLOAT32, false).reshape(2, 3, 2));
        m.put("empty", () -> Tensor.of(new double[0], new int[] {0}, DType.FLOAT32));
        m.put("emptyMatrix", () -> Creation.zeros(new int[] {0, 3}, DType.FLOAT32, false));
        m.put("emptyInt", () -> Tensor.of(new double[0], new int[] {0}, DType.INT64));
        m.put("requiresGrad", () -> Tensor.scalar(3, DType.FLOAT32).requiresGrad_(true));
        m.put("requiresGradVector", () -> f32(1, 2).requiresGrad_(true));
        m.put("gradFn", () -> Tensor.scalar(6.7, DType.FLOAT32).requiresGrad_(true).add(integer(0)));
        m.put("gradFnDouble", () -> Tensor.of(new double[] {1, 2}, new int[] {2}, DType.FLOAT64).requiresGrad_(true).mul(integer(2)));
        m.put("longSuffix", () -> arange(24, DType.FLOAT32, true).reshape(4, 6).div(integer(7)));
        m.put("wrapGradFn", () -> arange(30, DType.FLOAT32, true).div(integer(7)));
        m.put("boolMatrix", () -> Tensor.of(new double[] {1, 0, 0, 1}, new int[] {2, 2}, DType.BOOL));
        m.put("bigInts", () -> Tensor.of(new double[] {123456789012.0, -5}, new int[] {2}, DType.INT64));
        m.put("negSci", () -> f32(-1e-5, 2.5e3));
        m.put("boundary1e8", () -> f32(1e8, 1.));
        m.put("boundaryRatio", () -> f32(0.001, 1.0));
        m.put("boundaryRatio2", () -> f32(0.0009, 1.0));
        m.put("nan0d", () -> Tensor.scalar(Double.NaN, DType.FLOAT32));
        m.put("inf0d", () -> Tensor.scalar(Double.NEGATIVE_INFINITY, DType.FLOAT32));
        m.put("allZero", () -> Creation.zeros(new int[] {3}, DType.FLOAT32, false));
        m.put("wholeNeg", () -> f32(-1., 2., -300.));
        m.put("doubleReqGrad", () -> Tensor.of(new double[] {0.5, 1.25}, new int[] {2}, DType.FLOAT64).requiresGrad_(true));
        m.put("doubleSci", () -> Tensor.of(new double[] {1e-10, 1.0}, new int[] {2}, DType.FLOAT64));
        m.put("tiny0d", () -> Tensor.scalar(1e-7, DType.FLOAT32));
        m.put("huge0d", () -> Tensor.scalar(3e20, DType.FLOAT32));
        m.put("col", () -> f32(1.5, -2.25, 3.).reshape(3, 1));
        m.put("row", () -> f32(1.5, -2.25, 3.).reshape(1, 3));
        m.put("wrapSci", () -> Creation.arange(1, 25, 1, DType.FLOAT32, false).pow(6));
        m.put("summary2dWide", () -> arange(3000, DType.FLOAT32, false).reshape(3, 1000));
        m.put("summaryIntVec", () -> arange(1001, DType.INT64, false));
        m.put("bool3d", () -> Creation.ones(new int[] {2, 1, 2}, DType.BOOL, false));
        m.put("nanVec", () -> f32(Double.NaN, 2.0));
        m.put("infWhole", () -> f32(Double.POSITIVE_INFINITY, 2.0));
        m.put("negZero0d", () -> Tensor.scalar(-0.0, DType.FLOAT32));
        m.put("gradFnMatrix", () -> f32(1, 2, 3, 4).reshape(2, 2).requiresGrad_(true).mul(integer(2)));
        m.put("emptyReqGrad", () -> Tensor.of(new double[0], new int[] {0}, DType.FLOAT32).requiresGrad_(true));
        m.put("empty3d", () -> Creation.zeros(new int[] {2, 0, 3}, DType.FLOAT32, false));
        return m;
    }

    @Test
    void printsAsPyTorchPrints() {
        Map<String, Supplier<Tensor>> ours = ours();
        assertEquals(PYTORCH.length, ours.size());
        for (String[] row : PYTORCH) {
            assertEquals(row[2], ours.get(row[0]).get().toString(), row[0] + ": " + row[1]);
        }
    }

    @Test
    void viewsPrintTheirOwnElements() {
        // a transposed (non-contiguous) view and a slice print what they show, not their storage order
        Tensor m = arange(6, DType.FLOAT32, false).reshape(2, 3);
        assertEquals("tensor([[0., 3.],\n        [1., 4.],\n        [2., 5.]])", m.t().toString());
        assertEquals("tensor([1., 4.])", Indexing.get(m, java.util.List.of(Index.slice(null, null, null), Index.at(1))).toString());
    }
}
