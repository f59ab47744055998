package org.autogradstudio.engine;

/**
 * The memory behind one or more tensors (views and {@code detach()} share it), with the version
 * counter PyTorch uses to detect that a saved tensor was modified in place.
 */
final class Storage {
    final double[] data;
    int version;

    Storage(double[] data) {
        this.data = data;
    }
}
