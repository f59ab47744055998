package org.autogradstudio.engine;

/**
 * Whether recorded nodes keep their forward inputs and output for display. The code that draws
 * graphs or derives the chain rule from them (a lesson session: the studio, the {@code graph},
 * {@code trace} and {@code check} commands) turns it on; plain runs leave it off, and then a node of
 * a 0-d elementwise op keeps only what its backward needs, as PyTorch does: the saved values as
 * numbers, not the tensors. The intermediate tensors of a long scalar chain then die young instead
 * of doubling what the collector has to copy until backward.
 * <p>
 * Inheritable, because an interpreter runs each cell on a fresh worker thread made by the caller.
 */
public final class GraphValues {
    private static final InheritableThreadLocal<Boolean> KEPT = new InheritableThreadLocal<>();

    private GraphValues() {
    }

    /** Whether nodes recorded on this thread keep their inputs and output ({@link Node#inputs()}, {@link Node#output()}). */
    public static boolean kept() {
        return KEPT.get() == Boolean.TRUE;
    }

    /** Sets the mode for this thread (and threads it starts afterwards); returns the previous one, to restore. */
    public static boolean setKept(boolean keep) {
        boolean previous = kept();
        KEPT.set(keep ? Boolean.TRUE : Boolean.FALSE);
        return previous;
    }
}
