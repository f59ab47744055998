package org.autogradstudio.engine;

/**
 * The memory behind one or more tensors (views and {@code detach()} share it), with the version
 * counter PyTorch uses to detect that a saved tensor was modified in place.
 * <p>
 * A tensor that owns its memory is its own storage ({@link Tensor} extends this class and points
 * {@code storage} at itself): one object fewer per tensor, which is a quarter of the objects a
 * long scalar chain keeps alive. Views point {@code storage} at their base and leave these fields
 * of their own unused, so code must always go through {@code tensor.storage}.
 */
class Storage {
    final double[] data;
    int version;

    Storage(double[] data) {
        this.data = data;
    }
}
