package org.autogradstudio.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code repr(tensor)} exactly as PyTorch 1.13 prints it ({@code torch/_tensor_str.py} with the
 * default print options): one width for every element, fixed / integer / scientific mode chosen
 * from the nonzero finite values, 80-column line wrapping, {@code ...} summarisation above 1000
 * elements, and the {@code dtype=}, {@code grad_fn=}, {@code requires_grad=} suffixes.
 */
public final class TensorFormatter {
    private static final String PREFIX = "tensor(";

    /**
     * {@code torch.set_printoptions}: precision, summarisation threshold, edge items, line width
     * and a forced scientific mode (null: chosen per tensor as PyTorch does).
     */
    public record Options(int precision, int threshold, int edgeItems, int lineWidth, Boolean sciMode) {
        public static final Options DEFAULT = new Options(4, 1000, 3, 80, null);
    }

    /** Per thread: a script's session sets its own options on the thread that runs it (see ScriptSession). */
    private static final ThreadLocal<Options> OPTIONS = ThreadLocal.withInitial(() -> Options.DEFAULT);

    public static Options options() {
        return OPTIONS.get();
    }

    public static void setOptions(Options options) {
        OPTIONS.set(options == null ? Options.DEFAULT : options);
    }

    /** {@code torch.set_printoptions(...)}: each argument given replaces its option; a profile resets them first. */
    public static void setOptions(Integer precision, Integer threshold, Integer edgeItems, Integer lineWidth, String profile,
            Boolean sciMode) {
        Options o = options();
        if (profile != null) {
            switch (profile) {
                case "default": o = Options.DEFAULT; break;
                case "short": o = new Options(2, 1000, 2, 80, null); break;
                case "full": o = new Options(4, Integer.MAX_VALUE, 3, 80, null); break;
                default: throw new TorchException("ValueError", "unknown print profile " + profile);
            }
        }
        setOptions(new Options(precision != null ? precision : o.precision(), threshold != null ? threshold : o.threshold(),
                edgeItems != null ? edgeItems : o.edgeItems(), lineWidth != null ? lineWidth : o.lineWidth(),
                sciMode != null ? sciMode : o.sciMode()));
    }

    private TensorFormatter() {
    }

    /**
     * @param values row-major elements
     * @param gradFnName the grad_fn's class name, or null
     * @param leafRequiresGrad whether to print {@code requires_grad=True}
     */
    public static String repr(int[] shape, double[] values, DType dtype, String gradFnName, boolean leafRequiresGrad) {
        List<String> suffixes = new ArrayList<>();
        String body;
        int indent = PREFIX.length();
        if (values.length == 0) {
            if (shape.length != 1) {
                suffixes.add("size=" + sizeTuple(shape));
            }
            if (dtype != DType.FLOAT32) {
                suffixes.add("dtype=" + dtype.torchName());
            }
            body = "[]";
        } else {
            if (dtype == DType.FLOAT64) {
                suffixes.add("dtype=" + dtype.torchName());
            }
            body = contents(shape, values, dtype, indent);
        }
        if (gradFnName != null) {
            suffixes.add("grad_fn=<" + gradFnName + ">");
        } else if (leafRequiresGrad) {
            suffixes.add("requires_grad=True");
        }
        return addSuffixes(PREFIX + body, suffixes, indent);
    }

    /** The bracketed contents alone, as {@code _tensor_str} returns them. */
    public static String contents(int[] shape, double[] values, DType dtype, int indent) {
        boolean summarize = values.length > options().threshold();
        Block all = new Block(shape, values, 0);
        ElementFormat format = new ElementFormat(dtype, summarize ? summarized(all) : values);
        StringBuilder out = new StringBuilder();
        write(all, indent, summarize, format, out);
        return out.toString();
    }

    private static String sizeTuple(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(')').toString();
    }

    private static String addSuffixes(String text, List<String> suffixes, int indent) {
        StringBuilder out = new StringBuilder(text);
        int lastLineLength = text.length() - text.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > options().lineWidth()) {
                out.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                out.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return out.append(')').toString();
    }

    /** A sub-array of the row-major data: {@code shape} starting at element {@code start}. */
    private record Block(int[] shape, double[] data, int start) {
        int rows() {
            return shape[0];
        }

        Block row(int i) {
            int[] rest = Arrays.copyOfRange(shape, 1, shape.length);
            return new Block(rest, data, start + i * Shape.numel(rest));
        }

        double at(int i) {
            return data[start + i];
        }
    }

    /** {@code get_summarized_data}: the edge rows and columns the printout will show. */
    private static double[] summarized(Block block) {
        List<Double> kept = new ArrayList<>();
        collectSummarized(block, kept);
        double[] out = new double[kept.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = kept.get(i);
        }
        return out;
    }

    private static void collectSummarized(Block block, List<Double> kept) {
        if (block.shape().length == 0) {
            kept.add(block.at(0));
            return;
        }
        for (int i : shownIndices(block.rows())) {
            if (block.shape().length == 1) {
                kept.add(block.at(i));
            } else {
                collectSummarized(block.row(i), kept);
            }
        }
    }

    private static int[] shownIndices(int n) {
        if (n <= 2 * options().edgeItems()) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] edges = new int[2 * options().edgeItems()];
        for (int i = 0; i < options().edgeItems(); i++) {
            edges[i] = i;
            edges[options().edgeItems() + i] = n - options().edgeItems() + i;
        }
        return edges;
    }

    private static void write(Block block, int indent, boolean summarize, ElementFormat format, StringBuilder out) {
        int dim = block.shape().length;
        if (dim == 0) {
            out.append(format.format(block.at(0)));
            return;
        }
        if (dim == 1) {
            writeVector(block, indent, summarize, format, out);
            return;
        }
        List<String> slices = new ArrayList<>();
        boolean elide = summarize && block.rows() > 2 * options().edgeItems();
        for (int i = 0; i < block.rows(); i++) {
            if (elide && i == options().edgeItems()) {
                slices.add("...");
                i = block.rows() - options().edgeItems();
            }
            StringBuilder slice = new StringBuilder();
            write(block.row(i), indent + 1, summarize, format, slice);
            slices.add(slice.toString());
        }
        String separator = "," + "\n".repeat(dim - 1) + " ".repeat(indent + 1);
        out.append('[').append(String.join(separator, slices)).append(']');
    }

    private static void writeVector(Block block, int indent, boolean summarize, ElementFormat format, StringBuilder out) {
        int elementLength = format.width() + 2;
        int perLine = Math.max(1, (int) Math.floor((options().lineWidth() - indent) / (double) elementLength));
        List<String> items = new ArrayList<>();
        int n = block.rows();
        boolean elide = summarize && n > 2 * options().edgeItems();
        for (int i = 0; i < n; i++) {
            if (elide && i == options().edgeItems()) {
                items.add(" ...");
                i = n - options().edgeItems();
            }
            items.add(format.format(block.at(i)));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i += perLine) {
            lines.add(String.join(", ", items.subList(i, Math.min(items.size(), i + perLine))));
        }
        out.append('[').append(String.join(",\n" + " ".repeat(indent + 1), lines)).append(']');
    }

    /** PyTorch's {@code _Formatter}: decides the mode and common width from the values shown. */
    private static final class ElementFormat {
        private final DType dtype;
        private boolean intMode = true;
        private boolean sciMode;
        private int maxWidth = 1;

        ElementFormat(DType dtype, double[] values) {
            this.dtype = dtype;
            if (!dtype.isFloatingPoint()) {
                for (double v : values) {
                    maxWidth = Math.max(maxWidth, format(v).length());
                }
                return;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            boolean any = false;
            for (double v : values) {
                if (Double.isFinite(v) && v != 0) {
                    any = true;
                    min = Math.min(min, Math.abs(v));
                    max = Math.max(max, Math.abs(v));
                    if (v != Math.ceil(v)) {
                        intMode = false;
                    }
                }
            }
            if (!any) {
                return;
            }
            boolean wideRange = max / min > 1000.0 || max > 1.0e8;
            sciMode = intMode ? wideRange : wideRange || min < 1.0e-4;
            for (double v : values) {
                if (Double.isFinite(v) && v != 0) {
                    int length;
                    if (sciMode) {
                        length = DecimalText.scientific(v, options().precision()).length();
                    } else if (intMode) {
                        length = DecimalText.fixed(v, 0).length() + 1;
                    } else {
                        length = DecimalText.fixed(v, options().precision()).length();
                    }
                    maxWidth = Math.max(maxWidth, length);
                }
            }
            // set_printoptions(sci_mode=...) changes the notation only: the width stays the automatic one, as in PyTorch
            Boolean forced = options().sciMode();
            if (forced != null) {
                sciMode = forced;
            }
        }

        int width() {
            return maxWidth;
        }

        String format(double v) {
            String text;
            if (dtype == DType.BOOL) {
                text = v != 0 ? "True" : "False";
            } else if (!dtype.isFloatingPoint()) {
                text = Long.toString((long) v);
            } else if (sciMode) {
                text = DecimalText.scientific(v, options().precision());
            } else if (intMode) {
                text = DecimalText.fixed(v, 0) + (Double.isFinite(v) ? "." : "");
            } else {
                text = DecimalText.fixed(v, options().precision());
            }
            return text.length() >= maxWidth ? text : " ".repeat(maxWidth - text.length()) + text;
        }
    }
}
