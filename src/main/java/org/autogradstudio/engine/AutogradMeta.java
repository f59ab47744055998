package org.autogradstudio.engine;

/**
 * The autograd state few tensors need, created on first use as PyTorch's {@code AutogradMeta}:
 * the accumulated {@code .grad}, {@code retain_grad()}, the leaf's {@link AccumulateGrad} and,
 * for a view, the tensor it views. Intermediate results of a long chain never need it, so each of
 * them is four fields smaller.
 */
final class AutogradMeta {
    Tensor grad;
    boolean retainsGrad;
    AccumulateGrad accumulator;
    /** For a view: the tensor whose storage it shares (PyTorch refuses in-place ops on views of leaves). */
    Tensor viewBase;
    /** See {@link Tensor#savedBy()}: held here once the tensor needs the rest of this. */
    FunctionNode savedBy;
}
