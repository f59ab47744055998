package org.autogradstudio.engine;

/**
 * {@code torch.bmm}: a matrix product per batch of two 3-d tensors, one BmmBackward0 node. Each
 * batch's product (and its gradients, {@code g @ B^T} and {@code A^T @ g}) is the engine's 2-d
 * product, worked without recording.
 */
public final class BatchMatmul {
    private BatchMatmul() {
    }

    public static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3 || b.dim() != 3) {
            throw TorchException.runtime("batch1 must be a 3D tensor");
        }
        if (a.shape[0] != b.shape[0] || a.shape[2] != b.shape[1]) {
            throw TorchException.runtime("Expected size for first two dimensions of batch2 tensor to be: [" + a.shape[0] + ", "
                    + a.shape[2] + "] but got: [" + b.shape[0] + ", " + b.shape[1] + "].");
        }
        Tensor result = products(a, b, false, false);
        if (Autograd.needed(a, b)) {
            Autograd.record(result, "BmmBackward0", new Tensor[] {a, b}, new Tensor[] {a, b}, (node, g) -> new Tensor[] {
                node.needsGrad(0) ? products(g, node.saved(1), false, true) : null,
                node.needsGrad(1) ? products(node.saved(0), g, true, false) : null});
        }
        return result;
    }

    /** Batch by batch {@code op(x[i]) @ op(y[i])}, op transposing where asked, stacked, without recording. */
    private static Tensor products(Tensor x, Tensor y, boolean transposeX, boolean transposeY) {
        boolean previous = GradMode.set(false);
        try {
            int batches = x.shape[0];
            Tensor[] out = new Tensor[batches];
            for (int i = 0; i < batches; i++) {
                Tensor xi = Indexing.select(x, 0, i), yi = Indexing.select(y, 0, i);
                out[i] = LinearAlgebra.mm(transposeX ? xi.t() : xi, transposeY ? yi.t() : yi);
            }
            return ShapeOps.stack(out, 0);
        } finally {
            GradMode.set(previous);
        }
    }
}
