package org.autogradstudio.calculus;

/**
 * Functions of whole tensors, kept opaque in element expressions ({@link Expr.Apply}) and used to
 * write the matrix form of a chain ({@code x^T (g ⊙ σ'(z))}). Each has its LaTeX and plain shape.
 */
public enum TensorFn {
    /** sum of all elements. */
    SUM("sum"),
    /** mean of all elements. */
    MEAN("mean"),
    /** sum / mean over some dimensions (the dims are in the label). */
    SUM_DIM("sum"),
    MEAN_DIM("mean"),
    MAX("max"),
    MIN("min"),
    NORM("norm"),
    /** matrix (or matrix-vector, vector-vector) product. */
    MATMUL("matmul"),
    TRANSPOSE("transpose"),
    /** the outer product {@code a b^T}. */
    OUTER("outer"),
    /** elementwise product, written ⊙ in the matrix form. */
    HADAMARD("hadamard"),
    /** a tensor of ones (the gradient a sum hands to each element). */
    ONES("ones"),
    /** the sum of a broadcast gradient back to an input's shape. */
    SUM_TO("sum_to"),
    /** the same elements in another arrangement (view, reshape, squeeze, index ...). */
    RESHAPE("reshape"),
    /** indexing or slicing: {@code x[0, 1:3]} (the subscript is the label). */
    INDEX("index"),
    /** the adjoint of an indexing or concatenation: scatter back into the input's positions. */
    SCATTER("scatter"),
    BCE_WITH_LOGITS("binary_cross_entropy_with_logits"),
    BCE("binary_cross_entropy"),
    MSE("mse_loss"),
    /** softmax / log_softmax along a dim (the dim is in the label). */
    SOFTMAX("softmax"),
    LOG_SOFTMAX("log_softmax"),
    NLL_LOSS("nll_loss"),
    /** the one-hot rows of the recorded class indices (the label names them, e.g. {@code y}); it takes no argument. */
    ONEHOT("one_hot"),
    /** variance, standard deviation, product, log-sum-exp, amax/amin, over all elements or dims (in the label). */
    VAR("var"),
    STD("std"),
    PROD("prod"),
    LOGSUMEXP("logsumexp"),
    AMAX("amax"),
    AMIN("amin"),
    MEDIAN("median"),
    /** the running sum along a dim; "reverse" in the label for its adjoint. */
    CUMSUM("cumsum"),
    /** an elementwise function known by name only (log1p, asinh ...): the label is torch's name. */
    ELEMENTWISE("elementwise"),
    /** an op that picks input elements (gather, flip, sort ...): the label is the op. */
    PICK("pick"),
    /** any other recorded function, shown by its grad_fn name. */
    OTHER("op");

    private final String plainName;

    TensorFn(String plainName) {
        this.plainName = plainName;
    }

    public String plainName() {
        return plainName;
    }
}
