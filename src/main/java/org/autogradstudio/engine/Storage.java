package org.autogradstudio.engine;

/**
 * The memory behind one or more tensors (views and {@code detach()} share it), with the version
 * counter PyTorch uses to detect that a saved tensor was modified in place.
 * <p>
 * A tensor that owns its memory is its own storage ({@link Tensor} extends this class and points
 * {@code storage} at itself): one object fewer per tensor. Views point {@code storage} at their
 * base and leave these fields of their own unused, so code must always go through
 * {@code tensor.storage}.
 * <p>
 * A storage of one element made for a 0-d tensor keeps it in {@link #scalar} and has no array
 * ({@code data == null}): a long scalar chain then allocates one object per tensor, not two. Every
 * valid position in such a storage is 0, so element access goes through {@link #get}/{@link #set}.
 */
class Storage {
    /** The elements, or null when the only element is held in {@link #scalar}. */
    final double[] data;
    double scalar;
    int version;

    Storage(double[] data) {
        this.data = data;
    }

    /** A one-element storage without an array. */
    Storage(double scalar) {
        this.data = null;
        this.scalar = scalar;
    }

    final double get(int pos) {
        double[] d = data;
        return d == null ? scalar : d[pos];
    }

    final void set(int pos, double value) {
        double[] d = data;
        if (d == null) {
            scalar = value;
        } else {
            d[pos] = value;
        }
    }

    /** Number of elements the storage holds. */
    final int length() {
        double[] d = data;
        return d == null ? 1 : d.length;
    }
}
