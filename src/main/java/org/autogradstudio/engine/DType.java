package org.autogradstudio.engine;

/**
 * The element types a {@link Tensor} can hold, named as PyTorch names them.
 * Every tensor stores its elements as doubles; a float32 tensor rounds each result to float so
 * values (and therefore printing) match PyTorch's single-precision arithmetic.
 */
public enum DType {
    FLOAT32("torch.float32", true),
    FLOAT64("torch.float64", true),
    INT64("torch.int64", false),
    BOOL("torch.bool", false);

    private final String torchName;
    private final boolean floatingPoint;

    DType(String torchName, boolean floatingPoint) {
        this.torchName = torchName;
        this.floatingPoint = floatingPoint;
    }

    /** The name PyTorch prints, e.g. {@code torch.float64}. */
    public String torchName() {
        return torchName;
    }

    /** ATen's scalar type name, as error messages print it: Float, Double, Long, Bool. */
    public String scalarTypeName() {
        switch (this) {
            case FLOAT32: return "Float";
            case FLOAT64: return "Double";
            case INT64: return "Long";
            default: return "Bool";
        }
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** Rounds a value to what this dtype can hold (float32 rounding, integer truncation, bool). */
    public double round(double v) {
        // comparisons rather than a switch: this runs for every element of every result
        if (this == FLOAT32) {
            return (float) v;
        }
        if (this == FLOAT64) {
            return v;
        }
        return this == INT64 ? (double) (long) v : v != 0 ? 1 : 0;
    }

    /** PyTorch's type promotion for two tensor operands: float64 > float32 > int64 > bool. */
    public static DType promote(DType a, DType b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(DType d) {
        switch (d) {
            case FLOAT64: return 3;
            case FLOAT32: return 2;
            case INT64: return 1;
            default: return 0;
        }
    }
}
