package org.autogradstudio.ui.graph;

import java.util.Map;

/**
 * The math symbol drawn inside a function vertex for a grad_fn name.
 * (Adapter: the graph package's ComputationGraph gives function vertices their symbol.)
 */
public final class FunctionSymbols {
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("Add", "+"), Map.entry("Sub", "\u2212"), Map.entry("Rsub", "\u2212"), Map.entry("Mul", "\u00d7"),
            Map.entry("Div", "\u00f7"), Map.entry("Pow", "x\u207f"), Map.entry("Exp", "exp"), Map.entry("Log", "log"),
            Map.entry("Sin", "sin"), Map.entry("Cos", "cos"), Map.entry("Tan", "tan"), Map.entry("Tanh", "tanh"),
            Map.entry("Sigmoid", "\u03c3"), Map.entry("Relu", "ReLU"), Map.entry("Neg", "\u2212x"), Map.entry("Abs", "|x|"),
            Map.entry("Sqrt", "\u221a"), Map.entry("Clamp", "clamp"), Map.entry("Mean", "mean"), Map.entry("Sum", "\u03a3"),
            Map.entry("Mm", "@"), Map.entry("Mv", "@"), Map.entry("Dot", "\u00b7"), Map.entry("Bmm", "@"),
            Map.entry("BinaryCrossEntropyWithLogits", "BCE\u2097"), Map.entry("BinaryCrossEntropy", "BCE"),
            Map.entry("MseLoss", "MSE"), Map.entry("L1Loss", "L1"), Map.entry("T", "\u1d40"), Map.entry("Transpose", "\u1d40"),
            Map.entry("View", "view"), Map.entry("Reshape", "reshape"), Map.entry("Squeeze", "squeeze"),
            Map.entry("Unsqueeze", "unsqueeze"), Map.entry("Max", "max"), Map.entry("Min", "min"),
            Map.entry("Norm", "\u2016x\u2016"), Map.entry("Reciprocal", "1/x"), Map.entry("Index", "[ ]"),
            Map.entry("Select", "[ ]"), Map.entry("Slice", "[:]"), Map.entry("Clone", "clone"), Map.entry("ToCopy", "to"));

    private FunctionSymbols() {
    }

    public static String of(String gradFnName) {
        String base = gradFnName.replaceFirst("Backward\\d*$", "");
        if (base.startsWith("Clamp")) {
            base = "Clamp";
        }
        return SYMBOLS.getOrDefault(base, base);
    }
}
