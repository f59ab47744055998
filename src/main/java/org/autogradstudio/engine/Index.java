package org.autogradstudio.engine;

/** One item of a subscript {@code x[i, 1:3, None, ..., mask]}: PyTorch's indexing vocabulary. */
public sealed interface Index {
    Index NONE = new NewAxis();
    Index ELLIPSIS = new Rest();

    static Index at(long i) {
        return new At(i);
    }

    static Index slice(Long start, Long stop, Long step) {
        return new Slice(start, stop, step);
    }

    static Index tensor(Tensor t) {
        return new ByTensor(t);
    }

    /** The subscript that applies {@code item} along dimension {@code dim}: {@code [:, ..., item]} with {@code dim} full slices first. */
    static java.util.List<Index> along(int dim, Index item) {
        java.util.List<Index> items = new java.util.ArrayList<>(dim + 1);
        for (int k = 0; k < dim; k++) {
            items.add(slice(null, null, null));
        }
        items.add(item);
        return items;
    }

    /** An integer: selects one position and removes the dimension. */
    record At(long index) implements Index {
    }

    /** {@code start:stop:step}, each possibly absent (null). */
    record Slice(Long start, Long stop, Long step) implements Index {
    }

    /** {@code None}: inserts a dimension of size 1. */
    record NewAxis() implements Index {
    }

    /** {@code ...}: as many full slices as needed. */
    record Rest() implements Index {
    }

    /** A bool mask or an integer index tensor (advanced indexing). */
    record ByTensor(Tensor tensor) implements Index {
    }
}
