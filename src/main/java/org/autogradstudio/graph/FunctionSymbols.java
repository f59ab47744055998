package org.autogradstudio.graph;

import java.util.Map;
import org.autogradstudio.engine.Node;

/** The math symbol a function vertex shows for its grad_fn: × for MulBackward0, σ for SigmoidBackward0. */
public final class FunctionSymbols {
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("Add", "+"), Map.entry("Sub", "−"), Map.entry("Rsub", "−"), Map.entry("Mul", "×"),
            Map.entry("Div", "÷"), Map.entry("Pow", "xⁿ"), Map.entry("Exp", "exp"), Map.entry("Log", "log"),
            Map.entry("Sin", "sin"), Map.entry("Cos", "cos"), Map.entry("Tan", "tan"), Map.entry("Tanh", "tanh"),
            Map.entry("Sigmoid", "σ"), Map.entry("Relu", "ReLU"), Map.entry("Neg", "−x"), Map.entry("Abs", "|x|"),
            Map.entry("Sqrt", "√"), Map.entry("Clamp", "clamp"), Map.entry("Mean", "mean"), Map.entry("Sum", "Σ"),
            Map.entry("Mm", "@"), Map.entry("Mv", "@"), Map.entry("Dot", "·"), Map.entry("Bmm", "@"),
            Map.entry("BinaryCrossEntropyWithLogits", "BCE"), Map.entry("BinaryCrossEntropy", "BCE"),
            Map.entry("MseLoss", "MSE"), Map.entry("L1Loss", "L1"), Map.entry("T", "ᵀ"), Map.entry("Transpose", "ᵀ"),
            Map.entry("Permute", "ᵀ"), Map.entry("View", "view"), Map.entry("Reshape", "reshape"),
            Map.entry("ReshapeAlias", "reshape"), Map.entry("UnsafeView", "reshape"), Map.entry("Squeeze", "squeeze"),
            Map.entry("Unsqueeze", "unsqueeze"), Map.entry("Max", "max"), Map.entry("Min", "min"),
            Map.entry("Norm", "‖x‖"), Map.entry("Reciprocal", "1/x"), Map.entry("Index", "[ ]"),
            Map.entry("Select", "[ ]"), Map.entry("Slice", "[:]"), Map.entry("Clone", "clone"), Map.entry("ToCopy", "to"),
            Map.entry("Cat", "cat"), Map.entry("Stack", "stack"), Map.entry("Expand", "expand"),
            Map.entry("Where", "where"), Map.entry("CopySlices", "[ ]="));

    private FunctionSymbols() {
    }

    public static String of(Node node) {
        Object exponent = node.attributes().get("exponent");
        if (exponent instanceof Double e) {
            return "x^" + (e == Math.rint(e) ? Long.toString(e.longValue()) : e.toString());
        }
        if (node.op() != null && node.op().symbol() != null && !node.op().symbol().isEmpty()) {
            return node.op().symbol();
        }
        return of(node.name());
    }

    public static String of(String gradFnName) {
        String base = gradFnName.replaceFirst("Backward\\d*$", "");
        return SYMBOLS.getOrDefault(base, base);
    }
}
